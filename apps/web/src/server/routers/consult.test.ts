// Chat consults to CPS and ES (kb 000, 002): server-side deadlines, first accept wins, templates.
import { describe, expect, test } from 'vitest';
import { addMinutes, chatTemplates } from '@handoff/domain';
import { consultRepository, userRepository } from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { callerFor, refusalOf, snapshotOf, useSeededDbs, userIdOf } from '../test-callers';
import {
  changesSince,
  demo,
  l1,
  newIncident,
  refusedWithoutChange,
  scenarios,
  teamId,
  tuesday10,
  withoutRouting,
} from './one-step-scenarios';

const dbs = useSeededDbs();

/** A clock the test moves by hand. */
function handClock(start = tuesday10) {
  let at = start;
  return {
    now: () => at,
    set: (minutes: number) =>
      void (at = new Date(Date.parse(start) + minutes * 60_000).toISOString()),
  };
}

/** A chat from Hana Coned at Tuesday 10:00, and Lee asking the `team` chat channel for an agent. */
async function opened(team: 'cps' | 'es' = 'cps') {
  const { db } = dbs;
  const clock = handClock();
  const { id, number } = await newIncident(db, tuesday10, { channel: 'chat' });
  const lee = await callerFor(db, l1, clock.now);
  // Work related: routing says consult the chat channel, whose fallback is Assign to CPS (kb 000).
  await lee.routing.answer({ incidentId: id, answers: { workRelated: true } });
  const consult = await lee.consult.open({ incidentId: id, team });
  return { db, clock, id, number, lee, consult };
}

describe('consult.open', () => {
  test('L1 opens a CPS consult: stored with its 5- and 10-minute deadlines, journaled, listed for CPS', async () => {
    const { db, id, number, consult } = await opened();
    expect(consult).toMatchObject({
      incidentId: id,
      team: 'cps',
      status: 'open',
      openedById: await userIdOf(db, l1),
      openedAt: tuesday10,
      busyPromptAt: addMinutes(tuesday10, 5),
      assignPromptAt: addMinutes(tuesday10, 10),
      acceptedById: null,
    });
    expect((await snapshotOf(db, id)).journal[0]).toMatchObject({
      kind: 'system',
      visibility: 'internal',
      body: 'Asked Chat - Contract Partner Support for an agent to take the chat. If no one accepts: send "CPS busy" at Tuesday 10:05 AM and Assign to CPS at Tuesday 10:10 AM.',
    });
    expect(
      await (await callerFor(db, 'cps@handoff.test')).consult.listOpen({ team: 'cps' }),
    ).toEqual([
      {
        id: consult.id,
        incidentId: id,
        number,
        description: 'Printer in room 210 prints blank pages.',
        callerName: 'Hana Coned',
        customerName: 'Hana Coned',
        serviceName: 'Campus Printing',
        openedAt: tuesday10,
        busyPromptAt: addMinutes(tuesday10, 5),
        openedByName: 'Lee Level-One',
      },
    ]);
    expect(await (await callerFor(db, 'es@handoff.test')).consult.listOpen({ team: 'es' })).toEqual(
      [],
    );
  });

  test('a second consult while one is open → PRECONDITION_FAILED, nothing changed', async () => {
    const { db, id, number, lee } = await opened();
    const refusal = await refusedWithoutChange(db, id, () =>
      lee.consult.open({ incidentId: id, team: 'es' }),
    );
    expect(refusal).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `A consult to US - Help Desk CPS is already open for ${number}.`,
    });
  });

  test('a resolved incident → PRECONDITION_FAILED, nothing changed', async () => {
    const { db } = dbs;
    const s = await scenarios.close(db); // resolves Lee's incident
    const refusal = await refusedWithoutChange(db, s.incidentId, async () =>
      (await callerFor(db, l1)).consult.open({ incidentId: s.incidentId, team: 'cps' }),
    );
    expect(refusal).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `${s.number} is resolved; reopen it first.`,
    });
  });

  test.each([
    'cps@handoff.test',
    'es@handoff.test',
    'technologist@handoff.test',
    'customer@handoff.test',
  ])('%s opening a consult → FORBIDDEN', async (email) => {
    const { db } = dbs;
    const incidentId = demo(db).leesIncident.id;
    const refusal = await refusedWithoutChange(db, incidentId, async () =>
      (await callerFor(db, email)).consult.open({ incidentId, team: 'cps' }),
    );
    expect(refusal).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('may not ask CPS or ES to take a chat'),
    });
  });
});

describe('consult.forIncident: the deadlines are the server’s', () => {
  test.each([
    ['cps', 0, null],
    ['cps', 4.99, null],
    ['cps', 5, { kind: 'send_cps_busy', since: addMinutes(tuesday10, 5) }],
    ['cps', 9.99, { kind: 'send_cps_busy', since: addMinutes(tuesday10, 5) }],
    ['cps', 10, { kind: 'assign_to_cps_not_answered', since: addMinutes(tuesday10, 10) }],
    ['cps', 60, { kind: 'assign_to_cps_not_answered', since: addMinutes(tuesday10, 10) }],
    ['es', 4.99, null],
    ['es', 5, { kind: 'send_to_hd_es', since: addMinutes(tuesday10, 5) }],
    ['es', 10, { kind: 'send_to_hd_es', since: addMinutes(tuesday10, 5) }],
  ] as const)('%s consult, %s minutes after opening → %o', async (team, minutes, prompt) => {
    const { id, lee, clock, consult } = await opened(team);
    clock.set(minutes);
    expect(await lee.consult.forIncident({ incidentId: id })).toEqual({ consult, prompt });
  });

  test('an incident without a consult has neither consult nor prompt', async () => {
    const incidentId = demo(dbs.db).leesIncident.id;
    expect(await (await callerFor(dbs.db, l1)).consult.forIncident({ incidentId })).toEqual({
      consult: null,
      prompt: null,
    });
  });

  test('the 10-minute prompt followed: Assign to CPS, chat not answered, ends the consult', async () => {
    const { db, id, lee, clock, consult } = await opened();
    clock.set(10);
    await lee.oneStep.assignToCps({
      incidentId: id,
      expectedVersion: 1,
      reason: 'chat_not_answered',
      preferredContact: 'phone',
      callbackPhone: '608-555-0108',
    });
    expect(await lee.consult.forIncident({ incidentId: id })).toEqual({
      consult: { ...consult, status: 'expired' },
      prompt: null,
    });
    expect(withoutRouting((await snapshotOf(db, id)).journal)[0]!.body).toMatch(
      /^Assigned to US - Help Desk CPS — reason: Chat not answered in 10 minutes\./,
    );
    // Nobody can accept it any more.
    const refusal = await refusalOf(
      (await callerFor(db, 'cps@handoff.test')).consult.accept({ consultId: consult.id }),
    );
    expect(refusal).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'This consult is already expired.',
    });
  });
});

describe('consult.accept', () => {
  test('a CPS agent accepts: owns the incident for CPS, in progress, Transfer to CPS, busy; L1 is told', async () => {
    const { db, id, number, lee, clock, consult } = await opened();
    clock.set(3);
    const cps = await userIdOf(db, 'cps@handoff.test');
    await (await callerFor(db, 'cps@handoff.test')).presence.set({ presence: 'ready' });
    const before = await snapshotOf(db, id);
    expect(
      await (
        await callerFor(db, 'cps@handoff.test', clock.now)
      ).consult.accept({ consultId: consult.id }),
    ).toEqual({ number, version: 2 });

    const { incident, journal, audit, notifications } = await changesSince(db, before);
    expect(incident).toMatchObject({
      ownerTeamId: await teamId(db, 'US - Help Desk CPS'),
      ownerAgentId: cps,
      status: 'in_progress',
      classification: 'Transfer to CPS',
      version: 2,
    });
    expect(journal.map((j) => [j.kind, j.body])).toEqual([
      [
        'system',
        `Chat consult accepted by Cameron CPS, who now owns ${number} for US - Help Desk CPS.`,
      ],
    ]);
    expect(audit.map((a) => [a.field, a.toValue])).toEqual([
      ['ownerTeamId', String(await teamId(db, 'US - Help Desk CPS'))],
      ['ownerAgentId', String(cps)],
      ['status', 'in_progress'],
      ['classification', 'Transfer to CPS'],
    ]);
    expect(notifications.map((n) => [n.audience, n.targetId, n.template])).toEqual([
      ['team', await teamId(db, 'US - Help Desk CPS'), 'assigned'],
      ['user', await userIdOf(db, l1), 'consult_accepted'],
    ]);
    expect(await consultRepository.findById(db, consult.id)).toMatchObject({
      status: 'accepted',
      acceptedById: cps,
      acceptedAt: clock.now(),
    });
    expect((await userRepository.findById(db, cps))!.presence).toBe('busy');
    // The prompts stop and the queue page no longer lists it.
    clock.set(10);
    expect((await lee.consult.forIncident({ incidentId: id })).prompt).toBeNull();
    expect(
      await (await callerFor(db, 'cps@handoff.test')).consult.listOpen({ team: 'cps' }),
    ).toEqual([]);
  });

  test('a second accept (another CPS agent) → PRECONDITION_FAILED, nothing changed', async () => {
    const { db, id, consult } = await opened();
    await (await callerFor(db, 'cps@handoff.test')).consult.accept({ consultId: consult.id });
    const refusal = await refusedWithoutChange(db, id, async () =>
      (await callerFor(db, 'cps2@handoff.test')).consult.accept({ consultId: consult.id }),
    );
    expect(refusal).toEqual({
      code: 'PRECONDITION_FAILED',
      message: 'This consult is already accepted.',
      fields: {},
    });
    expect((await snapshotOf(db, id)).incident!.ownerAgentId).toBe(
      await userIdOf(db, 'cps@handoff.test'),
    );
  });

  test('two agents accepting at once: exactly one wins', async () => {
    const { db, id, consult } = await opened();
    const results = await Promise.allSettled(
      ['cps@handoff.test', 'cps2@handoff.test'].map(async (email) =>
        (await callerFor(db, email)).consult.accept({ consultId: consult.id }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected')!;
    expect(lost.reason).toMatchObject({
      code: expect.stringMatching(/^(PRECONDITION_FAILED|CONFLICT)$/),
    });
    const owner = (await snapshotOf(db, id)).incident!.ownerAgentId;
    expect(await consultRepository.findById(db, consult.id)).toMatchObject({
      status: 'accepted',
      acceptedById: owner,
    });
    expect(
      (await snapshotOf(db, id)).journal.filter((j) => j.body.startsWith('Chat consult accepted')),
    ).toHaveLength(1);
  });

  test('an ES agent accepting a CPS consult → FORBIDDEN, nothing changed', async () => {
    const { db, id, consult } = await opened();
    const refusal = await refusedWithoutChange(db, id, async () =>
      (await callerFor(db, 'es@handoff.test')).consult.accept({ consultId: consult.id }),
    );
    expect(refusal).toEqual({
      code: 'FORBIDDEN',
      message: 'Only members of US - Help Desk CPS may accept this consult.',
      fields: {},
    });
  });

  test.each(['l1', 'hdqa', 'technologist', 'admin'])(
    '%s accepting → FORBIDDEN, nothing changed',
    async (role) => {
      const { db, id, consult } = await opened();
      const refusal = await refusedWithoutChange(db, id, async () =>
        (await callerFor(db, `${role}@handoff.test`)).consult.accept({ consultId: consult.id }),
      );
      expect(refusal).toMatchObject({
        code: 'FORBIDDEN',
        message: `Your role (${role}) may not accept chat consults.`,
      });
    },
  );

  test('an ES consult accepted by ES: HD ES owns it, classification unchanged', async () => {
    const { db, id, consult } = await opened('es');
    await (await callerFor(db, 'es@handoff.test')).consult.accept({ consultId: consult.id });
    expect((await snapshotOf(db, id)).incident).toMatchObject({
      ownerTeamId: await teamId(db, 'HD ES'),
      ownerAgentId: await userIdOf(db, 'es@handoff.test'),
      classification: null,
    });
  });

  test('a consult that does not exist → NOT_FOUND', async () => {
    const refusal = await refusalOf(
      (await callerFor(dbs.db, 'cps@handoff.test')).consult.accept({ consultId: 999 }),
    );
    expect(refusal).toMatchObject({
      code: 'NOT_FOUND',
      message: 'That consult request no longer exists.',
    });
  });
});

describe('consult.sendTemplate', () => {
  test('the template’s text goes into the customer-visible journal, and the customer reads it', async () => {
    const { db } = dbs;
    // Casey Customer's chat, so the customer login can read it.
    const { id, number } = await newIncident(db, tuesday10, {
      channel: 'chat',
      callerName: 'Casey Customer',
      customerId: demoKeys(db).customer('ccustomer').id,
    });
    const before = await snapshotOf(db, id);
    expect(
      await (
        await callerFor(db, l1)
      ).consult.sendTemplate({ incidentId: id, templateId: 'cps-busy' }),
    ).toEqual({ ok: true });
    const { journal, incident } = await changesSince(db, before);
    expect(journal.map((j) => [j.kind, j.visibility, j.body, j.data])).toEqual([
      [
        'note',
        'customer',
        chatTemplates['cps-busy'].text,
        { chatTemplate: 'cps-busy', name: 'CPS busy' },
      ],
    ]);
    expect(incident.version).toBe(1);
    const seen = await (await callerFor(db, 'customer@handoff.test')).incident.byNumber({ number });
    expect(seen.journal.map((j) => j.body)).toContain(chatTemplates['cps-busy'].text);
  });

  test.each([
    ['a CPS agent', 'cps@handoff.test', 'FORBIDDEN'],
    ['a customer', 'customer@handoff.test', 'FORBIDDEN'],
  ])('%s sending a template → %s, nothing changed', async (_name, email, code) => {
    const { db } = dbs;
    const incidentId = demo(db).leesIncident.id;
    const refusal = await refusedWithoutChange(db, incidentId, async () =>
      (await callerFor(db, email)).consult.sendTemplate({ incidentId, templateId: 'cps-busy' }),
    );
    expect(refusal).toMatchObject({ code });
  });

  test('an unknown template → BAD_REQUEST, nothing changed', async () => {
    const { db } = dbs;
    const incidentId = demo(db).leesIncident.id;
    const refusal = await refusedWithoutChange(db, incidentId, async () =>
      (await callerFor(db, l1)).consult.sendTemplate({
        incidentId,
        templateId: 'free-text' as 'cps-busy',
      }),
    );
    expect(refusal).toMatchObject({
      code: 'BAD_REQUEST',
      fields: { templateId: expect.any(String) },
    });
  });
});

describe('a consult outlived by the outage link (issue 14.4)', () => {
  test('linking the chat to an open outage’s problem ends the consult with a journal line; no prompt, no accept', async () => {
    const { db, id, number, lee, clock, consult } = await opened();
    // HDQA makes a problem of another printing contact; SNCC declares the outage and links it.
    const hdqa = await callerFor(db, 'hdqa@handoff.test', clock.now);
    const sncc = await callerFor(db, 'sncc@handoff.test', clock.now);
    const other = await newIncident(db, tuesday10, { description: 'Every printer prints blank.' });
    const problem = await hdqa.problem.create({ incidentIds: [other.id] });
    await hdqa.problem.assign({
      problemId: problem.id,
      expectedVersion: 1,
      teamId: await teamId(db, 'SNCC-Sysops'),
    });
    const outage = await sncc.outage.declare({
      title: 'Print servers down',
      serviceIds: [demo(db).service.printing],
      kind: 'unplanned',
      publicSummary: 'Printing is down.',
      ownerTeamId: await teamId(db, 'SNCC-Sysops'),
    });
    await sncc.problem.linkOutage({
      problemId: problem.id,
      expectedVersion: 2,
      outageId: outage.id,
    });
    clock.set(4);
    await lee.oneStep.linkToProblem({ incidentId: id, expectedVersion: 1, problemId: problem.id });
    expect((await consultRepository.findById(db, consult.id))!.status).toBe('expired');
    expect((await snapshotOf(db, id)).journal.map((j) => j.body)).toContainEqual(
      `The chat consult to US - Help Desk CPS ended: ${number} is attached to active outage ${outage.number}, so the outage procedure applies and nobody takes it over.`,
    );
    // At 10 minutes the L1 prompt does not say Assign to CPS.
    clock.set(10);
    expect((await lee.consult.forIncident({ incidentId: id })).prompt).toBeNull();
    const refusal = await refusalOf(
      (await callerFor(db, 'cps@handoff.test')).consult.accept({ consultId: consult.id }),
    );
    expect(refusal).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect((await snapshotOf(db, id)).incident!.ownerTeamId).toBe(
      await teamId(db, 'US - Help Desk'),
    );
  });
});
