# Throw-away PostgreSQL and Redis servers on loopback for the tests (sourced, not run).
# start_temporary_postgres sets DATABASE_URL, start_temporary_redis sets TEST_REDIS_URL;
# stop_temporary_services (run on exit) stops both.

free_port() {
  "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_temporary_postgres() {
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bindir" ]; then
    ensure_debian_packages postgresql
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  PG_DIR=$(mktemp -d /tmp/newsportal-pg.XXXXXX)
  PG_PORT=$(free_port)
  local as_owner=()
  if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root: the postgres user owns the data folder.
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$PG_DIR" postgres
    chown postgres "$PG_DIR"
    as_owner=(runuser -u postgres --)
  fi
  say "Starting a temporary PostgreSQL ($bindir) on 127.0.0.1:$PG_PORT"
  "${as_owner[@]}" "$bindir/initdb" -D "$PG_DIR/data" -U newsportal --auth=trust -E UTF8 \
    --locale=C.UTF-8 >"$PG_DIR/initdb.log"
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w start -o \
    "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null
  PG_STOP="${as_owner[*]} $bindir/pg_ctl -D $PG_DIR/data -m fast -w stop"
  trap 'stop_temporary_services' EXIT
  "$bindir/createdb" -h 127.0.0.1 -p "$PG_PORT" -U newsportal newsportal
  export DATABASE_URL="postgres://newsportal@127.0.0.1:$PG_PORT/newsportal"
}

start_temporary_redis() {
  command -v redis-server >/dev/null || ensure_debian_packages redis-server
  REDIS_DIR=$(mktemp -d /tmp/newsportal-redis.XXXXXX)
  local port
  port=$(free_port)
  say "Starting a temporary Redis on 127.0.0.1:$port"
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$REDIS_DIR" \
    --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log"
  for _ in $(seq 50); do [ -s "$REDIS_DIR/redis.pid" ] && break; sleep 0.1; done
  trap 'stop_temporary_services' EXIT
  export TEST_REDIS_URL="redis://127.0.0.1:$port/0"
}

stop_temporary_services() {
  if [ -n "${PG_STOP:-}" ]; then
    $PG_STOP >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_STOP=""
  fi
  if [ -n "${REDIS_DIR:-}" ]; then
    if [ -s "$REDIS_DIR/redis.pid" ]; then
      local pid
      pid=$(cat "$REDIS_DIR/redis.pid")
      kill "$pid" 2>/dev/null || true
      # Let it exit (it may still write its log) before removing its folder.
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$REDIS_DIR" || true
    REDIS_DIR=""
  fi
}
