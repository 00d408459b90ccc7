#!/usr/bin/env bash
# CPU per story request, in process: ./bench/story_cpu.sh [--runs N] [--profile CASE]
# (or instructions: --callgrind CASE, with valgrind)
#
# Starts a throw-away PostgreSQL and Redis on loopback (as scripts/test does), runs
# bench/story_cpu.py against them and stops them afterwards.
set -euo pipefail
source "$(dirname "$0")/../scripts/setup.sh"
source "$(dirname "$0")/../scripts/services.sh"
cd "$ROOT"
ensure_python requirements.txt
case " $* " in *" --callgrind "*) command -v valgrind >/dev/null || ensure_debian_packages valgrind ;; esac
compile_translations
start_temporary_postgres
start_temporary_redis
"$PY" bench/story_cpu.py "$@"
