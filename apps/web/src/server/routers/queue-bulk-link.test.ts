// The queue grid's bulk link to a problem (issue 15): the grid runs Link to problem once per selected
// row, each its own commit under its own rules; a refused row says why and the others are linked.
import { describe, expect, test } from 'vitest';
import { changeFeed, first, tablesOf } from '@handoff/db';
import { eq } from 'drizzle-orm';
import { callerFor, useSeededDbs } from '../test-callers';

const dbs = useSeededDbs();
const campusNetwork = 9;
const canvas = 13;
const contact = (customerId: number, serviceId = campusNetwork) => ({
  callerName: `Customer ${customerId}`,
  callerPhone: '608-555-0101',
  customerId,
  serviceId,
  description: 'No wired connection in Bascom Hall.',
  channel: 'phone' as const,
});

describe('bulk link to a problem', () => {
  test('each row under its own rules: another service is refused with its reason, the others are linked and announced once each', async () => {
    const db = dbs.db;
    const l1 = await callerFor(db, 'l1@handoff.test');
    const hdqa = await callerFor(db, 'hdqa@handoff.test');
    const firstContact = await l1.incident.create(contact(17));
    const problem = await hdqa.problem.create({ incidentIds: [firstContact.id] });
    const rows = [
      await l1.incident.create(contact(18)),
      await l1.incident.create(contact(19, canvas)),
      await l1.incident.create(contact(20)),
    ];
    const before = await changeFeed.findLatestChangeId(db);
    const results = [];
    for (const r of rows)
      results.push(
        await l1.oneStep
          .linkToProblem({ incidentId: r.id, expectedVersion: r.version, problemId: problem.id })
          .then(() => 'ok')
          .catch((e: Error) => e.message),
      );
    expect(results).toEqual([
      'ok',
      `${problem.number} is about another service than ${rows[1]!.number}; ask HDQA to link it.`,
      'ok',
    ]);
    const { incidents } = tablesOf(db);
    const problemOf = async (id: number) =>
      (await first(db.select().from(incidents).where(eq(incidents.id, id))))!;
    const linked = [];
    for (const r of rows) linked.push((await problemOf(r.id)).problemId);
    expect(linked).toEqual([problem.id, null, problem.id]);
    expect((await problemOf(rows[1]!.id)).version).toBe(rows[1]!.version);
    const changes = (await changeFeed.findChangesSince(db, before))
      .filter((c) => c.entity === 'incident')
      .map((c) => [c.entityId, c.kind]);
    expect(changes).toEqual([
      [rows[0]!.id, 'onestep.link_to_problem'],
      [rows[2]!.id, 'onestep.link_to_problem'],
    ]);
  });
});
