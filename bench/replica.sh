#!/usr/bin/env bash
# The database router against a real primary and streaming replica: ./bench/replica.sh
#
# Starts a throw-away PostgreSQL primary on loopback, clones it with pg_basebackup into a
# hot-standby replica on another port, and runs bench/replica_check.py with
# DATABASE_URL (primary) and REPLICA_DATABASE_URL (replica). Stops both afterwards.
set -euo pipefail
source "$(dirname "$0")/../scripts/setup.sh"
source "$(dirname "$0")/../scripts/services.sh"
cd "$ROOT"
ensure_python requirements.txt

BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
WORK=$(mktemp -d /tmp/newsportal-replica.XXXXXX)
AS=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$WORK" postgres
  chown postgres "$WORK"
  AS=(runuser -u postgres --)
fi
PRIMARY_PORT=$(free_port)
REPLICA_PORT=$(free_port)
stop() {
  "${AS[@]}" "$BIN/pg_ctl" -D "$WORK/replica" -m fast -w stop >/dev/null 2>&1 || true
  "${AS[@]}" "$BIN/pg_ctl" -D "$WORK/primary" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap stop EXIT

say "Primary on 127.0.0.1:$PRIMARY_PORT"
"${AS[@]}" "$BIN/initdb" -D "$WORK/primary" -U newsportal --auth=trust -E UTF8 --locale=C.UTF-8 \
  >"$WORK/initdb.log"
echo "host replication newsportal 127.0.0.1/32 trust" >>"$WORK/primary/pg_hba.conf"
"${AS[@]}" "$BIN/pg_ctl" -D "$WORK/primary" -l "$WORK/primary.log" -w start -o \
  "-p $PRIMARY_PORT -k $WORK -c listen_addresses=127.0.0.1 -c wal_level=replica -c max_wal_senders=4 -c fsync=off" \
  >/dev/null
"$BIN/createdb" -h 127.0.0.1 -p "$PRIMARY_PORT" -U newsportal newsportal

say "Streaming replica on 127.0.0.1:$REPLICA_PORT (pg_basebackup)"
"${AS[@]}" "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U newsportal -D "$WORK/replica" -R -c fast \
  -X stream >/dev/null
"${AS[@]}" "$BIN/pg_ctl" -D "$WORK/replica" -l "$WORK/replica.log" -w start -o \
  "-p $REPLICA_PORT -k $WORK -c listen_addresses=127.0.0.1 -c hot_standby=on -c fsync=off" >/dev/null

export DATABASE_URL="postgres://newsportal@127.0.0.1:$PRIMARY_PORT/newsportal"
export REPLICA_DATABASE_URL="postgres://newsportal@127.0.0.1:$REPLICA_PORT/newsportal"
"$PY" bench/replica_check.py
