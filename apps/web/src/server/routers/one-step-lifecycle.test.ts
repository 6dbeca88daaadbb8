// Take ownership, Resolve, Close and Reopen through the real procedures (DOMAIN.md §5).
import { describe, expect, test } from 'vitest';
import { callerFor, fixedClock, snapshotOf, useSeededDbs, userIdOf } from '../test-callers';
import {
  changesSince,
  demo,
  l1,
  refusedWithoutChange,
  scenarios,
  teamId,
  tuesday10,
} from './one-step-scenarios';

const dbs = useSeededDbs();
const as = (email: string) => callerFor(dbs.db, email, fixedClock(tuesday10));
const lee = () => as(l1);

describe('oneStep.takeOwnership', () => {
  test('an HD ES agent takes an incident from the HD ES queue: owner, in progress, team told', async () => {
    const { db } = dbs;
    const s = await scenarios.take_ownership(db);
    const before = await snapshotOf(db, s.incidentId);
    await s.run(await as('es@handoff.test'), s.version);

    const { incident, journal, audit, notifications } = await changesSince(db, before);
    const es = await userIdOf(db, 'es@handoff.test');
    expect(incident).toMatchObject({
      ownerTeamId: await teamId(db, 'HD ES'),
      ownerAgentId: es,
      status: 'in_progress',
      classification: null,
      version: s.version + 1,
    });
    expect(journal.map((j) => [j.kind, j.body, j.authorName])).toEqual([
      ['system', 'Emery Enterprise took ownership for HD ES.', 'Emery Enterprise'],
    ]);
    expect(audit.map((a) => [a.field, a.fromValue, a.toValue, a.actorName])).toEqual([
      ['ownerAgentId', null, String(es), 'Emery Enterprise'],
      ['status', 'assigned', 'in_progress', 'Emery Enterprise'],
    ]);
    expect(notifications.map((n) => [n.audience, n.targetId, n.subject])).toEqual([
      ['team', await teamId(db, 'HD ES'), `${s.number} taken by Emery Enterprise`],
    ]);
  });

  test('a second CPS agent takes an incident from a colleague', async () => {
    const { db } = dbs;
    await (
      await as('cps2@handoff.test')
    ).oneStep.takeOwnership({
      incidentId: demo(db).cpsOwnedIncident.id,
      expectedVersion: 1,
    });
    expect((await snapshotOf(db, demo(db).cpsOwnedIncident.id)).incident).toMatchObject({
      ownerAgentId: await userIdOf(db, 'cps2@handoff.test'),
      version: 2,
    });
  });

  test.each([
    ['cps@handoff.test', 'HD ES', 'esQueueIncident'],
    ['l1@handoff.test', 'US - Help Desk CPS', 'cpsQueueIncident'],
    ['east@handoff.test', 'HD ES', 'esQueueIncident'],
  ] as const)(
    '%s, not a member of %s → FORBIDDEN, nothing changed',
    async (email, team, incident) => {
      const { db } = dbs;
      const { id: incidentId, number } = demo(db)[incident];
      const message = `Only members of ${team} may take ownership of ${number}.`;
      const refusal = await refusedWithoutChange(db, incidentId, async () =>
        (await as(email)).oneStep.takeOwnership({ incidentId, expectedVersion: 1 }),
      );
      expect(refusal).toEqual({ code: 'FORBIDDEN', message, fields: {} });
    },
  );

  test('the owner taking it again → PRECONDITION_FAILED, nothing changed', async () => {
    const { db } = dbs;
    const refusal = await refusedWithoutChange(db, demo(db).cpsOwnedIncident.id, async () =>
      (await as('cps@handoff.test')).oneStep.takeOwnership({
        incidentId: demo(db).cpsOwnedIncident.id,
        expectedVersion: 1,
      }),
    );
    expect(refusal).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `You already own ${demo(db).cpsOwnedIncident.number}.`,
    });
  });

  test('an admin, in no team, may not take an incident (team scope, issue 13)', async () => {
    const { db } = dbs;
    const refusal = await refusedWithoutChange(db, demo(db).eastIncident.id, async () =>
      (await as('admin@handoff.test')).oneStep.takeOwnership({
        incidentId: demo(db).eastIncident.id,
        expectedVersion: 1,
      }),
    );
    expect(refusal).toMatchObject({
      code: 'FORBIDDEN',
      message: `Only members of EAST may take ownership of ${demo(db).eastIncident.number}.`,
    });
  });
});

describe('oneStep.resolve', () => {
  const resolution = 'Password reset; the customer signed in.';

  test('L1: resolved, owner unchanged, the resolution in the customer-visible journal and a message to the customer', async () => {
    const { db } = dbs;
    const s = await scenarios.resolve(db);
    const before = await snapshotOf(db, s.incidentId);
    await s.run(await lee(), 1);

    const { incident, journal, audit, notifications } = await changesSince(db, before);
    expect(incident).toMatchObject({
      ownerTeamId: await teamId(db, 'US - Help Desk'),
      ownerAgentId: await userIdOf(db, l1),
      status: 'resolved',
      version: 2,
    });
    expect(journal.map((j) => [j.kind, j.visibility, j.body, j.data])).toEqual([
      ['system', 'internal', 'Resolved by Lee Level-One.', { oneStep: 'resolve' }],
      ['note', 'customer', resolution, { resolution: true }],
    ]);
    expect(audit.map((a) => [a.field, a.fromValue, a.toValue, a.version])).toEqual([
      ['status', 'in_progress', 'resolved', 2],
    ]);
    expect(notifications).toEqual([
      expect.objectContaining({
        audience: 'customer',
        targetId: null,
        template: 'resolved',
        subject: `${s.number} is resolved`,
        body: expect.stringContaining(resolution),
      }),
    ]);
    // The customer reads the resolution on their own case.
    expect(
      JSON.stringify(
        await (await as('customer@handoff.test')).incident.byNumber({ number: s.number }),
      ),
    ).toContain(resolution);
  });

  test.each([
    ['no resolution note', {}],
    ['a blank resolution note', { resolutionNote: '  ' }],
  ])('%s → BAD_REQUEST at resolutionNote, nothing changed', async (_name, input) => {
    const { db } = dbs;
    const refusal = await refusedWithoutChange(db, demo(db).leesIncident.id, async () =>
      (await lee()).oneStep.resolve({
        incidentId: demo(db).leesIncident.id,
        expectedVersion: 1,
        ...(input as { resolutionNote: string }),
      }),
    );
    expect(refusal).toMatchObject({
      code: 'BAD_REQUEST',
      fields: { resolutionNote: 'Write the resolution the customer will read' },
    });
  });

  test('an incident already resolved → PRECONDITION_FAILED, nothing changed', async () => {
    const { db } = dbs;
    const s = await scenarios.close(db); // resolves Lee's incident
    const refusal = await refusedWithoutChange(db, s.incidentId, async () =>
      (await lee()).oneStep.resolve({
        incidentId: s.incidentId,
        expectedVersion: s.version,
        resolutionNote: resolution,
      }),
    );
    expect(refusal).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `${s.number} is resolved; reopen it first.`,
    });
  });
});

describe('oneStep.close', () => {
  test('L1: a resolved incident is closed', async () => {
    const { db } = dbs;
    const s = await scenarios.close(db);
    const before = await snapshotOf(db, s.incidentId);
    await s.run(await lee(), s.version);

    const { incident, journal, audit, notifications } = await changesSince(db, before);
    expect(incident).toMatchObject({
      status: 'closed',
      ownerAgentId: await userIdOf(db, l1),
      version: s.version + 1,
    });
    expect(journal.map((j) => [j.kind, j.body])).toEqual([['system', 'Closed by Lee Level-One.']]);
    expect(audit.map((a) => [a.field, a.fromValue, a.toValue, a.version])).toEqual([
      ['status', 'resolved', 'closed', s.version + 1],
    ]);
    expect(notifications).toEqual([]);
  });

  test('an open incident → PRECONDITION_FAILED, nothing changed', async () => {
    const { db } = dbs;
    const refusal = await refusedWithoutChange(db, demo(db).leesIncident.id, async () =>
      (await lee()).oneStep.close({ incidentId: demo(db).leesIncident.id, expectedVersion: 1 }),
    );
    expect(refusal).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `Only resolved incidents can be closed; resolve ${demo(db).leesIncident.number} first.`,
    });
  });

  test('a closed incident → PRECONDITION_FAILED, nothing changed', async () => {
    const { db } = dbs;
    const s = await scenarios.close(db);
    await s.run(await lee(), s.version);
    const refusal = await refusedWithoutChange(db, s.incidentId, async () =>
      (await lee()).oneStep.close({ incidentId: s.incidentId, expectedVersion: s.version + 1 }),
    );
    expect(refusal).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `${s.number} is closed; reopen it first.`,
    });
  });
});

describe('oneStep.reopen', () => {
  const reason = 'The customer still cannot sign in.';

  test('L1: a resolved incident goes back to its owner, in progress, with the reason', async () => {
    const { db } = dbs;
    const s = await scenarios.reopen(db);
    const before = await snapshotOf(db, s.incidentId);
    await s.run(await lee(), s.version);

    const { incident, journal, audit } = await changesSince(db, before);
    expect(incident).toMatchObject({
      status: 'in_progress',
      ownerTeamId: await teamId(db, 'US - Help Desk'),
      ownerAgentId: await userIdOf(db, l1),
      version: s.version + 1,
    });
    expect(journal.map((j) => [j.kind, j.visibility, j.body, j.data])).toEqual([
      ['system', 'internal', 'Reopened by Lee Level-One.', { oneStep: 'reopen' }],
      ['note', 'internal', reason, { reopenReason: true }],
    ]);
    expect(audit.map((a) => [a.field, a.fromValue, a.toValue])).toEqual([
      ['status', 'resolved', 'in_progress'],
    ]);
  });

  test('a closed incident with no owner agent goes back to the team queue (assigned)', async () => {
    const { db } = dbs;
    const incidentId = demo(db).esQueueIncident.id;
    const es = await as('es@handoff.test');
    await es.oneStep.resolve({ incidentId, expectedVersion: 1, resolutionNote: 'Access granted.' });
    await es.oneStep.close({ incidentId, expectedVersion: 2 });
    await (await lee()).oneStep.reopen({ incidentId, expectedVersion: 3, reason });
    expect((await snapshotOf(db, incidentId)).incident).toMatchObject({
      status: 'assigned',
      ownerTeamId: await teamId(db, 'HD ES'),
      ownerAgentId: null,
      version: 4,
    });
  });

  test('an open incident → PRECONDITION_FAILED, nothing changed', async () => {
    const { db } = dbs;
    const refusal = await refusedWithoutChange(db, demo(db).leesIncident.id, async () =>
      (await lee()).oneStep.reopen({
        incidentId: demo(db).leesIncident.id,
        expectedVersion: 1,
        reason,
      }),
    );
    expect(refusal).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `${demo(db).leesIncident.number} is still open; only resolved or closed incidents can be reopened.`,
    });
  });

  test('no reason → BAD_REQUEST at reason, nothing changed', async () => {
    const { db } = dbs;
    const s = await scenarios.reopen(db);
    const refusal = await refusedWithoutChange(db, s.incidentId, async () =>
      (await lee()).oneStep.reopen({
        incidentId: s.incidentId,
        expectedVersion: s.version,
        reason: '',
      }),
    );
    expect(refusal).toMatchObject({
      code: 'BAD_REQUEST',
      fields: { reason: 'Say why the incident is reopened' },
    });
  });
});
