// Child process for the change-feed test: opens an existing database file, subscribes to the feed
// from the start, prints "ready", waits for "go", commits `count` new incidents through the commit
// module, then waits until its feed has seen `total` changes and prints what it committed and saw.
import { createInterface } from 'node:readline';
import { createIncident, newIncidentEffects } from '@handoff/domain';
import { subscribe } from '../change-feed';
import { createDb } from '../client';
import { commit } from '../commit';
import { reserveNumber } from '../repositories/incident';

const [path, countArg, totalArg, teamArg, serviceArg, userArg, name] = process.argv.slice(2);
if (!path || !countArg || !totalArg || !teamArg || !serviceArg || !userArg || !name)
  throw new Error('usage: feed-worker.ts <db> <count> <total> <team> <service> <user> <name>');

const db = createDb(path);
const seen: { id: number; entityId: number }[] = [];
const committed: number[] = [];
const total = Number(totalArg);
const actor = {
  id: Number(userArg),
  name: `Worker ${name}`,
  role: 'l1' as const,
  teamIds: [Number(teamArg)],
  customerId: null,
};

// The feed's poll timer does not keep a process alive; this does, until the feed has seen everything.
const alive = setInterval(() => undefined, 1000);
let finished = false;
// Its own commits are awaited: the feed may hand out the last change before that await returns.
let committing = true;
const finish = () => {
  if (finished || committing) return;
  finished = true;
  void subscription.stop();
  clearInterval(alive);
  db.$client.close();
  process.stdout.write(`${JSON.stringify({ committed, seen })}\n`);
};
const subscription = subscribe(db, {
  afterId: 0,
  pollMs: 20,
  onChanges: (changes) => {
    seen.push(...changes.map((c) => ({ id: c.id, entityId: c.entityId })));
    if (seen.length >= total) finish();
  },
});

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
const run = async () => {
  lines.close();
  for (let i = 0; i < Number(countArg); i++) {
    const now = new Date().toISOString();
    const drafts = createIncident({
      input: {
        callerName: `Worker ${name} caller ${i}`,
        callerPhone: '608-555-0100',
        serviceId: Number(serviceArg),
        description: `Feed change ${i} from worker ${name}.`,
        channel: 'phone',
      },
      actor,
      now,
      ownerTeamId: Number(teamArg),
    });
    const result = await commit(db, async (read) =>
      newIncidentEffects(drafts, { number: await reserveNumber(read), now }),
    );
    committed.push(...result.changeIds);
  }
  committing = false;
  if (seen.length >= total) finish();
};
lines.once('line', () => {
  run().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
});
