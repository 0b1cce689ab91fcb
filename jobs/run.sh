#!/usr/bin/env bash
# Runs the Discourse Atlas job locally (local[*]) through spark-submit; README command 1.
#   jobs/run.sh [--input PATH ...] [--output DIR] [--config FILE] [--snapshot YYYY-MM]
# With no arguments: reads data-sample/ and writes output/ at the repository root.
# Builds the application jar first when it is missing or stale.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ATLAS_HOME"
exec "$ATLAS_HOME/jobs/submit.sh" --master 'local[*]' -- "$@"
