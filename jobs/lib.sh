# Shared by the job scripts: paths, the application jar, the Maven-resolved Spark classpath.
# Sourced, not run.
ATLAS_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ATLAS_MAIN=org.discourseatlas.job.DiscourseAtlasJob
ATLAS_JAR="$ATLAS_HOME/target/discourse-atlas.jar"
# Only the CoreNLP model files the job loads; shipped to executors with --jars.
ATLAS_MODELS_JAR="$ATLAS_HOME/target/discourse-atlas-models.jar"
ATLAS_SPARK_CLASSPATH="$ATLAS_HOME/target/spark-classpath.txt"
ATLAS_LOG_CONF="$ATLAS_HOME/jobs/conf/log4j2.properties"
# Spark on Java 17 needs its launcher's --add-opens list (Spark's JavaModuleOptions).
ATLAS_JAVA_OPENS=(
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true
)

# Builds the jar when it is missing or older than any source, resource or the pom.
atlas_build_if_stale() {
  local stale=0
  if [[ ! -f "$ATLAS_JAR" || ! -f "$ATLAS_MODELS_JAR" ]]; then
    stale=1
  elif [[ -n $(find "$ATLAS_HOME/src/main" "$ATLAS_HOME/pom.xml" -newer "$ATLAS_JAR" -print -quit) ]]; then
    stale=1
  fi
  if (( stale )); then
    echo "discourse-atlas: building $ATLAS_JAR (mvn package -DskipTests)" >&2
    (cd "$ATLAS_HOME" && mvn -q -B -DskipTests -Dspotless.check.skip=true package) >&2
  fi
}

# Writes the Spark classpath (the pom's provided dependencies) when missing or older than the pom.
atlas_spark_classpath() {
  if [[ ! -f "$ATLAS_SPARK_CLASSPATH" || "$ATLAS_HOME/pom.xml" -nt "$ATLAS_SPARK_CLASSPATH" ]]; then
    (cd "$ATLAS_HOME" && mvn -q -B -Dspotless.check.skip=true dependency:build-classpath -Dmdep.includeScope=provided \
        -Dmdep.outputFile="$ATLAS_SPARK_CLASSPATH") >&2
  fi
  cat "$ATLAS_SPARK_CLASSPATH"
}
