#!/usr/bin/env bash
# The monthly refresh, for cron or any scheduler:
#   jobs/refresh-monthly.sh --output DIR [--snapshot YYYY-MM] [--master URL] [--no-report]
#                           [-- JOB OPTIONS: --input PATH ..., --config FILE, --refit-topics]
# runs the job over the input location(s) into DIR as snapshot YYYY-MM (default: this month, UTC),
# then, for a local DIR, executes the notebooks and writes DIR/_reports/YYYY-MM/report-YYYY-MM.html.
#
# - One writer at a time per output, whatever starts it: the job itself takes a lease in DIR
#   (DIR/_runs/writer.lease), so `out`, `./out`, file:///.../out, jobs/run.sh and the Airflow DAG
#   all meet the same one. A refresh that finds it held exits 75 having changed nothing.
# - Exit 0 only when the snapshot and its report are written. A failed job exits with the job's
#   code (2 bad input or config, 1 the run failed); earlier snapshots stay as they were, and the
#   next run completes normally. A failed report after a good snapshot exits 3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

usage() {
  echo "usage: jobs/refresh-monthly.sh --output DIR [--snapshot YYYY-MM] [--master URL] [--no-report] [-- job options]" >&2
  exit 2
}

output=""
snapshot=$(date -u +%Y-%m)
master='local[*]'
report=1
job_args=()
while (( $# )); do
  case "$1" in
    --output) output=${2:?--output needs a folder}; shift 2 ;;
    --snapshot) snapshot=${2:?--snapshot needs YYYY-MM}; shift 2 ;;
    --master) master=${2:?--master needs a URL}; shift 2 ;;
    --no-report) report=0; shift ;;
    --) shift; job_args=("$@"); break ;;
    *) echo "refresh-monthly: unknown option '$1'" >&2; usage ;;
  esac
done
[[ -n "$output" ]] || usage
[[ "$snapshot" =~ ^[0-9]{4}-(0[1-9]|1[0-2])$ ]] || { echo "refresh-monthly: --snapshot '$snapshot' is not YYYY-MM" >&2; exit 2; }

log() { echo "refresh-monthly $(date -u +%FT%TZ): $*" >&2; }

log "snapshot $snapshot of $output on $master"
status=0
"$here/submit.sh" --master "$master" -- --output "$output" --snapshot "$snapshot" "${job_args[@]}" || status=$?
if (( status == 75 )); then
  log "NOT STARTED: another run is writing $output (the job's message above); nothing was changed"
  exit 75
fi
if (( status != 0 )); then
  log "FAILED: the job exited $status; snapshot $snapshot was not published and every earlier snapshot of $output is unchanged (the job's log is above)"
  exit "$status"
fi
log "snapshot $snapshot of $output written"

if (( report )); then
  if [[ "$output" == *://* && "$output" != file://* ]]; then
    log "the report needs a local output; $output is not one (run notebooks/run.sh on a local copy)"
  else
    status=0
    "$root/notebooks/run.sh" "${output#file://}" "$snapshot" || status=$?
    if (( status != 0 )); then
      log "FAILED: snapshot $snapshot is written, but its report failed (notebooks/run.sh exited $status)"
      exit 3
    fi
    log "report ${output#file://}/_reports/$snapshot/report-$snapshot.html written"
  fi
fi
