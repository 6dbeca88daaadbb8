#!/usr/bin/env bash
# npm start: install, build, migrate and seed the SQLite database, then serve production Next.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pnpm.sh

pnpm install --frozen-lockfile
mkdir -p data
if [ ! -s data/nextauth-secret ]; then
  node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('hex'))" > data/nextauth-secret
fi
export NEXTAUTH_SECRET="${NEXTAUTH_SECRET:-$(cat data/nextauth-secret)}"
export PORT="${PORT:-3000}"
export HOST="${HOST:-127.0.0.1}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:${PORT}}"
export DATABASE_PATH="${DATABASE_PATH:-$PWD/data/handoff.db}"

pnpm --filter @handoff/web build
# Migrates, loads the demo data into an empty database, and prints the demo logins. With
# DATABASE_URL=postgres://… that PostgreSQL database instead of the SQLite file (README, Operations).
pnpm --filter @handoff/db exec tsx src/seed/cli.ts --db "$DATABASE_PATH" --if-empty
echo
if [ -n "${DATABASE_URL:-}" ]; then where="PostgreSQL, DATABASE_URL"; else where="$DATABASE_PATH"; fi
echo "Handoff is starting on http://localhost:${PORT} (database: ${where})"
cd apps/web
exec node dist/serve.mjs
