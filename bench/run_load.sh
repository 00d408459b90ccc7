#!/usr/bin/env bash
# The load bench: ./bench/run_load.sh [--quick] (see bench/load.py).
# Starts a throw-away PostgreSQL and Redis on loopback, runs the bench, stops them.
set -euo pipefail
source "$(dirname "$0")/../scripts/setup.sh"
source "$(dirname "$0")/../scripts/services.sh"
cd "$ROOT"
command -v wrk >/dev/null || ensure_debian_packages wrk
ensure_python requirements.txt
compile_translations
start_temporary_postgres
start_temporary_redis
"$PY" bench/load.py "$@"
