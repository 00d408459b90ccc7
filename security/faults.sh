#!/usr/bin/env bash
# Fault drill, on loopback only: ./security/faults.sh
#
# Starts the production settings on gunicorn (3 workers x 4 threads) with a throw-away
# PostgreSQL and Redis (cache, rate limits, read buffer), then runs
# security/fault_load.py: writers post comments and readers read a story while
# PostgreSQL is stopped and started again, then while Redis is killed and restarted,
# without ever restarting gunicorn. Prints the figures (also in $FAULTS_REPORT) and fails
# if a comment was acknowledged but not stored, a 503 was not the friendly page, the
# server answered 500, or reads after recovery were not counted exactly. About 1 minute.
set -euo pipefail
source "$(dirname "$0")/stack.sh"
FAULTS_REPORT=${FAULTS_REPORT:-/tmp/newsportal-faults.json}

export READS_FLUSH_SECONDS=${READS_FLUSH_SECONDS:-2}
start_stack with-redis

STORY_PATH=$("$PY" -c 'import django; django.setup()
from articles.models import Article
print(Article.objects.published().filter(comments_enabled=True).order_by("-published_at").first().get_absolute_url())')
REDIS_PORT=${TEST_REDIS_URL##*:}
REDIS_PORT=${REDIS_PORT%%/*}
PG_CTL="${PG_STOP% stop}"  # "... pg_ctl -D <data> -m fast -w"

say "Fault drill on $BASE_URL$STORY_PATH"
status=0
"$PY" security/fault_load.py "$BASE_URL" "$STORY_PATH" --root "$ROOT" --report "$FAULTS_REPORT" \
  --writers "${DRILL_WRITERS:-4}" --readers "${DRILL_READERS:-8}" \
  --phase-seconds "${DRILL_PHASE_SECONDS:-10}" --db-down-seconds "${DRILL_DB_DOWN_SECONDS:-5}" \
  --db-stop "$PG_CTL stop >/dev/null" \
  --db-start "$PG_CTL restart >/dev/null 2>&1" \
  --cache-stop "kill \$(cat $REDIS_DIR/redis.pid)" \
  --cache-start "redis-server --port $REDIS_PORT --bind 127.0.0.1 --save '' --appendonly no --dir $REDIS_DIR --daemonize yes --pidfile $REDIS_DIR/redis.pid --logfile $REDIS_DIR/redis.log" || status=$?
say "gunicorn was never restarted (pid $GUNICORN_PID); errors logged by the app:"
grep -hoE "database unavailable|read buffer unavailable|read flush failed|not throttling|cache unavailable" \
  "$STACK_DIR/app.log" | sort | uniq -c || true
exit $status
