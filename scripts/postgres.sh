#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the test suite, on loopback only.
#
#   scripts/postgres.sh start   # (re)creates and starts it, prints its URL
#   scripts/postgres.sh stop
#
# Tests create one database per test in it (TEST_DATABASE_URL); `start` always begins empty.
set -euo pipefail
port="${STADTLABOR_PG_PORT:-55432}"
dir="${STADTLABOR_PG_DIR:-/tmp/stadtlabor-pg-$port}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$bin" ]; then
  echo "postgres.sh: PostgreSQL is not installed (scripts/setup.sh test installs it)" >&2
  exit 1
fi

# initdb refuses to run as root: run the server as the postgres user then.
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  fi
}

case "${1:-}" in
start)
  stop
  rm -rf "$dir"
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log"
  # Durability is worthless for a throw-away test cluster; speed is not.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
    "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
  echo "postgres://postgres@127.0.0.1:$port/postgres"
  ;;
stop) stop ;;
*)
  echo "usage: $0 start|stop" >&2
  exit 2
  ;;
esac
