#!/usr/bin/env bash
# Creates the notebooks' virtualenv and installs notebooks/requirements.txt into it.
#   notebooks/setup.sh
# Idempotent: does nothing when the virtualenv already holds exactly these requirements.
# Environment:
#   ATLAS_NOTEBOOKS_VENV  where the virtualenv goes (default: target/notebooks-venv, which
#                         `mvn clean` removes)
#   ATLAS_PYTHON          the Python that creates it (default: python3, 3.10 or newer)
#   ATLAS_PIP_RETRIES, ATLAS_PIP_TIMEOUT  pip's retry cap and socket timeout (default 1 and
#                         15 s), so an unreachable package index fails fast instead of hanging
# Any PIP_* variable (PIP_INDEX_URL, PIP_FIND_LINKS, ...) reaches pip as usual.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
venv="${ATLAS_NOTEBOOKS_VENV:-$root/target/notebooks-venv}"
python="${ATLAS_PYTHON:-python3}"
requirements="$here/requirements.txt"

if ! command -v "$python" > /dev/null; then
  echo "notebooks/setup.sh: $python not found; install Python 3.10+ or set ATLAS_PYTHON" >&2
  exit 2
fi
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' || {
  echo "notebooks/setup.sh: $python is $("$python" --version 2>&1); 3.10 or newer is needed" >&2
  exit 2
}

# The stamp names the requirements and the Python they were installed for.
wanted="$( (cat "$requirements"; "$python" -c 'import sys; print(sys.version)') | sha256sum | cut -c1-64)"
stamp="$venv/.atlas-requirements"
mkdir -p "$(dirname "$venv")"
exec 9> "$venv.lock"
flock 9  # one installer at a time (a test and a person may start it together)
if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
  echo "notebooks virtualenv up to date: $venv"
  exit 0
fi

echo "creating the notebooks virtualenv in $venv"
rm -rf "$venv"
"$python" -m venv "$venv"
started=$SECONDS
"$venv/bin/python" -m pip install --disable-pip-version-check --no-input --progress-bar off \
  --retries "${ATLAS_PIP_RETRIES:-1}" --timeout "${ATLAS_PIP_TIMEOUT:-15}" \
  -r "$requirements"
echo "$wanted" > "$stamp"
echo "notebooks virtualenv ready in $((SECONDS - started)) s: $venv"
