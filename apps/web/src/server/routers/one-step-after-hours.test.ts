// Assign to EAST and Page on-call, the after-hours steps (kb 001), through the real procedures.
import { describe, expect, test } from 'vitest';
import { type Db } from '@handoff/db';
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
  tuesday19,
  handedOnAnyway,
  withoutRouting,
} from './one-step-scenarios';

const dbs = useSeededDbs();
const lee = () => callerFor(dbs.db, l1, fixedClock(tuesday19));
const eastInput = {
  urgency: 'can_wait_until_hdl2' as const,
  expectation: 'EAST follows up tomorrow morning',
};

describe('oneStep.assignToEast', () => {
  test('L1: EAST owns it under DoIT Departmental Support > Service Inquiry > Unclassified, with urgency and expectation', async () => {
    const { db } = dbs;
    const s = await scenarios.assign_to_east(db);
    const before = await snapshotOf(db, s.incidentId);
    await s.run(await lee(), 1);

    const { incident, journal, audit, notifications } = await changesSince(db, before);
    const east = await teamId(db, 'EAST');
    expect(incident).toMatchObject({
      serviceId: demo(db).service.afterHours,
      ownerTeamId: east,
      ownerAgentId: null,
      classification: 'Assign to EAST',
      status: 'assigned',
      callerPhone: phoneContact(db).callerPhone,
      urgency: 'can_wait_until_hdl2',
      expectation: 'EAST follows up tomorrow morning',
      promises: {},
      version: 2,
      updatedAt: tuesday19,
    });
    const script =
      `Your incident number is ${s.number}. Contract Partner Support is open Monday–Friday 7am–6pm Central time; ` +
      'they open next on Wednesday 7:00 AM and will follow up on your case. You can also call Contract Partner Support directly at 608-265-6900.';
    expect(withoutRouting(journal).map((j) => [j.kind, j.visibility, j.body, j.data])).toEqual([
      [
        'system',
        'internal',
        'Assigned to EAST after hours; service set to DoIT Departmental Support > Service Inquiry > Unclassified. ' +
          `Urgency: Can wait until HDL2. Expectation given: EAST follows up tomorrow morning. Told the customer: “${script}”`,
        { oneStep: 'assign_to_east', script },
      ],
    ]);
    expect(audit.map((a) => [a.field, a.fromValue, a.toValue, a.version])).toEqual([
      ['serviceId', String(demo(db).service.printing), String(demo(db).service.afterHours), 2],
      ['ownerTeamId', String(await teamId(db, 'US - Help Desk')), String(east), 2],
      ['ownerAgentId', String(await userIdOf(db, l1)), null, 2],
      ['classification', null, 'Assign to EAST', 2],
      ['status', 'new', 'assigned', 2],
      ['urgency', null, 'can_wait_until_hdl2', 2],
      ['expectation', null, 'EAST follows up tomorrow morning', 2],
    ]);
    expect(notifications.map((n) => [n.audience, n.targetId, n.template])).toEqual([
      ['team', east, 'assigned'],
    ]);
  });

  test('a phone number given with the step is stored on the incident', async () => {
    const { db } = dbs;
    const { id } = await newIncident(db, tuesday19, {
      channel: 'email',
      callerPhone: undefined,
      callerEmail: 'hconed@extension.wisc.edu',
    });
    await (
      await lee()
    ).oneStep.assignToEast({
      ...handedOnAnyway,
      incidentId: id,
      expectedVersion: 1,
      callerPhone: '608-555-0177',
      ...eastInput,
    });
    expect((await snapshotOf(db, id)).incident).toMatchObject({
      callerPhone: '608-555-0177',
      ownerTeamId: await teamId(db, 'EAST'),
    });
  });

  test.each([
    [
      'no urgency',
      { expectation: 'Tomorrow' },
      { urgency: 'Say whether it is urgent or can wait until HDL2' },
    ],
    [
      'no expectation',
      { urgency: 'urgent' },
      { expectation: 'Write down what you told the customer to expect' },
    ],
    [
      'a blank expectation',
      { urgency: 'urgent', expectation: '   ' },
      { expectation: 'Write down what you told the customer to expect' },
    ],
  ])('%s → BAD_REQUEST at the field, nothing changed', async (_name, input, fields) => {
    const { db } = dbs;
    const { id } = await newIncident(db, tuesday19);
    const refusal = await refusedWithoutChange(db, id, async () =>
      (await lee()).oneStep.assignToEast({
        ...handedOnAnyway,
        incidentId: id,
        expectedVersion: 1,
        ...(input as typeof eastInput),
      }),
    );
    expect(refusal).toMatchObject({ code: 'BAD_REQUEST', fields });
  });

  test('no phone number on the incident nor given → BAD_REQUEST at callerPhone, nothing changed', async () => {
    const { db } = dbs;
    const { id } = await newIncident(db, tuesday19, {
      channel: 'email',
      callerPhone: undefined,
      callerEmail: 'hconed@extension.wisc.edu',
    });
    const refusal = await refusedWithoutChange(db, id, async () =>
      (await lee()).oneStep.assignToEast({
        ...handedOnAnyway,
        incidentId: id,
        expectedVersion: 1,
        ...eastInput,
      }),
    );
    const message =
      'Give the customer’s phone number: after-hours handling needs full contact details.';
    expect(refusal).toEqual({ code: 'BAD_REQUEST', message, fields: { callerPhone: message } });
  });

  test('an incident already with EAST → PRECONDITION_FAILED, nothing changed', async () => {
    const { db } = dbs;
    const refusal = await refusedWithoutChange(db, demo(db).eastIncident.id, async () =>
      (await lee()).oneStep.assignToEast({
        ...handedOnAnyway,
        incidentId: demo(db).eastIncident.id,
        expectedVersion: 1,
        ...eastInput,
      }),
    );
    expect(refusal).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `${demo(db).eastIncident.number} is already owned by EAST.`,
    });
  });
});

describe('oneStep.pageOncall', () => {
  const page = (db: Db) => ({
    schedule: 'aims' as const,
    contactId: demo(db).oncall.aimsPrimary,
    result: 'answered' as const,
    expectation: 'A technician calls you within the hour.',
  });

  test('L1: the call and its voicemail are journaled, the one-hour promise stored, the owner unchanged', async () => {
    const { db } = dbs;
    const s = await scenarios.page_oncall(db);
    const before = await snapshotOf(db, s.incidentId);
    await s.run(await lee(), 1);

    const { incident, journal, audit, notifications } = await changesSince(db, before);
    // Tuesday 19:00 + 60 minutes, clock time.
    const promises = { techContactBy: '2026-11-25T02:00:00Z' };
    expect(incident).toMatchObject({
      ownerTeamId: await teamId(db, 'US - Help Desk'),
      ownerAgentId: await userIdOf(db, l1),
      classification: 'Page on-call',
      status: 'in_progress',
      urgency: 'urgent',
      expectation: 'The on-call technician calls you within the hour.',
      promises,
      version: 2,
    });
    // kb 001: the case, the customer's name and phone, and a brief description.
    const message = `A case came in: ${s.number}. Customer: Avery Aims, 608-555-0108. Problem: Printer in room 210 prints blank pages.`;
    const script = `I have passed your case ${s.number} to the on-call technician; a technician will contact you within an hour, by Tuesday 8:00 PM.`;
    expect(withoutRouting(journal).map((j) => [j.kind, j.visibility, j.body, j.data])).toEqual([
      [
        'system',
        'internal',
        'Paged the AIMS on-call technician, who contacts the customer within an hour, by Tuesday 8:00 PM. Urgency: Urgent. ' +
          `Expectation given: The on-call technician calls you within the hour. Told the customer: “${script}”`,
        {
          oneStep: 'page_oncall',
          schedule: 'aims',
          contactId: demo(db).oncall.aimsPrimary,
          result: 'voicemail',
          script,
        },
      ],
      [
        'phone',
        'internal',
        `Paged the AIMS on-call (Morgan Reyes (AIMS primary), 608-555-7001): voicemail left. Told them: “${message}”`,
        { schedule: 'aims', contactId: demo(db).oncall.aimsPrimary, result: 'voicemail', message },
      ],
    ]);
    expect(audit.map((a) => [a.field, a.toValue])).toEqual([
      ['classification', 'Page on-call'],
      ['status', 'in_progress'],
      ['urgency', 'urgent'],
      ['expectation', 'The on-call technician calls you within the hour.'],
      ['promises', JSON.stringify(promises)],
    ]);
    expect(notifications).toEqual([]);
  });

  test('the GDS schedule with its own contact, answered', async () => {
    const { db } = dbs;
    const { id } = await newIncident(db, tuesday19);
    await (
      await lee()
    ).oneStep.pageOncall({
      ...handedOnAnyway,
      incidentId: id,
      expectedVersion: 1,
      ...page(db),
      schedule: 'gds',
      contactId: demo(db).oncall.gdsPrimary,
    });
    expect(withoutRouting((await snapshotOf(db, id)).journal)[0]!.body).toMatch(
      /^Paged the GDS on-call \(Riley Chen \(GDS primary\), 608-555-7101\): answered\. Told them: “A case came in: INC-\d+\. Customer: Hana Coned, 608-555-0108\. Problem: Printer in room 210 prints blank pages\.”$/,
    );
  });

  // Issue 14 item 9: Avery Aims is a former AIMS partner, so GDS needs a reason.
  test('the GDS on-call for an AIMS customer → BAD_REQUEST without a reason, journaled with one', async () => {
    const { db } = dbs;
    const s = await scenarios.page_oncall(db);
    const gds = { ...page(db), schedule: 'gds' as const, contactId: demo(db).oncall.gdsPrimary };
    const refusal = await refusedWithoutChange(db, s.incidentId, async () =>
      (await lee()).oneStep.pageOncall({
        ...handedOnAnyway,
        incidentId: s.incidentId,
        expectedVersion: 1,
        ...gds,
      }),
    );
    const message =
      'Avery Aims is a former AIMS contract partner: page the AIMS on-call, or say why you page GDS (kb 001).';
    expect(refusal).toEqual({
      code: 'BAD_REQUEST',
      message,
      fields: { scheduleOverrideReason: message },
    });

    await (
      await lee()
    ).oneStep.pageOncall({
      ...handedOnAnyway,
      incidentId: s.incidentId,
      expectedVersion: 1,
      ...gds,
      scheduleOverrideReason: 'The AIMS on-call line rang out twice.',
    });
    const system = (await snapshotOf(db, s.incidentId)).journal.find((j) => j.kind === 'system')!;
    expect(system.body).toContain(
      'Paged GDS instead of AIMS: The AIMS on-call line rang out twice.',
    );
    expect(system.data).toMatchObject({
      expectedSchedule: 'aims',
      overrideReason: 'The AIMS on-call line rang out twice.',
    });
  });

  test.each([
    [
      'a GDS contact on the AIMS schedule',
      (db: Db) => ({ contactId: demo(db).oncall.gdsPrimary }),
      'Riley Chen (GDS primary) is on the GDS on-call schedule, not AIMS.',
      { contactId: 'Riley Chen (GDS primary) is on the GDS on-call schedule, not AIMS.' },
    ],
    [
      'an on-call contact that does not exist',
      () => ({ contactId: 999 }),
      'That on-call contact does not exist.',
      { contactId: 'Choose who you called' },
    ],
  ])('%s → BAD_REQUEST at contactId, nothing changed', async (_name, change, message, fields) => {
    const { db } = dbs;
    const { id } = await newIncident(db, tuesday19);
    const refusal = await refusedWithoutChange(db, id, async () =>
      (await lee()).oneStep.pageOncall({
        ...handedOnAnyway,
        incidentId: id,
        expectedVersion: 1,
        ...page(db),
        ...change(db),
      }),
    );
    expect(refusal).toEqual({ code: 'BAD_REQUEST', message, fields });
  });

  test('no phone number on the incident nor given → BAD_REQUEST at callerPhone, nothing changed', async () => {
    const { db } = dbs;
    const { id } = await newIncident(db, tuesday19, {
      channel: 'email',
      callerPhone: undefined,
      callerEmail: 'hconed@extension.wisc.edu',
    });
    const refusal = await refusedWithoutChange(db, id, async () =>
      (await lee()).oneStep.pageOncall({
        ...handedOnAnyway,
        incidentId: id,
        expectedVersion: 1,
        ...page(db),
      }),
    );
    expect(refusal).toMatchObject({
      code: 'BAD_REQUEST',
      fields: {
        callerPhone:
          'Give the customer’s phone number: after-hours handling needs full contact details.',
      },
    });
  });

  test.each([
    ['no schedule', 'schedule', 'Choose the AIMS or GDS on-call schedule'],
    ['no contact', 'contactId', 'Choose who you called'],
    ['no answered-or-voicemail', 'result', 'Say whether they answered or you left a voicemail'],
    ['no expectation', 'expectation', 'Write down what you told the customer to expect'],
  ] as const)('%s → BAD_REQUEST at the field, nothing changed', async (_name, field, message) => {
    const { db } = dbs;
    const { id } = await newIncident(db, tuesday19);
    const input: Record<string, unknown> = { incidentId: id, expectedVersion: 1, ...page(db) };
    delete input[field];
    const refusal = await refusedWithoutChange(db, id, async () =>
      (await lee()).oneStep.pageOncall(
        input as Parameters<Awaited<ReturnType<typeof lee>>['oneStep']['pageOncall']>[0],
      ),
    );
    expect(refusal).toMatchObject({ code: 'BAD_REQUEST', fields: { [field]: message } });
  });

  test('an incident resolved before the page → PRECONDITION_FAILED, nothing changed', async () => {
    const { db } = dbs;
    const s = await scenarios.close(db); // resolves Lee's incident
    const refusal = await refusedWithoutChange(db, s.incidentId, async () =>
      (await lee()).oneStep.pageOncall({
        ...handedOnAnyway,
        incidentId: s.incidentId,
        expectedVersion: s.version,
        ...page(db),
      }),
    );
    expect(refusal).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `${s.number} is resolved; reopen it first.`,
    });
  });
});
