// The Primary Tech Partner review (kb 004): the TP review queue, and the one-steps Request more
// information, Mark mission critical, Handle normally and Escalate to technologists with their
// preconditions and roles, down to what the TP reads in the portal.
import { beforeEach, describe, expect, test } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { first, tablesOf, teamRepository, type Db } from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { callerFor, rejectionOf, steppingClock, useSeededDbs } from '../test-callers';
import { handedOnAnyway } from './one-step-scenarios';

const dbs = useSeededDbs();
let db: Db;
let clock: () => string;
beforeEach(() => {
  db = dbs.db;
  // Tuesday 24 November 2026, 10:00 in Chicago.
  clock = steppingClock('2026-11-24T16:00:00.000Z');
});

const services = { remoteDesktop: 11, canvas: 13 };
const as = (email: string) => callerFor(db, email, clock);
const incidentRow = async (id: number) => {
  const { incidents } = tablesOf(db);
  return (await first(db.select().from(incidents).where(eq(incidents.id, id))))!;
};
const auditCount = async () =>
  (await first(db.select({ n: count() }).from(tablesOf(db).auditEvents)))!.n;

async function tpCase(
  change: { peopleAffected?: number; serviceId?: number; description?: string } = {},
) {
  return (await as('tp@handoff.test')).case.create({
    serviceId: services.remoteDesktop,
    description: 'Remote Desktop Gateway refuses connections for the dean’s office.',
    preferredContact: 'email',
    workRelated: true,
    ...change,
  });
}
const version = async (id: number) => (await incidentRow(id)).version;

describe('the TP review queue', () => {
  test('Primary TP portal cases only, oldest first, each with its completeness check', async () => {
    const first = await tpCase({ description: 'Broken.' });
    await (
      await as('customer@handoff.test')
    ).case.create({
      serviceId: services.remoteDesktop,
      description: 'Mine is broken too, just me.',
      preferredContact: 'email',
      workRelated: true,
    });
    const second = await tpCase({ peopleAffected: 4 });
    const page = await (await as('l1@handoff.test')).triage.tpReview({ limit: 1 });
    expect(page.items.map((i) => i.number)).toEqual([first.number]);
    expect(page.items[0]?.checks.filter((c) => !c.ok).map((c) => c.item)).toEqual([
      'description',
      'peopleAffected',
    ]);
    expect(page.items[0]?.complete).toBe(false);
    const next = await (
      await as('l1@handoff.test')
    ).triage.tpReview({ limit: 1, cursor: page.nextCursor });
    expect(next.items.map((i) => [i.number, i.complete, i.scope.inScope])).toEqual([
      [second.number, true, true],
    ]);
    expect(next.nextCursor).toBeNull();
  });

  test.each([
    'cps@handoff.test',
    'technologist@handoff.test',
    'sncc@handoff.test',
    'tp@handoff.test',
  ])('%s may not open it → FORBIDDEN', async (email) => {
    expect(await rejectionOf((await as(email)).triage.tpReview({}))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('incomplete case → Request more information → the TP answers → mission critical → escalated', () => {
  test('the whole review, with what the TP reads in the portal', async () => {
    const { id, number } = await tpCase();
    const l1 = await as('l1@handoff.test');
    const hdqa = await as('hdqa@handoff.test');
    const tp = await as('tp@handoff.test');

    // Not knowing how many people are affected, it cannot be marked mission critical nor escalated.
    expect(
      await rejectionOf(hdqa.oneStep.markMissionCritical({ incidentId: id, expectedVersion: 1 })),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `We do not know how many people ${number} affects: request more information first.`,
    });
    expect(
      await rejectionOf(
        hdqa.oneStep.escalateToTechnologists({
          ...handedOnAnyway,
          incidentId: id,
          expectedVersion: 1,
          note: 'x',
        }),
      ),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `Mark ${number} mission critical before escalating it (Primary TP review, kb 004).`,
    });
    expect(await version(id)).toBe(1);

    await l1.oneStep.requestMoreInformation({
      incidentId: id,
      expectedVersion: 1,
      question: 'How many people cannot connect?',
    });
    expect(await incidentRow(id)).toMatchObject({
      status: 'pending_customer',
      tpTriage: 'info_requested',
      version: 2,
    });
    expect((await l1.triage.tpReview({})).items).toEqual([]);
    expect((await l1.triage.tpReview({ state: 'waiting' })).items.map((i) => i.number)).toEqual([
      number,
    ]);
    let seen = await tp.incident.byNumber({ number });
    if (seen.audience !== 'customer') throw new Error('customer view expected');
    expect(seen.state).toEqual({
      waitingForYou: true,
      escalatedToTechnologists: false,
      respondBy: null,
    });
    expect(seen.journal[0]?.body).toBe('How many people cannot connect?');
    expect(
      await db
        .select()
        .from(tablesOf(db).notifications)
        .where(eq(tablesOf(db).notifications.template, 'more-info-requested')),
    ).toEqual([expect.objectContaining({ audience: 'customer', incidentId: id })]);

    // The TP answers in the portal: the case is back in review, complete.
    expect(
      await tp.case.addNote({
        incidentId: id,
        body: 'All 14 staff in the dean’s office.',
        peopleAffected: 14,
      }),
    ).toEqual({ ok: true, answered: true });
    expect(await incidentRow(id)).toMatchObject({
      status: 'assigned',
      tpTriage: 'review',
      peopleAffected: 14,
      version: 3,
    });
    const back = await l1.triage.tpReview({});
    expect(back.items.map((i) => [i.number, i.complete])).toEqual([[number, true]]);

    await hdqa.oneStep.markMissionCritical({
      incidentId: id,
      expectedVersion: 3,
      note: 'Confirmed: whole office.',
    });
    expect(await incidentRow(id)).toMatchObject({ tpTriage: 'mission_critical', version: 4 });
    expect((await l1.triage.tpReview({})).items.map((i) => i.tpTriage)).toEqual([
      'mission_critical',
    ]);

    await hdqa.oneStep.escalateToTechnologists({
      ...handedOnAnyway,
      incidentId: id,
      expectedVersion: 4,
      note: 'Gateway pool for SOE looks down.',
    });
    const escalated = await incidentRow(id);
    expect(escalated).toMatchObject({
      tpTriage: 'escalated',
      status: 'assigned',
      version: 5,
      promises: { respondBy: expect.any(String) },
    });
    expect((await teamRepository.findById(db, escalated.ownerTeamId))?.name).toBe('DRMT');
    expect((await l1.triage.tpReview({})).items).toEqual([]);

    // The technologists' queue shows it with the respond-by promise.
    const queue = await (
      await as('technologist@handoff.test')
    ).queue.list({
      teamId: escalated.ownerTeamId,
    });
    expect(queue.items.find((i) => i.id === id)?.promises).toEqual({
      respondBy: escalated.promises.respondBy,
    });

    // The TP sees that it was escalated and by when technologists respond, and no internal note.
    seen = await tp.incident.byNumber({ number });
    if (seen.audience !== 'customer') throw new Error('customer view expected');
    expect(seen.state).toEqual({
      waitingForYou: false,
      escalatedToTechnologists: true,
      respondBy: escalated.promises.respondBy,
    });
    expect(seen.journal[0]?.body).toMatch(
      /^Your case is mission critical and was escalated to DoIT technologists\. They will contact you within one business day, by Wednesday, November 25/,
    );
    const json = JSON.stringify(seen);
    for (const hidden of [
      'Confirmed: whole office.',
      'Gateway pool for SOE looks down.',
      'Marked mission critical',
    ])
      expect(json).not.toContain(hidden);

    // And may still add notes.
    await tp.case.addNote({ incidentId: id, body: 'Thanks, we are standing by.' });
  });
});

describe('preconditions and roles', () => {
  test('one person affected: not mission critical; Handle normally sends it back to L1', async () => {
    const { id, number } = await tpCase({ peopleAffected: 1 });
    const l1 = await as('l1@handoff.test');
    expect(
      await rejectionOf(l1.oneStep.markMissionCritical({ incidentId: id, expectedVersion: 1 })),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `${number} affects one person, so it is not mission critical: handle it normally (kb 004).`,
    });
    await l1.oneStep.handleNormally({ incidentId: id, expectedVersion: 1 });
    expect(await incidentRow(id)).toMatchObject({ tpTriage: 'handled_normally', version: 2 });
    expect((await teamRepository.findById(db, (await incidentRow(id)).ownerTeamId))?.name).toBe(
      'US - Help Desk',
    );
    expect((await l1.triage.tpReview({})).items).toEqual([]);
    expect(
      await rejectionOf(
        l1.oneStep.requestMoreInformation({ incidentId: id, expectedVersion: 2, question: 'x' }),
      ),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `${number} left Primary TP review: it is handled normally by Level 1.`,
    });
  });

  test('mission critical on an out-of-scope service (Canvas, category 3) cannot be escalated', async () => {
    const { id, number } = await tpCase({ peopleAffected: 30, serviceId: services.canvas });
    const hdqa = await as('hdqa@handoff.test');
    await hdqa.oneStep.markMissionCritical({ incidentId: id, expectedVersion: 1 });
    expect(
      await rejectionOf(
        hdqa.oneStep.escalateToTechnologists({
          ...handedOnAnyway,
          incidentId: id,
          expectedVersion: 2,
          note: 'x',
        }),
      ),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `${number}: Out of Primary TP scope (category 3 products are excluded): handle normally.`,
    });
    expect(await version(id)).toBe(2);
  });

  test('the review steps are for TP cases only', async () => {
    const { id, number } = demoKeys(db).incident(
      'Forgot NetID password after returning from leave.',
    );
    expect(
      await rejectionOf(
        (await as('l1@handoff.test')).oneStep.handleNormally({
          incidentId: id,
          expectedVersion: 1,
        }),
      ),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `${number} is not a Primary Tech Partner case in review.`,
    });
  });

  test('a stale version → CONFLICT, nothing saved', async () => {
    const { id } = await tpCase({ peopleAffected: 3 });
    await (
      await as('l1@handoff.test')
    ).oneStep.markMissionCritical({ incidentId: id, expectedVersion: 1 });
    const before = await auditCount();
    expect(
      await rejectionOf(
        (await as('hdqa@handoff.test')).oneStep.handleNormally({
          incidentId: id,
          expectedVersion: 1,
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(await auditCount()).toBe(before);
  });

  const steps = [
    ['requestMoreInformation', { question: 'How many?' }],
    ['markMissionCritical', {}],
    ['handleNormally', {}],
  ] as const;
  const forbidden = [
    'cps@handoff.test',
    'es@handoff.test',
    'sncc@handoff.test',
    'technologist@handoff.test',
    'admin@handoff.test',
    'tp@handoff.test',
  ];
  test.each(
    steps.flatMap(([step, extra]) => forbidden.map((email) => [step, email, extra] as const)),
  )('%s by %s → FORBIDDEN, nothing saved', async (step, email, extra) => {
    const { id } = await tpCase({ peopleAffected: 3 });
    const call = (await as(email)).oneStep[step] as (input: object) => Promise<unknown>;
    expect(await rejectionOf(call({ incidentId: id, expectedVersion: 1, ...extra }))).toMatchObject(
      { code: 'FORBIDDEN' },
    );
    expect(await version(id)).toBe(1);
  });

  test.each(
    steps.flatMap(([step, extra]) =>
      ['l1@handoff.test', 'hdqa@handoff.test'].map((email) => [step, email, extra] as const),
    ),
  )('%s by %s runs', async (step, email, extra) => {
    const { id } = await tpCase({ peopleAffected: 3 });
    const call = (await as(email)).oneStep[step] as (input: object) => Promise<unknown>;
    await call({ incidentId: id, expectedVersion: 1, ...extra });
    expect(await version(id)).toBe(2);
  });
});
