// Send to HD ES (kb 002), Escalate to technologists (kb 004) and Escalate to team, through the real procedures.
import { describe, expect, test } from 'vitest';
import { type Db } from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { callerFor, fixedClock, snapshotOf, useSeededDbs } from '../test-callers';
import {
  changesSince,
  demo,
  l1,
  newIncident,
  refusedWithoutChange,
  scenarios,
  teamId,
  tuesday10,
  handedOnAnyway,
  withoutRouting,
} from './one-step-scenarios';

const dbs = useSeededDbs();
const lee = () => callerFor(dbs.db, l1, fixedClock(tuesday10));
const note = 'Cleared the print queue; still blank.';

describe('oneStep.sendToHdEs', () => {
  test('L1: the HD ES queue owns it, with the e-mail contact and the troubleshooting note', async () => {
    const { db } = dbs;
    const s = await scenarios.send_to_hd_es(db);
    const before = await snapshotOf(db, s.incidentId);
    await s.run(await lee(), 1);

    const { incident, journal, audit, notifications } = await changesSince(db, before);
    const es = await teamId(db, 'HD ES');
    expect(incident).toMatchObject({
      ownerTeamId: es,
      ownerAgentId: null,
      classification: 'Send to HD ES',
      status: 'assigned',
      callerEmail: 'hconed@extension.wisc.edu',
      promises: {},
      version: 2,
    });
    expect(withoutRouting(journal).map((j) => [j.kind, j.visibility, j.body, j.data])).toEqual([
      [
        'system',
        'internal',
        'Sent to HD ES; an Enterprise Support agent takes ownership and contacts the customer by e-mail at hconed@extension.wisc.edu.',
        { oneStep: 'send_to_hd_es' },
      ],
      ['note', 'internal', note, { troubleshooting: true }],
    ]);
    expect(audit.map((a) => [a.field, a.toValue, a.version])).toEqual([
      ['ownerTeamId', String(es), 2],
      ['ownerAgentId', null, 2],
      ['classification', 'Send to HD ES', 2],
      ['status', 'assigned', 2],
    ]);
    expect(notifications.map((n) => [n.audience, n.targetId, n.subject])).toEqual([
      ['team', es, `${s.number} assigned to HD ES`],
    ]);
  });

  test('an e-mail given with the step (case-folded) is stored on the incident', async () => {
    const { db } = dbs;
    const { id } = await newIncident(db, tuesday10);
    await (
      await lee()
    ).oneStep.sendToHdEs({
      ...handedOnAnyway,
      incidentId: id,
      expectedVersion: 1,
      callerEmail: 'HConed@Extension.wisc.edu',
      troubleshootingNote: note,
    });
    expect((await snapshotOf(db, id)).incident).toMatchObject({
      callerEmail: 'hconed@extension.wisc.edu',
      ownerTeamId: await teamId(db, 'HD ES'),
    });
  });

  test('no e-mail on the incident nor given → BAD_REQUEST at callerEmail, nothing changed', async () => {
    const { db } = dbs;
    const { id } = await newIncident(db, tuesday10);
    const refusal = await refusedWithoutChange(db, id, async () =>
      (await lee()).oneStep.sendToHdEs({
        ...handedOnAnyway,
        incidentId: id,
        expectedVersion: 1,
        troubleshootingNote: note,
      }),
    );
    const message = 'Give the customer’s e-mail address: Enterprise Support follows up by e-mail.';
    expect(refusal).toEqual({ code: 'BAD_REQUEST', message, fields: { callerEmail: message } });
  });

  test.each([
    [
      'no troubleshooting note',
      { callerEmail: 'a@wisc.edu' },
      { troubleshootingNote: 'Describe the basic troubleshooting you did' },
    ],
    [
      'a blank troubleshooting note',
      { callerEmail: 'a@wisc.edu', troubleshootingNote: ' ' },
      { troubleshootingNote: 'Describe the basic troubleshooting you did' },
    ],
    [
      'a malformed e-mail',
      { callerEmail: 'not-an-address', troubleshootingNote: note },
      { callerEmail: 'Enter the customer’s e-mail address' },
    ],
  ])('%s → BAD_REQUEST at the field, nothing changed', async (_name, input, fields) => {
    const { db } = dbs;
    const { id } = await newIncident(db, tuesday10);
    const refusal = await refusedWithoutChange(db, id, async () =>
      (await lee()).oneStep.sendToHdEs({
        ...handedOnAnyway,
        incidentId: id,
        expectedVersion: 1,
        ...(input as { troubleshootingNote: string }),
      }),
    );
    expect(refusal).toMatchObject({ code: 'BAD_REQUEST', fields });
  });

  test('an incident already in the HD ES queue → PRECONDITION_FAILED, nothing changed', async () => {
    const { db } = dbs;
    const refusal = await refusedWithoutChange(db, demo(db).esQueueIncident.id, async () =>
      (await lee()).oneStep.sendToHdEs({
        ...handedOnAnyway,
        incidentId: demo(db).esQueueIncident.id,
        expectedVersion: 1,
        troubleshootingNote: note,
      }),
    );
    expect(refusal).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `${demo(db).esQueueIncident.number} is already owned by HD ES.`,
    });
  });
});

describe('oneStep.escalateToTechnologists', () => {
  const why = 'Whole lab cannot reach the gateway.';

  test('L1: the service’s technologist group owns it, with the one-business-day promise', async () => {
    const { db } = dbs;
    const s = await scenarios.escalate_to_technologists(db);
    const before = await snapshotOf(db, s.incidentId);
    await s.run(await lee(), 1);

    const { incident, journal, audit, notifications } = await changesSince(db, before);
    const drmt = await teamId(db, 'DRMT');
    // Tuesday 10:00 + 1 business day = Wednesday 10:00 (Chicago).
    const promises = { respondBy: '2026-11-25T16:00:00Z' };
    expect(incident).toMatchObject({
      ownerTeamId: drmt,
      ownerAgentId: null,
      classification: 'Escalate to technologists',
      status: 'assigned',
      promises,
      version: 2,
    });
    expect(withoutRouting(journal).map((j) => [j.kind, j.body, j.data])).toEqual([
      [
        'system',
        'Escalated to the DRMT technologists (DRMT); they respond within one business day, by Wednesday 10:00 AM.',
        { oneStep: 'escalate_to_technologists', group: 'DRMT' },
      ],
      ['note', why, null],
    ]);
    expect(audit.map((a) => [a.field, a.toValue])).toEqual([
      ['ownerTeamId', String(drmt)],
      ['ownerAgentId', null],
      ['classification', 'Escalate to technologists'],
      ['status', 'assigned'],
      ['promises', JSON.stringify(promises)],
      ['peopleAffected', '30'],
    ]);
    expect(notifications.map((n) => [n.audience, n.targetId])).toEqual([['team', drmt]]);
  });

  test('group SNCC goes to SNCC-Sysops; a chosen group wins over the service’s', async () => {
    const { db } = dbs;
    const { id } = await newIncident(db, tuesday10, { serviceId: demo(db).service.campusNetwork });
    await (
      await lee()
    ).oneStep.escalateToTechnologists({
      ...handedOnAnyway,
      incidentId: id,
      expectedVersion: 1,
      peopleAffected: 30,
      note: why,
    });
    expect((await snapshotOf(db, id)).incident!.ownerTeamId).toBe(await teamId(db, 'SNCC-Sysops'));

    const other = await newIncident(db, tuesday10, { serviceId: demo(db).service.campusNetwork });
    await (
      await lee()
    ).oneStep.escalateToTechnologists({
      ...handedOnAnyway,
      incidentId: other.id,
      expectedVersion: 1,
      group: 'Middleware',
      peopleAffected: 30,
      note: why,
    });
    expect((await snapshotOf(db, other.id)).incident!.ownerTeamId).toBe(
      await teamId(db, 'Middleware'),
    );
  });

  // Issue 14 item 10: kb 004's scope applies whatever the channel, phone included.
  test.each([
    ['Canvas (category 3, Applications Technology)', 'Canvas', undefined],
    ['Campus Printing (category 3, no group), with a group chosen', 'Campus Printing', 'IIAT'],
  ] as const)(
    'a phone contact about %s → PRECONDITION_FAILED, no promise made, nothing changed',
    async (_name, service, group) => {
      const { db } = dbs;
      const serviceId = demoKeys(db).service(service).id;
      const { id } = await newIncident(db, tuesday10, { serviceId });
      const refusal = await refusedWithoutChange(db, id, async () =>
        (await lee()).oneStep.escalateToTechnologists({
          ...handedOnAnyway,
          incidentId: id,
          expectedVersion: 1,
          ...(group ? { group } : {}),
          peopleAffected: 1,
          note: why,
        }),
      );
      expect(refusal).toMatchObject({
        code: 'PRECONDITION_FAILED',
        message: expect.stringContaining('category 3 products are excluded'),
      });
    },
  );

  test('a phone contact affecting one person → BAD_REQUEST at peopleAffected, nothing changed', async () => {
    const { db } = dbs;
    const s = await scenarios.escalate_to_technologists(db);
    const refusal = await refusedWithoutChange(db, s.incidentId, async () =>
      (await lee()).oneStep.escalateToTechnologists({
        ...handedOnAnyway,
        incidentId: s.incidentId,
        expectedVersion: 1,
        peopleAffected: 1,
        note: why,
      }),
    );
    const message = `It affects one person, so it is not mission critical: handle ${(await snapshotOf(db, s.incidentId)).incident!.number} normally (kb 004).`;
    expect(refusal).toEqual({ code: 'BAD_REQUEST', message, fields: { peopleAffected: message } });
  });

  test.each([
    ['no note', { group: 'DRMT' }, { note: 'Say why this is mission critical and what is known' }],
    [
      'a group that is not a technologist group',
      { group: 'EAST', note: why },
      { group: expect.any(String) },
    ],
  ])('%s → BAD_REQUEST at the field, nothing changed', async (_name, input, fields) => {
    const { db } = dbs;
    const { id } = await newIncident(db, tuesday10);
    const refusal = await refusedWithoutChange(db, id, async () =>
      (await lee()).oneStep.escalateToTechnologists({
        ...handedOnAnyway,
        incidentId: id,
        expectedVersion: 1,
        ...(input as { note: string }),
      }),
    );
    expect(refusal).toMatchObject({ code: 'BAD_REQUEST', fields });
  });

  test("an incident the group already owns is no longer the desk's: FORBIDDEN, nothing changed", async () => {
    const { db } = dbs;
    const s = await scenarios.escalate_to_technologists(db);
    await s.run(await lee(), 1);
    const refusal = await refusedWithoutChange(db, s.incidentId, async () =>
      (await lee()).oneStep.escalateToTechnologists({
        ...handedOnAnyway,
        incidentId: s.incidentId,
        expectedVersion: 2,
        note: why,
      }),
    );
    expect(refusal).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining(`${s.number} is with DRMT, so you may not change it`),
    });
  });
});

describe('oneStep.escalateToTeam', () => {
  const why = 'Vendor product; Tier 2 owns it.';

  test('L1: the chosen team owns it, Escalate to team, with the note', async () => {
    const { db } = dbs;
    const s = await scenarios.escalate_to_team(db);
    const before = await snapshotOf(db, s.incidentId);
    await s.run(await lee(), 1);

    const { incident, journal, audit, notifications } = await changesSince(db, before);
    const tier2 = await teamId(db, 'Tier 2 Support');
    expect(incident).toMatchObject({
      ownerTeamId: tier2,
      ownerAgentId: null,
      classification: 'Escalate to team',
      status: 'assigned',
      promises: {},
      version: 2,
    });
    expect(withoutRouting(journal).map((j) => [j.kind, j.visibility, j.body])).toEqual([
      ['system', 'internal', 'Escalated to Tier 2 Support.'],
      ['note', 'internal', why],
    ]);
    expect(audit.map((a) => [a.field, a.toValue])).toEqual([
      ['ownerTeamId', String(tier2)],
      ['ownerAgentId', null],
      ['classification', 'Escalate to team'],
      ['status', 'assigned'],
    ]);
    expect(notifications.map((n) => [n.audience, n.targetId])).toEqual([['team', tier2]]);
  });

  test('a technologist hands a DRMT incident to SNCC-Network', async () => {
    const { db } = dbs;
    const s = await scenarios.escalate_to_technologists(db);
    await s.run(await lee(), 1);
    await (
      await callerFor(db, 'technologist@handoff.test', fixedClock(tuesday10))
    ).oneStep.escalateToTeam({
      ...handedOnAnyway,
      incidentId: s.incidentId,
      expectedVersion: 2,
      teamId: await teamId(db, 'SNCC-Network'),
      note: 'Switch port down.',
    });
    expect((await snapshotOf(db, s.incidentId)).incident).toMatchObject({
      ownerTeamId: await teamId(db, 'SNCC-Network'),
      promises: {},
      version: 3,
    });
  });

  test.each([
    ['US - Help Desk CPS', 'Use Assign to CPS to hand an incident to US - Help Desk CPS.'],
    ['HD ES', 'Use Send to HD ES to hand an incident to HD ES.'],
    ['EAST', 'Use Assign to EAST to hand an incident to EAST.'],
  ])(
    'to %s, which has its own one-step → BAD_REQUEST at teamId, nothing changed',
    async (team, message) => {
      const { db } = dbs;
      const { id } = await newIncident(db, tuesday10);
      const refusal = await refusedWithoutChange(db, id, async () =>
        (await lee()).oneStep.escalateToTeam({
          ...handedOnAnyway,
          incidentId: id,
          expectedVersion: 1,
          teamId: await teamId(db, team),
          note: why,
        }),
      );
      expect(refusal).toEqual({ code: 'BAD_REQUEST', message, fields: { teamId: message } });
    },
  );

  test.each([
    ['a team that does not exist', () => 999, 'BAD_REQUEST', () => 'Choose a team.'],
    [
      'the team that owns it already',
      (db: Db) => teamId(db, 'US - Help Desk'),
      'PRECONDITION_FAILED',
      (number: string) => `${number} is already owned by US - Help Desk.`,
    ],
  ])('%s → %s, nothing changed', async (_name, team, code, message) => {
    const { db } = dbs;
    const { id, number } = await newIncident(db, tuesday10);
    const refusal = await refusedWithoutChange(db, id, async () =>
      (await lee()).oneStep.escalateToTeam({
        ...handedOnAnyway,
        incidentId: id,
        expectedVersion: 1,
        teamId: await team(db),
        note: why,
      }),
    );
    expect(refusal).toMatchObject({ code, message: message(number) });
  });

  test('no note → BAD_REQUEST at note, nothing changed', async () => {
    const { db } = dbs;
    const { id } = await newIncident(db, tuesday10);
    const refusal = await refusedWithoutChange(db, id, async () =>
      (await lee()).oneStep.escalateToTeam({
        ...handedOnAnyway,
        incidentId: id,
        expectedVersion: 1,
        teamId: await teamId(db, 'Tier 2 Support'),
        note: '',
      }),
    );
    expect(refusal).toMatchObject({
      code: 'BAD_REQUEST',
      fields: { note: 'Say why you escalate' },
    });
  });
});
