#!/usr/bin/env bash
# npm run admin:create -- --email you@example.edu --name "Your Name" [--force] [--db <path>]
# The first administrator of a deployment; the password from HANDOFF_ADMIN_PASSWORD or stdin.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pnpm.sh
export DATABASE_PATH="${DATABASE_PATH:-$PWD/data/handoff.db}"
cd packages/db
exec node_modules/.bin/tsx src/seed/create-admin-cli.ts "$@"
