#!/usr/bin/env bash
# The moderation desk with 100,000 held comments: ./bench/desk.sh [--runs N]
#
# Starts a throw-away PostgreSQL on loopback (as scripts/test does), runs bench/desk.py
# against it and stops it afterwards. bench/desk.py says what each figure is.
set -euo pipefail
source "$(dirname "$0")/../scripts/setup.sh"
source "$(dirname "$0")/../scripts/services.sh"
cd "$ROOT"
ensure_python requirements.txt
start_temporary_postgres
"$PY" bench/desk.py "$@"
