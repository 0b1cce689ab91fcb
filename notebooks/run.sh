#!/usr/bin/env bash
# Executes every notebook headless on one snapshot of the job's output and exports the report.
#   notebooks/run.sh OUTPUT [SNAPSHOT] [-p NAME=VALUE ...]
# OUTPUT is the job's output folder (holds _runs/); SNAPSHOT (YYYY-MM) defaults to the latest
# one a succeeded run wrote; -p sets a notebook parameter (e.g. -p ZONE_A=raqqa -p ZONE_B=mosul).
# Writes the executed notebooks and report-SNAPSHOT.html (one self-contained file, figures
# inline) to OUTPUT/_reports/SNAPSHOT/. Exits non-zero if any cell fails. Creates the virtualenv
# with notebooks/setup.sh first if it is missing or stale (ATLAS_NOTEBOOKS_VENV as there).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
if [[ $# -lt 1 || "$1" == -* ]]; then
  echo "usage: notebooks/run.sh OUTPUT [SNAPSHOT] [-p NAME=VALUE ...]" >&2
  exit 2
fi
venv="${ATLAS_NOTEBOOKS_VENV:-$root/target/notebooks-venv}"
"$here/setup.sh"
# No bytecode caches in notebooks/, no Jupyter runtime files in $HOME.
export PYTHONDONTWRITEBYTECODE=1
export JUPYTER_PLATFORM_DIRS=1 JUPYTER_RUNTIME_DIR="$(mktemp -d)"
trap 'rm -rf "$JUPYTER_RUNTIME_DIR"' EXIT
"$venv/bin/python" "$here/run_notebooks.py" "$@"
