#!/usr/bin/env bash
# Benchmarks. Only the sentiment part exists so far (the benchmark issue adds the rest):
#   jobs/benchmark.sh sentiment <output>/sentences/snapshot=YYYY-MM [threads]
# runs the job's sentiment stage and plain CoreNLP over the sentences that run scored, in one
# JVM with the same number of threads, and prints both rates and their ratio.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
part=${1:?usage: jobs/benchmark.sh sentiment <sentences table folder> [threads]}
case "$part" in
  sentiment)
    sentences=${2:?the sentences table folder of a run, e.g. output/sentences/snapshot=2026-11}
    threads=${3:-2}
    atlas_build_if_stale
    classpath=$(atlas_spark_classpath)
    exec java -Xmx"${ATLAS_DRIVER_MEMORY:-8g}" "${ATLAS_JAVA_OPENS[@]}" \
      "-Dlog4j2.configurationFile=$ATLAS_LOG_CONF" \
      -cp "$classpath:$ATLAS_JAR:$ATLAS_MODELS_JAR" org.discourseatlas.job.SentimentBenchmark "$sentences" "$threads"
    ;;
  *)
    echo "jobs/benchmark.sh: unknown part '$part' (sentiment)" >&2
    exit 2
    ;;
esac
