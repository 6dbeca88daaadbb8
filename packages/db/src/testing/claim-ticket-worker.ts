// Child process for the cross-process claim race: opens an existing database file, looks up the
// given agents, prints "ready", waits for "go" on stdin so every worker claims at once, then claims
// as the procedure does (one commit per claim: load under the write lock, decide, conditional
// update) and prints each outcome as JSON.
import { createInterface } from 'node:readline';
import { decideClaim, isDomainError } from '@handoff/domain';
import { createDb } from '../client';
import { loadPartnerEnv } from '../partner-env';
import { findById } from '../repositories/incident';
import { commit } from '../commit';
import { findActorById, findByEmail } from '../repositories/user';

const [path, incidentArg, emailsArg] = process.argv.slice(2);
if (!path || !incidentArg || !emailsArg)
  throw new Error(
    'usage: claim-ticket-worker.ts <db path> <incident id> <agent e-mails, comma-separated>',
  );

const db = createDb(path);
const incident = await findById(db, Number(incidentArg));
if (!incident) throw new Error(`No incident ${incidentArg}`);
const incidentId = incident.id;
const now = new Date().toISOString();
const prepared = await Promise.all(
  emailsArg.split(',').map(async (email) => {
    const user = await findByEmail(db, email);
    const actor = user && (await findActorById(db, user.id));
    if (!actor) throw new Error(`No user ${email}`);
    return { email, actor };
  }),
);

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
const run = async () => {
  const outcomes = [];
  for (const { email, actor } of prepared) {
    outcomes.push(await claim(email, actor));
  }
  db.$client.close();
  lines.close();
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
};
lines.once('line', () => {
  run().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
});

async function claim(email: string, actor: (typeof prepared)[number]['actor']) {
  try {
    await commit(db, async (read) =>
      decideClaim(
        await loadPartnerEnv(read, {
          incident: (await findById(read, incidentId))!,
          actor,
          now,
        }),
      ),
    );
    return { email, ok: true as const };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { email, ok: false as const, code: e.code, message: e.message };
  }
}
