#!/usr/bin/env bash
# Submits the Discourse Atlas job with spark-submit.
#   jobs/submit.sh [spark-submit options] -- [job options]
# With SPARK_HOME set: $SPARK_HOME/bin/spark-submit. Without: Spark's own SparkSubmit class run
# from the project's Maven-resolved Spark jars (no Spark distribution needed). Same arguments
# either way: --master, --deploy-mode, --conf, --jars, ... before "--"; the job's own options
# (--input, --output, --config, --snapshot, --help) after it. The slim CoreNLP model jar
# (target/discourse-atlas-models.jar) is added to --jars unless you pass --jars yourself.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

spark_args=()
job_args=()
after_separator=0
for arg in "$@"; do
  if (( ! after_separator )) && [[ "$arg" == "--" ]]; then
    after_separator=1
  elif (( after_separator )); then
    job_args+=("$arg")
  else
    spark_args+=("$arg")
  fi
done

atlas_build_if_stale

# A local run listens on this machine only: Spark binds its UI to SPARK_LOCAL_IP or else to every
# interface, and the driver's RPC and block manager to it too. Set SPARK_LOCAL_IP yourself to
# choose another address. On a cluster the executors must reach the driver: README, "Security on
# a cluster".
master=""
for (( i = 0; i < ${#spark_args[@]}; i++ )); do
  case "${spark_args[$i]}" in
    --master) master=${spark_args[$((i + 1))]:-} ;;
    --master=*) master=${spark_args[$i]#--master=} ;;
  esac
done
if [[ -z "$master" || "$master" == local* ]]; then
  export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
fi
driver_log="-Dlog4j2.configurationFile=$ATLAS_LOG_CONF"

# The CoreNLP models travel with --jars. Without a --jars of yours, the slim model jar is added;
# with one, include target/discourse-atlas-models.jar in it yourself.
has_jars=0
for arg in "${spark_args[@]}"; do
  [[ "$arg" == "--jars" || "$arg" == --jars=* ]] && has_jars=1
done
if (( ! has_jars )); then
  spark_args+=(--jars "$ATLAS_MODELS_JAR")
fi

if [[ -n "${SPARK_HOME:-}" ]]; then
  exec "$SPARK_HOME/bin/spark-submit" --class "$ATLAS_MAIN" \
    --driver-java-options "$driver_log" \
    "${spark_args[@]}" "$ATLAS_JAR" "${job_args[@]}"
fi

classpath=$(atlas_spark_classpath)
# The driver JVM is this java process: its heap comes from ATLAS_DRIVER_MEMORY, not --driver-memory.
exec java -Xmx"${ATLAS_DRIVER_MEMORY:-4g}" "${ATLAS_JAVA_OPENS[@]}" "$driver_log" \
  -cp "$classpath" org.apache.spark.deploy.SparkSubmit \
  --class "$ATLAS_MAIN" "${spark_args[@]}" "$ATLAS_JAR" "${job_args[@]}"
