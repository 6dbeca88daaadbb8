// Issue 14 item 4, the bulk paths: a chat consult still waiting for an agent ends with a journal line
// when its incident comes under an open outage by HDQA's bulk link (problem.linkIncidents), by SNCC
// linking the problem to an outage (problem.linkOutage) or by a planned outage starting; the L1
// prompt then follows the outage rule (no "Assign to CPS" at 10 minutes) and nobody can accept it.
import { describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { changeFeed, consultRepository, tablesOf, type Db } from '@handoff/db';
import { callerFor, refusalOf, snapshotOf, useSeededDbs } from '../test-callers';
import { demo, l1, newIncident, teamId, tuesday10 } from './one-step-scenarios';

const dbs = useSeededDbs();

function handClock(start = tuesday10) {
  let at = start;
  return {
    now: () => at,
    set: (minutes: number) =>
      void (at = new Date(Date.parse(start) + minutes * 60_000).toISOString()),
  };
}

/** Hana Coned's work chat at 10:00 with a CPS consult waiting; a problem of another printing contact, owned by SNCC. */
async function setUp() {
  const { db } = dbs;
  const clock = handClock();
  const lee = await callerFor(db, l1, clock.now);
  const hdqa = await callerFor(db, 'hdqa@handoff.test', clock.now);
  const sncc = await callerFor(db, 'sncc@handoff.test', clock.now);
  const chat = await newIncident(db, tuesday10, { channel: 'chat' });
  await lee.routing.answer({ incidentId: chat.id, answers: { workRelated: true } });
  const consult = await lee.consult.open({ incidentId: chat.id, team: 'cps' });
  const other = await newIncident(db, tuesday10, { description: 'Every printer prints blank.' });
  const problem = await hdqa.problem.create({ incidentIds: [other.id] });
  await hdqa.problem.assign({ problemId: problem.id, expectedVersion: 1, teamId: await sncc_(db) });
  return { db, clock, lee, hdqa, sncc, chat, consult, problem };
}
const sncc_ = (db: Db) => teamId(db, 'SNCC-Sysops');

const declare = async (
  sncc: Awaited<ReturnType<typeof callerFor>>,
  db: Db,
  kind: 'planned' | 'unplanned',
) =>
  sncc.outage.declare({
    title: 'Print servers down',
    serviceIds: [demo(db).service.printing],
    kind,
    publicSummary: 'Printing is down.',
    ownerTeamId: await sncc_(db),
    ...(kind === 'planned'
      ? { startAt: '2026-11-24T20:00:00.000Z', expectedEndAt: '2026-11-24T22:00:00.000Z' }
      : {}),
  });

const endedLine = (number: string, status: string, outage: string) =>
  `The chat consult to US - Help Desk CPS ended: ${number} is attached to ${status} outage ${outage}, so the outage procedure applies and nobody takes it over.`;

/** The consult ended for good: expired, journaled, no 10-minute prompt, no accept, L1 still owns it. */
async function expectEnded(s: Awaited<ReturnType<typeof setUp>>, line: string) {
  const { db, chat, consult, lee, clock } = s;
  expect((await consultRepository.findById(db, consult.id))!.status).toBe('expired');
  expect((await snapshotOf(db, chat.id)).journal.filter((j) => j.body === line)).toHaveLength(1);
  clock.set(10);
  expect((await lee.consult.forIncident({ incidentId: chat.id })).prompt).toBeNull();
  const refusal = await refusalOf(
    (await callerFor(db, 'cps@handoff.test')).consult.accept({ consultId: consult.id }),
  );
  expect(refusal).toMatchObject({ code: 'PRECONDITION_FAILED' });
  expect((await snapshotOf(db, chat.id)).incident!.ownerTeamId).toBe(
    await teamId(db, 'US - Help Desk'),
  );
}

describe('a consult outlived by a bulk outage link (issue 14.4)', () => {
  test('problem.linkIncidents to an active outage’s problem ends the consult, announced', async () => {
    const s = await setUp();
    const outage = await declare(s.sncc, s.db, 'unplanned');
    await s.sncc.problem.linkOutage({
      problemId: s.problem.id,
      expectedVersion: 2,
      outageId: outage.id,
    });
    const chatNumber = (await snapshotOf(s.db, s.chat.id)).incident!.number;
    const before = await changeFeed.findLatestChangeId(s.db);
    s.clock.set(4);
    expect(
      await s.hdqa.problem.linkIncidents({ problemId: s.problem.id, numbers: [chatNumber] }),
    ).toEqual({ linked: 1 });
    expect(await changeFeed.findChangesSince(s.db, before)).toMatchObject([
      { entity: 'incident', entityId: s.chat.id, kind: 'linked_to_problem' },
      { entity: 'problem', entityId: s.problem.id, kind: 'incidents_linked' },
      { entity: 'consult', entityId: s.consult.id, kind: 'expired' },
      { entity: 'incident', entityId: s.chat.id, kind: 'consult_ended' },
    ]);
    await expectEnded(s, endedLine(chatNumber, 'active', outage.number));
  });

  test('problem.linkIncidents to a problem with no outage leaves the consult open', async () => {
    const s = await setUp();
    const chatNumber = (await snapshotOf(s.db, s.chat.id)).incident!.number;
    await s.hdqa.problem.linkIncidents({ problemId: s.problem.id, numbers: [chatNumber] });
    expect((await consultRepository.findById(s.db, s.consult.id))!.status).toBe('open');
  });

  test('problem.linkOutage of a problem its chat is already linked to ends the consult (planned outage too)', async () => {
    const s = await setUp();
    const chatNumber = (await snapshotOf(s.db, s.chat.id)).incident!.number;
    await s.hdqa.problem.linkIncidents({ problemId: s.problem.id, numbers: [chatNumber] });
    const outage = await declare(s.sncc, s.db, 'planned');
    s.clock.set(3);
    await s.sncc.problem.linkOutage({
      problemId: s.problem.id,
      expectedVersion: 2,
      outageId: outage.id,
    });
    await expectEnded(s, endedLine(chatNumber, 'planned', outage.number));
  });

  test('a planned outage starting ends a consult still open on its problem’s incidents', async () => {
    const s = await setUp();
    const chatNumber = (await snapshotOf(s.db, s.chat.id)).incident!.number;
    await s.hdqa.problem.linkIncidents({ problemId: s.problem.id, numbers: [chatNumber] });
    const outage = await declare(s.sncc, s.db, 'planned');
    await s.sncc.problem.linkOutage({
      problemId: s.problem.id,
      expectedVersion: 2,
      outageId: outage.id,
    });
    // Linking already ended it; a consult left open by data from before that rule is what starting ends.
    const { consultRequests } = tablesOf(s.db);
    await s.db
      .update(consultRequests)
      .set({ status: 'open' })
      .where(eq(consultRequests.id, s.consult.id));
    s.clock.set(5);
    await s.sncc.outage.start({ outageId: outage.id, expectedVersion: outage.version });
    const line = endedLine(chatNumber, 'active', outage.number);
    expect((await consultRepository.findById(s.db, s.consult.id))!.status).toBe('expired');
    expect((await snapshotOf(s.db, s.chat.id)).journal.map((j) => j.body)).toContain(line);
  });
});
