// Next calls register() once when a server starts: the mail services start with the app.
export async function register() {
  // NEXT_RUNTIME is Next's build-time constant, not configuration: it keeps the Node-only mail
  // code out of the edge bundle. Everything else is read through env.ts.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { isBuildPhase } = await import('./env');
  if (isBuildPhase()) return;
  // The database first (PostgreSQL is opened, migrated and seeded asynchronously).
  await (await import('./server/db')).initDb();
  const { startMailServices } = await import('./server/mail/start');
  await startMailServices();
  // The change feed keeps CHANGE_RETENTION_DAYS (30) days of changes.
  const [
    { changeFeed, idempotencyRepository, signInThrottleRepository, slaScheduler },
    { getDb },
    { now },
  ] = await Promise.all([import('@handoff/db'), import('./server/db'), import('./server/clock')]);
  changeFeed.startPruner(getDb(), now);
  // Idempotency keys of creates live 24 hours (issue 13 item 10).
  idempotencyRepository.startPruner(getDb(), now);
  // Sign-in failure counters are forgotten once their window and lock are over (issue 13 item 5).
  signInThrottleRepository.startPruner(getDb(), () => Date.parse(now()));
  // SLA warnings at 75% and at breach, each exactly once (issue 18).
  slaScheduler.startWarningScheduler(getDb(), now);
}
