# A production-like stack on loopback for security/scan.sh and security/faults.sh
# (sourced, not run): a throw-away PostgreSQL (and Redis), demo data, gunicorn.
# start_stack sets BASE_URL; everything is stopped on exit.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"
source "$ROOT/scripts/services.sh"

export DJANGO_SETTINGS_MODULE=security.loopback_settings

stop_stack() {
  if [ -n "${GUNICORN_PID:-}" ]; then
    kill "$GUNICORN_PID" 2>/dev/null || true
    wait "$GUNICORN_PID" 2>/dev/null || true
    GUNICORN_PID=""
  fi
  stop_temporary_services
}

# start_stack [with-redis]
start_stack() {
  cd "$ROOT"
  ensure_python requirements.txt
  compile_translations
  start_temporary_postgres
  if [ "${1:-}" = "with-redis" ]; then
    start_temporary_redis
    export CACHE_URL="$TEST_REDIS_URL"
  fi
  trap 'stop_stack' EXIT
  STACK_DIR=$(mktemp -d /tmp/newsportal-stack.XXXXXX)
  export STATIC_ROOT="$STACK_DIR/static"
  export SECRET_KEY
  SECRET_KEY=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(64))')
  "$PY" manage.py migrate -v0
  "$PY" manage.py demo_data >/dev/null
  "$PY" manage.py collectstatic --noinput -v0
  local port
  port=$(free_port)
  "$VENV/bin/gunicorn" newsportal.wsgi:application --bind "127.0.0.1:$port" \
    --workers "${WORKERS:-3}" --worker-class gthread --threads "${THREADS:-4}" \
    --timeout 30 --graceful-timeout 5 --access-logfile "$STACK_DIR/access.log" \
    --error-logfile "$STACK_DIR/error.log" >"$STACK_DIR/app.log" 2>&1 &
  GUNICORN_PID=$!
  BASE_URL="http://127.0.0.1:$port"
  for _ in $(seq 100); do
    curl -fsS -o /dev/null "$BASE_URL/" 2>/dev/null && break
    sleep 0.2
  done
  curl -fsS -o /dev/null "$BASE_URL/" || { cat "$STACK_DIR/error.log"; return 1; }
  say "Site up at $BASE_URL (gunicorn pid $GUNICORN_PID, logs in $STACK_DIR)"
  export BASE_URL STACK_DIR
}
