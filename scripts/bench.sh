#!/usr/bin/env bash
# pnpm bench / npm run bench: seed, start the production server and the ceilings, measure, print, write JSON.
# Options: --incidents N (100000), --duration S (5), --connections 1,8,32, --scenarios get,queue,…, --port 3300,
# --engine sqlite|pg|sqlite,pg. On pg without DATABASE_URL it runs inside a throwaway PostgreSQL cluster
# (scripts/pg-test.sh, PostgreSQL's default durability: fsync and synchronous commit on).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pnpm.sh
pnpm install --frozen-lockfile >/dev/null
if [[ " $* " =~ [[:space:]]--engine[=[:space:]]*[a-z,]*pg ]] && [ -z "${DATABASE_URL:-}" ]; then
  PG_DURABLE=1 PG_PORT="${PG_PORT:-55470}" PG_DB=handoff_bench_admin \
    bash scripts/pg-test.sh npx --yes "pnpm@${PNPM_VERSION}" --filter @handoff/bench bench "$@"
else
  pnpm --filter @handoff/bench bench "$@"
fi
