// Assign to CPS and Transfer to CPS through the real procedures (kb 000, DOMAIN.md §5).
import { describe, expect, test } from 'vitest';
import { userRepository } from '@handoff/db';
import { callerFor, fixedClock, snapshotOf, useSeededDbs, userIdOf } from '../test-callers';
import {
  changesSince,
  demo,
  l1,
  newIncident,
  phoneContact,
  refusedWithoutChange,
  scenarios,
  teamId,
  tuesday10,
  handedOnAnyway,
  withoutRouting,
} from './one-step-scenarios';

const dbs = useSeededDbs();
const lee = () => callerFor(dbs.db, l1, fixedClock(tuesday10));

describe('oneStep.assignToCps', () => {
  test('L1: the CPS queue owns it, Transfer to CPS, assigned, with the 4-hour and 1-day promises', async () => {
    const { db } = dbs;
    const s = await scenarios.assign_to_cps(db);
    const before = await snapshotOf(db, s.incidentId);
    expect(await s.run(await lee(), 1)).toEqual({
      id: s.incidentId,
      number: s.number,
      version: 2,
      status: 'assigned',
      ownerTeamId: await teamId(db, 'US - Help Desk CPS'),
    });

    const { incident, journal, audit, notifications } = await changesSince(db, before);
    // Tuesday 10:00 + 4 business hours = Tuesday 14:00; + 1 business day = Wednesday 10:00 (Chicago).
    const promises = {
      contactBy: '2026-11-24T20:00:00Z',
      callIfNoContactBy: '2026-11-25T16:00:00Z',
    };
    expect(incident).toMatchObject({
      ownerTeamId: await teamId(db, 'US - Help Desk CPS'),
      ownerAgentId: null,
      classification: 'Transfer to CPS',
      status: 'assigned',
      callerPhone: '608-555-0142',
      promises,
      version: 2,
      updatedAt: tuesday10,
    });
    expect(withoutRouting(journal)).toEqual([
      expect.objectContaining({
        kind: 'system',
        visibility: 'internal',
        authorName: 'Lee Level-One',
        body: expect.stringMatching(
          /^Assigned to US - Help Desk CPS — reason: Coned customer\. Callback number: 608-555-0142\. CPS contacts the customer by .+ they call 608-265-6900\.$/,
        ),
        data: expect.objectContaining({
          oneStep: 'assign_to_cps',
          reason: 'coned_customer',
          callbackPhone: '608-555-0142',
          script: expect.any(String),
        }),
      }),
    ]);
    expect(audit.map((a) => [a.field, a.fromValue, a.toValue, a.version, a.actorName])).toEqual([
      [
        'ownerTeamId',
        String(await teamId(db, 'US - Help Desk')),
        String(await teamId(db, 'US - Help Desk CPS')),
        2,
        'Lee Level-One',
      ],
      ['ownerAgentId', String(await userIdOf(db, l1)), null, 2, 'Lee Level-One'],
      ['classification', null, 'Transfer to CPS', 2, 'Lee Level-One'],
      ['status', 'new', 'assigned', 2, 'Lee Level-One'],
      ['callerPhone', phoneContact(db).callerPhone, '608-555-0142', 2, 'Lee Level-One'],
      ['promises', '{}', JSON.stringify(promises), 2, 'Lee Level-One'],
    ]);
    expect(notifications).toEqual([
      expect.objectContaining({
        incidentId: s.incidentId,
        audience: 'team',
        targetId: await teamId(db, 'US - Help Desk CPS'),
        template: 'assigned',
        subject: `${s.number} assigned to US - Help Desk CPS`,
      }),
    ]);
  });

  test('Other with its explanation, on an e-mail case: no callback number needed', async () => {
    const { db } = dbs;
    const { id } = await newIncident(db, tuesday10, {
      channel: 'email',
      callerPhone: undefined,
      callerEmail: 'hconed@extension.wisc.edu',
    });
    const before = await snapshotOf(db, id);
    await (
      await lee()
    ).oneStep.assignToCps({
      ...handedOnAnyway,
      incidentId: id,
      expectedVersion: 1,
      reason: 'other',
      reasonOther: 'Customer insists on CPS.',
    });
    const { journal, incident } = await changesSince(db, before);
    expect(incident).toMatchObject({
      status: 'assigned',
      callerPhone: null,
      callerEmail: 'hconed@extension.wisc.edu',
    });
    expect(journal[0]!.body).toMatch(
      /^Assigned to US - Help Desk CPS — reason: Other \(Customer insists on CPS\.\)\. CPS contacts/,
    );
    expect(journal[0]!.data).toMatchObject({ script: null, callbackPhone: null });
  });

  test.each([
    [
      'reason Other without an explanation',
      { reason: 'other' as const, callbackPhone: '608-555-0142' },
      { reasonOther: 'Explain why you chose Other.' },
    ],
    [
      'a phone contact without a callback number',
      { reason: 'coned_customer' as const },
      { callbackPhone: 'Give the callback number CPS will call.' },
    ],
    [
      'both',
      { reason: 'other' as const },
      {
        reasonOther: 'Explain why you chose Other.',
        callbackPhone: 'Give the callback number CPS will call.',
      },
    ],
  ])('%s → BAD_REQUEST with the field messages, nothing changed', async (_name, input, fields) => {
    const { db } = dbs;
    const { id } = await newIncident(db, tuesday10);
    const refusal = await refusedWithoutChange(db, id, async () =>
      (await lee()).oneStep.assignToCps({
        ...handedOnAnyway,
        incidentId: id,
        expectedVersion: 1,
        ...input,
      }),
    );
    expect(refusal).toEqual({
      code: 'BAD_REQUEST',
      message: Object.values(fields).join(' '),
      fields,
    });
  });

  test.each([
    ['no reason', { callbackPhone: '608-555-0142' }, { reason: 'Choose a reason' }],
    [
      'a malformed callback number',
      { reason: 'coned_customer', callbackPhone: '12' },
      { callbackPhone: 'Enter a phone number such as 608-555-0100' },
    ],
  ])('%s → BAD_REQUEST from the form schema, nothing changed', async (_name, input, fields) => {
    const { db } = dbs;
    const { id } = await newIncident(db, tuesday10);
    const refusal = await refusedWithoutChange(db, id, async () =>
      (await lee()).oneStep.assignToCps({
        ...handedOnAnyway,
        incidentId: id,
        expectedVersion: 1,
        ...(input as { reason: 'coned_customer' }),
      }),
    );
    expect(refusal).toMatchObject({ code: 'BAD_REQUEST', fields });
  });

  test('an incident already in the CPS queue → PRECONDITION_FAILED, nothing changed', async () => {
    const { db } = dbs;
    const refusal = await refusedWithoutChange(db, demo(db).cpsQueueIncident.id, async () =>
      (await lee()).oneStep.assignToCps({
        ...handedOnAnyway,
        incidentId: demo(db).cpsQueueIncident.id,
        expectedVersion: 1,
        reason: 'coned_customer',
        callbackPhone: '608-555-0142',
      }),
    );
    expect(refusal).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `${demo(db).cpsQueueIncident.number} is already owned by US - Help Desk CPS.`,
    });
  });

  test('a resolved incident → PRECONDITION_FAILED, nothing changed', async () => {
    const { db } = dbs;
    const s = await scenarios.close(db); // resolves Lee's incident
    const refusal = await refusedWithoutChange(db, s.incidentId, async () =>
      (await lee()).oneStep.assignToCps({
        ...handedOnAnyway,
        incidentId: s.incidentId,
        expectedVersion: s.version,
        reason: 'coned_customer',
        callbackPhone: '608-555-0142',
      }),
    );
    expect(refusal).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `${s.number} is resolved; reopen it first.`,
    });
  });

  test('an incident that does not exist → NOT_FOUND', async () => {
    const refusal = await refusedWithoutChange(dbs.db, demo(dbs.db).leesIncident.id, async () =>
      (await lee()).oneStep.assignToCps({
        ...handedOnAnyway,
        incidentId: 999,
        expectedVersion: 1,
        reason: 'coned_customer',
        callbackPhone: '608-555-0142',
      }),
    );
    expect(refusal).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No incident #999 that you can see.',
    });
  });
});

describe('the history of a hand-off speaks words (issue 19 item 3)', () => {
  test('Assign to CPS reads "Owner team: US - Help Desk → US - Help Desk CPS" and the promises as times', async () => {
    const { db } = dbs;
    const s = await scenarios.assign_to_cps(db);
    await s.run(await lee(), 1);
    const shown = await (await lee()).incident.byNumber({ number: s.number });
    const words = shown.audience === 'staff' ? shown.audit.map((a) => a.words) : [];
    expect(words).toEqual(
      expect.arrayContaining([
        { field: 'Owner team', fromValue: 'US - Help Desk', toValue: 'US - Help Desk CPS' },
        { field: 'Status', fromValue: 'New', toValue: 'Assigned' },
        {
          field: 'Promises',
          fromValue: 'No promises',
          toValue:
            'Contact by Tue, Nov 24, 2:00 PM; Call us if no contact by Wed, Nov 25, 10:00 AM',
        },
      ]),
    );
    expect(JSON.stringify(words)).not.toMatch(/ownerTeamId|contactBy/);
  });
});

describe('oneStep.transferToCps', () => {
  test('L1: the ready agent owns it, in progress, no promises, and is set busy at once', async () => {
    const { db } = dbs;
    const s = await scenarios.transfer_to_cps(db);
    const cps = await userIdOf(db, 'cps@handoff.test');
    expect((await userRepository.findById(db, cps))!.presence).toBe('ready');
    const before = await snapshotOf(db, s.incidentId);
    await s.run(await lee(), 1);

    const { incident, journal, audit, notifications } = await changesSince(db, before);
    expect(incident).toMatchObject({
      ownerTeamId: await teamId(db, 'US - Help Desk CPS'),
      ownerAgentId: cps,
      classification: 'Transfer to CPS',
      status: 'in_progress',
      promises: {},
      version: 2,
    });
    expect(withoutRouting(journal).map((j) => [j.kind, j.body, j.data])).toEqual([
      [
        'system',
        'Transferred live to Cameron CPS (US - Help Desk CPS).',
        { oneStep: 'transfer_to_cps', agentId: cps },
      ],
    ]);
    expect(audit.map((a) => [a.field, a.toValue])).toEqual([
      ['ownerTeamId', String(await teamId(db, 'US - Help Desk CPS'))],
      ['ownerAgentId', String(cps)],
      ['classification', 'Transfer to CPS'],
      ['status', 'in_progress'],
    ]);
    expect(notifications.map((n) => [n.audience, n.targetId, n.subject])).toEqual([
      [
        'team',
        await teamId(db, 'US - Help Desk CPS'),
        `${s.number} assigned to US - Help Desk CPS`,
      ],
      ['user', cps, `${s.number} is yours`],
    ]);
    expect(await userRepository.findById(db, cps)).toMatchObject({
      presence: 'busy',
      presenceChangedAt: tuesday10,
    });
    // The agent sees it at once: it is in their own list and no longer counted ready.
    expect(
      (await (await callerFor(db, 'cps@handoff.test')).incident.mine({})).items.map(
        (i) => i.number,
      ),
    ).toContain(s.number);
    expect((await (await lee()).presence.cps()).ready).toEqual([]);
  });

  async function withReady(...emails: string[]) {
    const { db } = dbs;
    for (const email of emails)
      await (await callerFor(db, email, fixedClock(tuesday10))).presence.set({ presence: 'ready' });
    const { id } = await newIncident(db, tuesday10);
    return { db, id };
  }

  test.each([
    [
      'no CPS agent is ready',
      [],
      'cps@handoff.test',
      'PRECONDITION_FAILED',
      'No CPS agent is ready; use Assign to CPS for a callback instead.',
    ],
    [
      'the chosen agent is not ready',
      ['cps@handoff.test'],
      'cps2@handoff.test',
      'PRECONDITION_FAILED',
      'Cory CPS is not ready (not ready); choose a ready CPS agent.',
    ],
    [
      'the chosen agent is not in CPS',
      ['cps@handoff.test', 'es@handoff.test'],
      'es@handoff.test',
      'PRECONDITION_FAILED',
      'Emery Enterprise is not a member of US - Help Desk CPS.',
    ],
  ])('%s → %s, nothing changed', async (_name, ready, chosen, code, message) => {
    const { db, id } = await withReady(...ready);
    const refusal = await refusedWithoutChange(db, id, async () =>
      (await lee()).oneStep.transferToCps({
        ...handedOnAnyway,
        incidentId: id,
        expectedVersion: 1,
        cpsAgentId: await userIdOf(db, chosen),
      }),
    );
    expect(refusal).toMatchObject({ code, message });
  });

  test('a busy agent cannot take a second live transfer', async () => {
    const { db, id } = await withReady('cps@handoff.test', 'cps2@handoff.test');
    const cps = await userIdOf(db, 'cps@handoff.test');
    await (await callerFor(db, 'cps@handoff.test')).presence.set({ presence: 'busy' });
    const refusal = await refusedWithoutChange(db, id, async () =>
      (await lee()).oneStep.transferToCps({
        ...handedOnAnyway,
        incidentId: id,
        expectedVersion: 1,
        cpsAgentId: cps,
      }),
    );
    expect(refusal).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'Cameron CPS is not ready (busy); choose a ready CPS agent.',
    });
  });

  test('an agent who does not exist → BAD_REQUEST at cpsAgentId, nothing changed', async () => {
    const { db, id } = await withReady('cps@handoff.test');
    const refusal = await refusedWithoutChange(db, id, async () =>
      (await lee()).oneStep.transferToCps({
        ...handedOnAnyway,
        incidentId: id,
        expectedVersion: 1,
        cpsAgentId: 999,
      }),
    );
    expect(refusal).toEqual({
      code: 'BAD_REQUEST',
      message: 'That agent does not exist.',
      fields: { cpsAgentId: 'Choose a ready CPS agent' },
    });
  });

  test('an incident a CPS agent already owns → PRECONDITION_FAILED, nothing changed', async () => {
    const { db } = await withReady('cps2@handoff.test');
    const refusal = await refusedWithoutChange(db, demo(db).cpsOwnedIncident.id, async () =>
      (await lee()).oneStep.transferToCps({
        ...handedOnAnyway,
        incidentId: demo(db).cpsOwnedIncident.id,
        expectedVersion: 1,
        cpsAgentId: await userIdOf(db, 'cps2@handoff.test'),
      }),
    );
    expect(refusal).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `${demo(db).cpsOwnedIncident.number} is already owned by a CPS agent.`,
    });
  });
});
