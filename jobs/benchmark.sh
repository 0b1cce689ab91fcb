#!/usr/bin/env bash
# The benchmark: the whole job over the UN General Debate corpus (10,961 files), against its floors.
#
#   jobs/benchmark.sh            every part below in order (about an hour on 2 cores), then the report
#   jobs/benchmark.sh corpus     unpacks ../shared/corpora/un-general-debate.tar.gz under target/benchmark/
#   jobs/benchmark.sh floors     plain word count (2 threads); CoreNLP tokenize+ssplit alone, 1 and 2 threads
#   jobs/benchmark.sh job N      the job on local[N] through jobs/submit.sh (N = 1 or 2)
#   jobs/benchmark.sh sentiment-floors
#                                CoreNLP sentiment alone over exactly the sentences the local[2] run
#                                scored, 1 and 2 threads (needs "job 2" first)
#   jobs/benchmark.sh cluster    the job on a standalone Master and one Worker (2 cores) on 127.0.0.1,
#                                driver heap 1g, executor heap ATLAS_BENCH_EXECUTOR_MEMORY (2g): the
#                                memory targets, in separate JVMs
#   jobs/benchmark.sh refresh    the monthly refresh: 99% of the corpus as one month, then the other 1%
#                                added as a refresh and, into a copy, as a full run (--full), timed
#                                refresh, full, full, refresh; their tables compared; then its
#                                section of the report (also alone: jobs/benchmark.sh refresh-report)
#   jobs/benchmark.sh report     prints the per-stage table and the ratios; writes docs/benchmarks.md
#   jobs/benchmark.sh sentiment <output>/sentences/snapshot=YYYY-MM/run=<run_id> [threads] [limit]
#                                the job's sentiment stage and plain CoreNLP over one run's scored
#                                sentences (at most limit), in one JVM, then the stage with actors
#                                (a quick check, not part of "all")
#
# Each timed part runs between two host probes (results/probe-before-PART.json, -after-): a fixed
# slice of the corpus tokenized, whose CPU seconds show whether the host's speed moved (report).
# Each part leaves its figures in target/benchmark/results/*.json, so a part can be rerun alone and
# the report redone. Every JVM gets the same heap (ATLAS_DRIVER_MEMORY, default 4g). Run it on an
# otherwise idle machine: the figures are wall times.
# Overrides: ATLAS_BENCH_DIR (work folder), ATLAS_BENCH_INPUT (a corpus folder instead of the
# tarball, e.g. a subset for a quick try), ATLAS_BENCH_REPORT (where the markdown goes),
# ATLAS_BENCH_REFRESH_EVERY (the refresh part holds back every Nth file; default 100, i.e. 1%),
# ATLAS_BENCH_REFRESH_ROUNDS (pairs of refresh and full run it times, alternating; default 2).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bench_dir=${ATLAS_BENCH_DIR:-$ATLAS_HOME/target/benchmark}
results="$bench_dir/results"
tarball="$ATLAS_HOME/../shared/corpora/un-general-debate.tar.gz"
input=${ATLAS_BENCH_INPUT:-$bench_dir/corpus/un-general-debate}
report=${ATLAS_BENCH_REPORT:-$ATLAS_HOME/docs/benchmarks.md}
snapshot=2026-11
export ATLAS_DRIVER_MEMORY=${ATLAS_DRIVER_MEMORY:-4g}
mkdir -p "$results"

# The UN file names carry country, session and year: ISR_71_2016.txt.
bench_config="$bench_dir/un.conf"
cat > "$bench_config" <<'EOF'
discourse-atlas.ingest.path-patterns = [ "{country}_{session}_{year}.txt" ]
EOF

now_ns() { date +%s%N; }
seconds_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }
mean_of() { printf '%s\n' "$@" | awk '{ s += $1 } END { printf "%.3f", s / NR }'; }

# The benchmark's own classes (floors, report, comparisons) are test code, kept out of the job's
# jar like Spark's benchmarks: they run from target/test-classes beside the jar they measure.
bench_classes="$ATLAS_HOME/target/test-classes"

bench_java() {
  atlas_build_if_stale
  if [[ ! -d "$bench_classes/org/discourseatlas/bench" \
      || -n $(find "$ATLAS_HOME/src/test/java/org/discourseatlas/bench" -newer "$bench_classes/org/discourseatlas/bench" -print -quit) ]]; then
    echo "benchmark: compiling the benchmark classes (mvn test-compile)" >&2
    (cd "$ATLAS_HOME" && mvn -q -B -Dspotless.check.skip=true test-compile) >&2
  fi
  local classpath
  classpath=$(atlas_spark_classpath)
  java -Xmx"$ATLAS_DRIVER_MEMORY" "${ATLAS_JAVA_OPENS[@]}" "-Dlog4j2.configurationFile=$ATLAS_LOG_CONF" \
    -cp "$classpath:$ATLAS_JAR:$ATLAS_MODELS_JAR:$bench_classes" "$@"
}

part_corpus() {
  if [[ -n "${ATLAS_BENCH_INPUT:-}" ]]; then
    echo "benchmark: corpus $input (ATLAS_BENCH_INPUT)"
  elif [[ ! -f "$bench_dir/corpus/.unpacked" ]]; then
    [[ -f "$tarball" ]] || { echo "benchmark: $tarball not found" >&2; exit 1; }
    echo "benchmark: unpacking $tarball"
    rm -rf "$bench_dir/corpus"
    mkdir -p "$bench_dir/corpus"
    tar xzf "$tarball" -C "$bench_dir/corpus"
    touch "$bench_dir/corpus/.unpacked"
  fi
  echo "benchmark: corpus $(find "$input" -type f | wc -l) files, $(du -sb "$input" | cut -f1) bytes"
}

# The host probe (Floors probe): a fixed slice of the corpus tokenized by plain CoreNLP, the same
# work each time. Run before and after each timed part; the report compares their CPU seconds to
# say whether the shared host's speed moved between parts. Named after the part, so a part run
# again replaces its own probes with its results.
probe() {
  part_corpus > /dev/null
  bench_java org.discourseatlas.bench.Floors probe "$input" 2 "$results/probe-$1.json" "$1" | tail -n 1
}

# A timed part between two probes: probed NAME FUNCTION [ARGS...]
probed() {
  local name=$1
  shift
  probe "before-$name"
  "$@"
  probe "after-$name"
}

part_floors() {
  part_corpus
  bench_java org.discourseatlas.bench.Floors wordcount "$input" 2 "$results/wordcount-2.json"
  for threads in 1 2; do
    bench_java org.discourseatlas.bench.Floors tokenize "$input" "$threads" "$results/tokenize-$threads.json"
  done
}

part_job() {
  local threads=${1:?usage: jobs/benchmark.sh job 1|2}
  part_corpus
  atlas_build_if_stale
  local out="$bench_dir/out-local$threads"
  # Spark's event log: the report reads from it how busy each stage kept the task slots.
  local events="$results/events-$threads"
  rm -rf "$out" "$events"
  mkdir -p "$events"
  echo "benchmark: the job on local[$threads], log in $bench_dir/job-$threads.log"
  local start status=0
  start=$(now_ns)
  "$ATLAS_HOME/jobs/submit.sh" --master "local[$threads]" --conf spark.ui.showConsoleProgress=false \
    --conf spark.eventLog.enabled=true --conf "spark.eventLog.dir=$events" -- \
    --input "$input" --output "$out" --config "$bench_config" --snapshot "$snapshot" \
    > "$bench_dir/job-$threads.log" 2>&1 || status=$?
  local seconds
  seconds=$(seconds_since "$start")
  grep -E 'stage |duplicates|scored' "$bench_dir/job-$threads.log" || true
  if (( status != 0 )); then
    echo "benchmark: the job on local[$threads] failed (exit $status); see $bench_dir/job-$threads.log" >&2
    exit "$status"
  fi
  printf '{"floor": "job", "threads": %d, "seconds": %s, "output": "%s", "heap": "%s", "commit": "%s"}\n' \
    "$threads" "$seconds" "$out" "$ATLAS_DRIVER_MEMORY" "$(git -C "$ATLAS_HOME" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    > "$results/job-$threads.json"
  echo "benchmark: job local[$threads] $seconds s"
}

part_sentiment_floors() {
  # The run folder of the local[2] run's sentences (one: a committed run deletes the others).
  local sentences
  sentences=$(find "$bench_dir/out-local2/sentences/snapshot=$snapshot" -mindepth 1 -maxdepth 1 -name 'run=*' 2>/dev/null | head -n 1 || true)
  [[ -n "$sentences" && -d "$sentences" ]] || { echo "benchmark: $sentences missing: run 'jobs/benchmark.sh job 2' first" >&2; exit 1; }
  for threads in 2 1; do
    bench_java org.discourseatlas.bench.Floors sentiment "$sentences" "$threads" \
      "$results/sentiment-$threads.json" "$bench_config"
  done
}

# A standalone Master and one Worker from the Maven jars (a Worker launches executors only under a
# SPARK_HOME whose jars/ holds Spark's jars), stopped by process id when the part ends.
cluster_pids=()
stop_cluster() {
  for pid in "${cluster_pids[@]}"; do
    pkill -KILL -P "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
  done
  cluster_pids=()
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

part_cluster() {
  part_corpus
  atlas_build_if_stale
  local classpath home="$bench_dir/cluster/spark-home" logs="$bench_dir/cluster/logs"
  classpath=$(atlas_spark_classpath)
  rm -rf "$bench_dir/cluster" "$results/job-cluster.json"
  mkdir -p "$home/jars" "$logs" "$bench_dir/cluster/work" "$bench_dir/cluster/local"
  tr ':' '\n' <<< "$classpath" | while read -r jar; do
    if [[ -f "$jar" ]]; then ln -sf "$jar" "$home/jars/"; fi
  done
  local master_port ui_port executor_memory=${ATLAS_BENCH_EXECUTOR_MEMORY:-2g}
  master_port=$(free_port)
  ui_port=$(free_port)
  trap stop_cluster EXIT
  local daemon=(java -Xmx512m "${ATLAS_JAVA_OPENS[@]}" -cp "$classpath")
  SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 \
    "${daemon[@]}" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$master_port" \
    --webui-port "$ui_port" > "$logs/master.log" 2>&1 &
  cluster_pids+=($!)
  SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}" \
    SPARK_LOCAL_DIRS="$bench_dir/cluster/local" \
    "${daemon[@]}" org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$master_port" --host 127.0.0.1 \
    --port "$(free_port)" --webui-port "$(free_port)" --cores 2 --memory 4g \
    --work-dir "$bench_dir/cluster/work" > "$logs/worker.log" 2>&1 &
  cluster_pids+=($!)
  for _ in $(seq 60); do
    curl -sf "http://127.0.0.1:$ui_port/json/" | grep -q '"aliveworkers" *: *1' && break
    sleep 1
  done
  local out="$bench_dir/out-cluster" status=0 start seconds
  rm -rf "$out"
  echo "benchmark: the job on spark://127.0.0.1:$master_port (driver 1g, executor $executor_memory), log in $bench_dir/job-cluster.log"
  start=$(now_ns)
  ATLAS_DRIVER_MEMORY=1g "$ATLAS_HOME/jobs/submit.sh" --master "spark://127.0.0.1:$master_port" --deploy-mode client \
    --executor-memory "$executor_memory" --conf spark.executor.cores=2 --conf spark.ui.showConsoleProgress=false \
    --conf "spark.executor.extraJavaOptions=-Xlog:gc:file=$bench_dir/cluster/executor-gc.log" -- \
    --input "$input" --output "$out" --config "$bench_config" --snapshot "$snapshot" \
    > "$bench_dir/job-cluster.log" 2>&1 || status=$?
  seconds=$(seconds_since "$start")
  stop_cluster
  trap - EXIT
  grep -E 'stage ' "$bench_dir/job-cluster.log" || true
  if (( status != 0 )); then
    echo "benchmark: the job on the standalone cluster failed (exit $status); see $bench_dir/job-cluster.log" >&2
    printf '{"floor": "job", "threads": 2, "seconds": %s, "output": "%s", "driver_heap": "1g", "executor_heap": "%s", "failed_exit": %d}\n' \
      "$seconds" "$out" "$executor_memory" "$status" > "$results/job-cluster.json"
    return "$status"
  fi
  # G1 log lines end "before->after(capacity) pause": the largest after is the executor's peak
  # heap after a collection, the largest before its peak heap used.
  local after before
  after=$(grep -oE '[0-9]+M->[0-9]+M' "$bench_dir/cluster/executor-gc.log"* | sed 's/.*->//; s/M//' | sort -n | tail -1)
  before=$(grep -oE '[0-9]+M->[0-9]+M' "$bench_dir/cluster/executor-gc.log"* | sed 's/.*://; s/M->.*//' | sort -n | tail -1)
  printf '{"floor": "job", "threads": 2, "seconds": %s, "output": "%s", "log": "%s", "driver_heap": "1g", "executor_heap": "%s", "executor_heap_peak_used_mb": %s, "executor_heap_peak_after_gc_mb": %s}\n' \
    "$seconds" "$out" "$bench_dir/job-cluster.log" "$executor_memory" "${before:-null}" "${after:-null}" > "$results/job-cluster.json"
  echo "benchmark: job on the standalone cluster $seconds s; executor heap peak ${before:-?} MB, after GC ${after:-?} MB"
}

# The monthly refresh. A snapshot of 99% of the corpus (2026-10); then 2026-11 with the other 1%
# (every 100th file by path) added both as a refresh of 2026-10 and as a full run (--full, the
# topic model reused as a refresh reuses it) into a copy of the 2026-10 output, each
# ATLAS_BENCH_REFRESH_ROUNDS times. All on local[2]; the last runs' tables are compared;
# results/refresh.json holds every run's time and the comparison.
run_refresh_job() {
  local name=$1 out=$2 month=$3 start status=0
  shift 3
  echo "benchmark: refresh part, $name run ($month), log in $bench_dir/refresh/$name.log"
  start=$(now_ns)
  "$ATLAS_HOME/jobs/submit.sh" --master "local[2]" --conf spark.ui.showConsoleProgress=false -- \
    --input "$bench_dir/refresh/inbox" --output "$out" --config "$bench_config" --snapshot "$month" "$@" \
    > "$bench_dir/refresh/$name.log" 2>&1 || status=$?
  refresh_seconds=$(seconds_since "$start")
  grep -E 'stage |refresh:|parsed' "$bench_dir/refresh/$name.log" || true
  if (( status != 0 )); then
    echo "benchmark: the $name run failed (exit $status); see $bench_dir/refresh/$name.log" >&2
    exit "$status"
  fi
  echo "benchmark: $name run $refresh_seconds s"
}

part_refresh() {
  # ATLAS_BENCH_REFRESH_EVERY=20 holds back every 20th file (5% new) instead of every 100th (1%):
  # the refresh's cost against the size of the month (issue 17).
  local refresh_every=${ATLAS_BENCH_REFRESH_EVERY:-100}
  part_corpus
  atlas_build_if_stale
  local work="$bench_dir/refresh"
  local inbox="$work/inbox" held="$work/held" refreshed="$work/out-refresh" full="$work/out-full"
  local held_files rel base_seconds
  # ATLAS_BENCH_REFRESH_KEEP_BASE=1 keeps a finished base run (its seconds in base.seconds) and
  # times only the refresh and the full run, e.g. after a change to the refresh code.
  if [[ -n "${ATLAS_BENCH_REFRESH_KEEP_BASE:-}" && -f "$work/base.seconds" && -d "$held" ]]; then
    echo "benchmark: refresh part, keeping the base run in $refreshed"
    base_seconds=$(cat "$work/base.seconds")
    rm -rf "$full"
  else
    rm -rf "$work"
    mkdir -p "$held"
    cp -al "$input" "$inbox" # hard links: the same files, no second copy
    find "$inbox" -type f | LC_ALL=C sort | awk -v every="$refresh_every" 'NR % every == 0' > "$work/held.txt"
    while read -r file; do
      rel=${file#"$inbox"/}
      mkdir -p "$held/$(dirname "$rel")"
      mv "$file" "$held/$rel"
    done < "$work/held.txt"
    run_refresh_job base "$refreshed" 2026-10
    base_seconds=$refresh_seconds
    echo "$base_seconds" > "$work/base.seconds"
  fi
  held_files=$(wc -l < "$work/held.txt")
  echo "benchmark: refresh part, $held_files of $(find "$input" -type f | wc -l) files held back for the refresh"
  cp -al "$refreshed" "$full" # the runs below only add folders and delete whole ones: links are safe
  (cd "$held" && find . -type f) | while read -r rel; do
    ln -f "$held/$rel" "$inbox/$rel" # linked, not moved: the held files stay for a rerun of this part
  done
  # ATLAS_BENCH_REFRESH_ROUNDS (default 2) pairs, timed in the order refresh, full, full, refresh
  # (ABBA): this shared host's speed drifts by 20% within an hour, and a drift during the part then
  # weighs on both sides alike. The ratio is of the mean times; each run has a probe before it, so
  # the report shows the host's speed at each. A second run of 2026-11 rebuilds it from 2026-10,
  # as a rerun of a month does. ROUNDS=1 is the single pair of earlier reports.
  local rounds=${ATLAS_BENCH_REFRESH_ROUNDS:-2} round kind
  local refresh_runs=() full_runs=()
  for (( round = 1; round <= rounds; round++ )); do
    local order=(refresh full)
    (( round % 2 == 0 )) && order=(full refresh)
    for kind in "${order[@]}"; do
      probe "before-refresh-$kind-$round"
      if [[ "$kind" == refresh ]]; then
        run_refresh_job "refresh-$round" "$refreshed" 2026-11
        refresh_runs+=("$refresh_seconds")
      else
        run_refresh_job "full-$round" "$full" 2026-11 --full
        full_runs+=("$refresh_seconds")
      fi
    done
  done
  local incremental_seconds full_seconds
  incremental_seconds=$(mean_of "${refresh_runs[@]}")
  full_seconds=$(mean_of "${full_runs[@]}")
  local equal=true
  bench_java org.discourseatlas.bench.CompareSnapshots "$full" "$refreshed" 2026-11 1e-9 "$results/refresh-tables.json" \
    || equal=false
  local joined_refresh joined_full
  joined_refresh=$(IFS=,; echo "${refresh_runs[*]}")
  joined_full=$(IFS=,; echo "${full_runs[*]}")
  printf '{"part": "refresh", "held_files": %d, "refresh_every": %d, "base_seconds": %s, "refresh_seconds": %s, "full_seconds": %s, "refresh_runs": [%s], "full_runs": [%s], "tables_equal": %s, "refresh_output": "%s", "full_output": "%s", "heap": "%s", "commit": "%s"}\n' \
    "$held_files" "$refresh_every" "$base_seconds" "$incremental_seconds" "$full_seconds" "$joined_refresh" "$joined_full" "$equal" "$refreshed" "$full" \
    "$ATLAS_DRIVER_MEMORY" "$(git -C "$ATLAS_HOME" rev-parse --short HEAD 2>/dev/null || echo unknown)" > "$results/refresh.json"
  echo "benchmark: refresh ${refresh_runs[*]} s (mean $incremental_seconds), full run ${full_runs[*]} s (mean $full_seconds); tables equal: $equal"
  part_refresh_report
}

# The refresh section alone, put into the existing report (the other parts not rerun).
part_refresh_report() {
  bench_java org.discourseatlas.bench.BenchmarkReport refresh "$results" "$report"
}

part_report() {
  # The commit the jobs ran (recorded by "job 2"), else this checkout's; ATLAS_BENCH_COMMIT overrides.
  local commit
  commit=${ATLAS_BENCH_COMMIT:-$(sed -n 's/.*"commit": "\([^"]*\)".*/\1/p' "$results/job-2.json" 2>/dev/null)}
  bench_java org.discourseatlas.bench.BenchmarkReport "$results" "$report" \
    "${commit:-$(git -C "$ATLAS_HOME" rev-parse --short HEAD 2>/dev/null || echo unknown)}"
}

part=${1:-all}
case "$part" in
  all)
    start=$(now_ns)
    part_corpus
    probed floors part_floors
    probed job-2 part_job 2
    probed sentiment-floors part_sentiment_floors
    probed job-1 part_job 1
    # A failed memory run is a finding for the report, not a reason to lose the rest.
    probed cluster part_cluster || true
    probed refresh part_refresh
    part_report
    echo "benchmark: all parts in $(seconds_since "$start") s"
    ;;
  corpus) part_corpus ;;
  floors) probed floors part_floors ;;
  job) probed "job-${2:-}" part_job "${2:-}" ;;
  sentiment-floors) probed sentiment-floors part_sentiment_floors ;;
  cluster) probed cluster part_cluster ;;
  refresh) probed refresh part_refresh ;;
  refresh-report) part_refresh_report ;;
  report) part_report ;;
  sentiment)
    sentences=${2:?the sentences table folder of a run, e.g. output/sentences/snapshot=2026-11/run=<run_id>}
    bench_java org.discourseatlas.bench.SentimentBenchmark "$sentences" "${3:-2}" ${4:+"$4"}
    ;;
  *)
    echo "jobs/benchmark.sh: unknown part '$part' (all, corpus, floors, job N, sentiment-floors, cluster, refresh, refresh-report, report, sentiment)" >&2
    exit 2
    ;;
esac
