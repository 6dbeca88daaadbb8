#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL: Debian's PostgreSQL (installed with apt-get when
# missing and run as root, as test.sh does for Chromium), a fresh cluster in a temp dir listening
# only on 127.0.0.1:$PG_PORT (default 55440) and a unix socket in that dir, one empty database, and
# DATABASE_URL exported for the command. The cluster is stopped and its dir removed however the
# command ends (trap). Usage: scripts/pg-test.sh <command> [args…]
#   e.g. scripts/pg-test.sh npx vitest run -c vitest.pg.config.ts   (from packages/db)
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args…]  (runs it with DATABASE_URL set to a throwaway PostgreSQL)" >&2
  exit 2
fi

PG_PORT="${PG_PORT:-55440}"
PG_DB="${PG_DB:-handoff_test}"

find_pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

PG_BIN="$(find_pg_bin || true)"
if [ -z "$PG_BIN" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's postgresql for the PostgreSQL tests…" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PG_BIN="$(find_pg_bin)"
  else
    echo "The PostgreSQL tests need Debian's PostgreSQL: run 'sudo apt-get install postgresql' and try again." >&2
    exit 1
  fi
fi

# initdb refuses to run as root: the cluster then belongs to the unprivileged `postgres` user that
# the Debian package creates.
if [ "$(id -u)" = "0" ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "Running as root needs the 'postgres' OS user (Debian's postgresql package creates it)." >&2
    exit 1
  fi
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

if (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then
  echo "Port $PG_PORT on 127.0.0.1 is already in use: set PG_PORT to a free port." >&2
  exit 1
fi

PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/handoff-pg.XXXXXX")"
chmod 755 "$PG_DIR"
[ "$(id -u)" = "0" ] && chown postgres: "$PG_DIR"

cleanup() {
  local rc=$?
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C \
  >"$PG_DIR/initdb.log" 2>&1 || {
  cat "$PG_DIR/initdb.log" >&2
  exit 1
}
# A throwaway cluster: durability off for speed (PG_DURABLE=1 keeps PostgreSQL's own defaults, as
# the benchmark does: fsync and synchronous commit on); nothing but this machine can reach it.
if [ "${PG_DURABLE:-0}" = "1" ]; then
  durability="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
else
  durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 start -o \
  "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_DIR \
   $durability -c max_connections=100" \
  >/dev/null || {
  cat "$PG_DIR/server.log" >&2
  exit 1
}
as_pg "$PG_BIN/createdb" -h "$PG_DIR" -p "$PG_PORT" -U postgres "$PG_DB"

export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/$PG_DB"
export PG_SOCKET_DIR="$PG_DIR"
"$@"
