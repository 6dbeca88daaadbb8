# Sourced by the scripts: pnpm through npx, so a machine with only Node and npm needs nothing else.
export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
PNPM_VERSION=9.15.9
pnpm() { npx --yes "pnpm@${PNPM_VERSION}" "$@"; }
