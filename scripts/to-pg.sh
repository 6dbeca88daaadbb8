#!/usr/bin/env bash
# npm run db:to-pg -- --from data/handoff.db --to postgres://user@host:5432/handoff
# Copies a SQLite database into a new, empty PostgreSQL database and compares the counts
# (packages/db/src/pg/to-pg.ts). Paths are relative to where the command is typed.
set -euo pipefail
export HANDOFF_CWD="${HANDOFF_CWD:-$PWD}"
cd "$(dirname "$0")/../packages/db"
exec node_modules/.bin/tsx src/pg/to-pg-cli.ts "$@"
