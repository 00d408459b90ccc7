#!/usr/bin/env bash
# Instructions per story request, under callgrind: ./bench/instructions.sh [CASE...]
#
# CASE: nothing, stored, tail (the seed story as in story_cpu.sh), with a 100 suffix for
# the seed story with 100 more approved comments (nothing100, ...). Default: nothing
# nothing100. Starts a throw-away PostgreSQL and Redis, loads the demo data, then runs
# bench/instructions.py under valgrind's callgrind once per case: 20 requests to warm up,
# 20 counted (only the requests: the set-up before each is not). Instruction counts do not
# depend on the machine's load, unlike CPU times; reads are not flushed while counting.
set -euo pipefail
source "$(dirname "$0")/../scripts/setup.sh"
source "$(dirname "$0")/../scripts/services.sh"
cd "$ROOT"
ensure_debian_packages valgrind gcc libc6-dev
ensure_python requirements.txt
compile_translations
start_temporary_postgres
start_temporary_redis
WORK=$(mktemp -d /tmp/newsportal-callgrind.XXXXXX)
cat >"$WORK/marks.c" <<'C'
#include <valgrind/callgrind.h>
void begin(void) { CALLGRIND_START_INSTRUMENTATION; CALLGRIND_ZERO_STATS; }
void toggle(void) { CALLGRIND_TOGGLE_COLLECT; }
void end(void) { CALLGRIND_DUMP_STATS_AT("requests"); CALLGRIND_STOP_INSTRUMENTATION; }
C
gcc -shared -fPIC -O1 -o "$WORK/marks.so" "$WORK/marks.c"
export READS_FLUSH_SECONDS=3600 CALLGRIND_MARKS="$WORK/marks.so"
"$PY" bench/instructions.py setup
for case in "${@:-nothing nothing100}"; do
  for one in $case; do
    valgrind --tool=callgrind --instr-atstart=no --collect-atstart=no \
      --callgrind-out-file="$WORK/$one.%p" "$PY" bench/instructions.py "$one" 2>"$WORK/$one.log"
    total=$(grep -h '^summary' "$WORK/$one".*.1 | cut -d' ' -f2)
    "$PY" -c 'import sys; print(f"  {sys.argv[1]:<12} {int(sys.argv[2]) / 20e6:6.2f} M instructions per request")' "$one" "$total"
  done
done
echo "callgrind files in $WORK"
