// Child process for the concurrent-create test: opens an existing database file with createDb,
// prints "ready", waits for "go" on stdin (so every worker starts writing at once), creates
// `count` incidents through the repository, and prints the numbers it got as JSON.
import { createInterface } from 'node:readline';
import { createIncident, type Actor } from '@handoff/domain';
import { createDb } from '../client';
import { create } from '../seed/incident-rows';
import { findActorById, findByEmail } from '../repositories/user';
import { demoKeys } from './demo-keys';

const [path, countArg, worker] = process.argv.slice(2);
if (!path || !countArg || !worker)
  throw new Error('usage: create-incidents-worker.ts <db path> <count> <worker name>');

const db = createDb(path);
const user = await findByEmail(db, 'l1@handoff.test');
const actor: Actor | undefined = user && (await findActorById(db, user.id));
if (!actor) throw new Error('The database has no l1@handoff.test user; seed it first.');
const ownerTeamId = actor.teamIds[0]!;
const service = demoKeys(db).service('DoIT Departmental Support');

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
lines.once('line', () => {
  const numbers: string[] = [];
  for (let i = 0; i < Number(countArg); i++) {
    const drafts = createIncident({
      input: {
        callerName: `Worker ${worker} caller ${i}`,
        callerPhone: '608-555-0100',
        serviceId: service.id,
        description: `Concurrent create ${i} from worker ${worker}.`,
        channel: 'phone',
      },
      actor,
      now: new Date().toISOString(),
      ownerTeamId,
    });
    numbers.push(create(db, drafts).number);
  }
  db.$client.close();
  lines.close();
  process.stdout.write(`${JSON.stringify(numbers)}\n`);
});
