# A throw-away PostgreSQL server on loopback for the tests (sourced, not run).
# start_temporary_postgres sets DATABASE_URL and registers a trap that stops the server.

start_temporary_postgres() {
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bindir" ]; then
    ensure_debian_packages postgresql
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  PG_DIR=$(mktemp -d /tmp/newsportal-pg.XXXXXX)
  PG_PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
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
  trap 'stop_temporary_postgres' EXIT
  "$bindir/createdb" -h 127.0.0.1 -p "$PG_PORT" -U newsportal newsportal
  export DATABASE_URL="postgres://newsportal@127.0.0.1:$PG_PORT/newsportal"
}

stop_temporary_postgres() {
  if [ -n "${PG_STOP:-}" ]; then
    $PG_STOP >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_STOP=""
  fi
}
