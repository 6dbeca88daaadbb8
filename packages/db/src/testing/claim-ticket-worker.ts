// Child process for the cross-process claim race: opens an existing database file, loads the
// ticket and prepares one claim per given agent from that same snapshot (as concurrent requests
// would), prints "ready", waits for "go" on stdin so every worker writes at once, then runs the
// conditional claims and prints each outcome as JSON.
import { createInterface } from 'node:readline';
import { claimTicket, isDomainError } from '@handoff/domain';
import { createDb } from '../client';
import { loadPartnerEnv } from '../partner-env';
import { findById } from '../repositories/incident';
import { claim } from '../repositories/partner';
import { findActorById, findByEmail } from '../repositories/user';

const [path, incidentArg, emailsArg] = process.argv.slice(2);
if (!path || !incidentArg || !emailsArg)
  throw new Error(
    'usage: claim-ticket-worker.ts <db path> <incident id> <agent e-mails, comma-separated>',
  );

const db = createDb(path);
const incident = findById(db, Number(incidentArg));
if (!incident) throw new Error(`No incident ${incidentArg}`);
const now = new Date().toISOString();
const prepared = emailsArg.split(',').map((email) => {
  const user = findByEmail(db, email);
  const actor = user && findActorById(db, user.id);
  if (!actor) throw new Error(`No user ${email}`);
  return { email, actor, result: claimTicket(loadPartnerEnv(db, { incident, actor, now })) };
});

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
lines.once('line', () => {
  const outcomes = prepared.map(({ email, actor, result }) => {
    try {
      claim(db, {
        incidentId: incident.id,
        teamId: incident.ownerTeamId,
        claimantId: actor.id,
        expectedVersion: incident.version,
        result,
        now,
      });
      return { email, ok: true as const };
    } catch (e) {
      if (!isDomainError(e)) throw e;
      return { email, ok: false as const, code: e.code, message: e.message };
    }
  });
  db.$client.close();
  lines.close();
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
});
