#!/usr/bin/env bash
# The related stories' read on 100,000 stories: ./bench/related_plans.sh [--runs N] [--plans]
#
# Starts a throw-away PostgreSQL on loopback (as scripts/test does), runs
# bench/related_plans.py against it and stops it afterwards.
set -euo pipefail
source "$(dirname "$0")/../scripts/setup.sh"
source "$(dirname "$0")/../scripts/services.sh"
cd "$ROOT"
ensure_python requirements.txt
start_temporary_postgres
"$PY" bench/related_plans.py "$@"
