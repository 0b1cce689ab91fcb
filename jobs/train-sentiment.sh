#!/usr/bin/env bash
# Rebuilds the diplomatic sentiment model (decision 0023) from the labelled sentences of
# src/main/resources/sentiment/diplomatic/, read from the UN General Debate corpus:
#
#   jobs/train-sentiment.sh [corpus folder]
#
# The corpus folder defaults to target/benchmark/corpus/un-general-debate, unpacked there from
# ../shared/corpora/un-general-debate.tar.gz when missing (as jobs/benchmark.sh corpus does).
# Writes src/main/resources/sentiment/diplomatic-model.json and
# docs/decisions/0023-diplomatic-sentiment-results.md, and prints the held-out figures. A Spark
# local app in one JVM (org.discourseatlas.job.TrainSentiment); a rerun writes the same files.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

corpus_root="$ATLAS_HOME/target/benchmark/corpus"
tarball="$ATLAS_HOME/../shared/corpora/un-general-debate.tar.gz"
input=${1:-$corpus_root/un-general-debate}

if [[ $# -eq 0 && ! -f "$corpus_root/.unpacked" ]]; then
  [[ -f "$tarball" ]] || { echo "train-sentiment: $tarball not found" >&2; exit 1; }
  echo "train-sentiment: unpacking $tarball"
  rm -rf "$corpus_root"
  mkdir -p "$corpus_root"
  tar xzf "$tarball" -C "$corpus_root"
  touch "$corpus_root/.unpacked"
fi
[[ -d "$input" ]] || { echo "train-sentiment: no corpus folder $input" >&2; exit 1; }

atlas_build_if_stale
classpath=$(atlas_spark_classpath)
cd "$ATLAS_HOME"
java -Xmx"${ATLAS_DRIVER_MEMORY:-3g}" "${ATLAS_JAVA_OPENS[@]}" "-Dlog4j2.configurationFile=$ATLAS_LOG_CONF" \
  -cp "$classpath:$ATLAS_JAR:$ATLAS_MODELS_JAR" org.discourseatlas.job.TrainSentiment \
  "$input" src/main/resources/sentiment/diplomatic-model.json \
  docs/decisions/0023-diplomatic-sentiment-results.md
