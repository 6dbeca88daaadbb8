#!/usr/bin/env bash
# npm test: the whole suite, as CI runs it: install, format check, typecheck, lint, unit + integration,
# the PostgreSQL suite on a throwaway cluster, e2e in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pnpm.sh

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the end-to-end tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The end-to-end tests need Debian's Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium' and try again." >&2
    exit 1
  fi
fi

pnpm install --frozen-lockfile
echo "== format"; pnpm format:check
echo "== typecheck"; pnpm typecheck
echo "== lint"; pnpm lint
echo "== unit and integration tests"; pnpm test:unit
# scripts/pg-test.sh installs Debian's postgresql when missing (as root, like Chromium above), starts a
# cluster on 127.0.0.1 only, and stops and removes it by a trap however the tests end.
echo "== PostgreSQL tests (throwaway cluster)"; pnpm test:pg
echo "== build"; pnpm --filter @handoff/web build
echo "== end-to-end tests (Chromium)"; pnpm --filter @handoff/e2e e2e
# Every browser spec again on a production server on PostgreSQL, then two servers on one pg database
# (live changes across them, the mail lease taken over after kill -9); a throwaway cluster each.
echo "== end-to-end tests on PostgreSQL"; pnpm --filter @handoff/e2e e2e:pg
