#!/usr/bin/env bash
# pnpm bench / npm run bench: seed, start the production server and the ceilings, measure, print, write JSON.
# Options: --incidents N (100000), --duration S (5), --connections 1,8,32, --scenarios get,queue,…, --port 3300.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pnpm.sh
pnpm install --frozen-lockfile >/dev/null
pnpm --filter @handoff/bench bench "$@"
