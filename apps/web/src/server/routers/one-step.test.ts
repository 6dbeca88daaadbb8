// What every one-step procedure shares: who may run it, the version check, the routing trace, the
// consult a hand-off ends, and the one transaction its writes share. Each step's own effects and
// preconditions are tested in one-step-{cps,after-hours,forwarding,lifecycle}.test.ts.
import { describe, expect, test } from 'vitest';
import {
  describeAction,
  forwardingOneSteps,
  oneStepNames,
  oneStepEffects,
  oneSteps,
  permissionTable,
  roles,
  type Effects,
  type JournalWrite,
  type OneStepName,
  type Role,
} from '@handoff/domain';
import {
  commit,
  consultRepository,
  incidentRepository,
  routingAnswersRepository,
  userRepository,
} from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { oneStepMailFor } from '../mail/notify';
import { loadOneStepEnv } from '../one-step-env';
import {
  callerFor,
  fixedClock,
  loginOf,
  rejectionOf,
  snapshotOf,
  useSeededDbs,
  userIdOf,
} from '../test-callers';
import {
  changesSince,
  handedOnAnyway,
  l1,
  newIncident,
  refusedWithoutChange,
  scenarios,
  tuesday10,
  tuesday19,
} from './one-step-scenarios';

const dbs = useSeededDbs();

// The roles each one-step is open to (DOMAIN.md §5); every other role must hear FORBIDDEN.
const routingDesk: Role[] = ['l1', 'hdqa'];
const resolvers: Role[] = ['l1', 'hdqa', 'cps', 'es', 'sncc', 'technologist'];
const allStaff = roles.filter((r) => r !== 'customer');
// Partner agents work only partner tickets, which change hands by claim (kb 003), never Take ownership.
const internalStaff = allStaff.filter((r) => r !== 'partner_agent');
const allowed: Record<OneStepName, Role[]> = {
  assign_to_cps: routingDesk,
  transfer_to_cps: routingDesk,
  assign_to_east: routingDesk,
  page_oncall: routingDesk,
  send_to_hd_es: routingDesk,
  escalate_to_technologists: routingDesk,
  escalate_to_team: resolvers,
  take_ownership: internalStaff,
  resolve: [...resolvers, 'tier2', 'partner_agent'],
  close: resolvers,
  reopen: allStaff,
  link_to_problem: routingDesk,
  request_more_information: routingDesk,
  mark_mission_critical: routingDesk,
  handle_normally: routingDesk,
};

test('the roles these tests expect are the permission table’s', () => {
  for (const name of oneStepNames)
    expect([...permissionTable[`onestep.${name}`]].sort()).toEqual([...allowed[name]].sort());
});

// Roles whose team scope (permissions.ts incidentChangeScope) leaves out the help-desk queues.
const outsideTheDesk: Role[] = ['sncc', 'technologist', 'tier2', 'admin'];

describe('roles', () => {
  const refused = oneStepNames.flatMap((name) =>
    roles.filter((r) => !allowed[name].includes(r)).map((role) => [name, role] as const),
  );
  const permitted = oneStepNames.flatMap((name) =>
    allowed[name].map((role) => [name, role] as const),
  );

  test.each(refused)('%s by %s → FORBIDDEN, nothing changed', async (name, role) => {
    const { db } = dbs;
    const s = await scenarios[name](db);
    const refusal = await refusedWithoutChange(db, s.incidentId, async () =>
      s.run(await callerFor(db, loginOf[role], s.now), s.version),
    );
    expect(refusal).toEqual({
      code: 'FORBIDDEN',
      message: `Your role (${role}) may not ${describeAction(`onestep.${name}`)}.`,
      fields: {},
    });
  });

  test.each(permitted)(
    "%s by %s runs (take ownership: members of the owning team only; partner agents: their tickets only; the desk's queues: the desk's roles only)",
    async (name, role) => {
      const { db } = dbs;
      const s = await scenarios[name](db);
      const call = async () => s.run(await callerFor(db, loginOf[role], s.now), s.version);
      if (role === 'partner_agent') {
        // The scenarios are university incidents: a partner agent reads only their group's tickets (kb 003).
        expect(await refusedWithoutChange(db, s.incidentId, call)).toEqual({
          code: 'NOT_FOUND',
          message: `No incident ${(await incidentRepository.findById(db, s.incidentId))!.number} that you can see.`,
          fields: {},
        });
        return;
      }
      if (name === 'take_ownership' && role !== 'es') {
        expect(await refusedWithoutChange(db, s.incidentId, call)).toMatchObject({
          code: 'FORBIDDEN',
          message: `Only members of HD ES may take ownership of ${s.number}.`,
        });
        return;
      }
      // The scenarios' incidents are on help-desk queues: teams outside the desk may not change them.
      if (outsideTheDesk.includes(role)) {
        expect(await refusedWithoutChange(db, s.incidentId, call)).toMatchObject({
          code: 'FORBIDDEN',
          message: expect.stringContaining('so you may not change it'),
        });
        return;
      }
      expect(await call()).toMatchObject({ version: s.version + 1 });
      expect((await incidentRepository.findById(db, s.incidentId))!.version).toBe(s.version + 1);
    },
  );
});

describe('a stale version', () => {
  test.each(oneStepNames)(
    '%s with the version before someone else’s edit → CONFLICT, nothing changed',
    async (name) => {
      const { db } = dbs;
      const s = await scenarios[name](db);
      // Someone else saves first.
      await (
        await callerFor(db, 'hdqa@handoff.test', s.now)
      ).incident.edit({
        id: s.incidentId,
        expectedVersion: s.version,
        patch: { description: 'Edited while the agent looked at it.' },
      });
      const refusal = await refusedWithoutChange(db, s.incidentId, async () =>
        s.run(await callerFor(db, s.email, s.now), s.version),
      );
      expect(refusal).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining(
          `you saw version ${s.version}, it is now ${s.version + 1}). Reload`,
        ),
      });
    },
  );
});

describe('the routing trace: the server routes the step again (issue 14.2)', () => {
  // A coned customer's work-related phone call at Tuesday 10:00 with nobody ready: Assign to CPS.
  async function routed() {
    const { db } = dbs;
    const { id } = await newIncident(db, tuesday10, { callerEmail: 'hconed@extension.wisc.edu' });
    const agent = await callerFor(db, l1, fixedClock(tuesday10));
    await agent.routing.answer({ incidentId: id, answers: { workRelated: true } });
    const { decision, recommended } = await agent.routing.decide({ incidentId: id });
    expect(recommended).toBe('assign_to_cps');
    return { db, id, agent, decision };
  }

  test('running the recommended step journals the server’s decision and its steps as an internal routing entry', async () => {
    const { db, id, agent, decision } = await routed();
    const before = await snapshotOf(db, id);
    await agent.oneStep.assignToCps({
      incidentId: id,
      expectedVersion: 1,
      reason: 'no_cps_agents_ready',
      callbackPhone: '608-555-0142',
    });
    const { journal, incident } = await changesSince(db, before);
    expect(journal.map((j) => [j.kind, j.visibility])).toEqual([
      ['system', 'internal'],
      ['routing', 'internal'],
    ]);
    const entry = journal[1]!;
    expect(entry.body).toBe('Routing recommended Assign to CPS; agent ran Assign to CPS');
    expect(entry.data).toEqual({
      outcome: 'assign_to_cps',
      recommended: 'assign_to_cps',
      chosen: 'assign_to_cps',
      overrideReason: null,
      steps: decision.steps,
      script: expect.stringContaining('608-265-6900'),
      promises: decision.promises,
    });
    expect(decision.steps.map((s) => s.rule)).toContain('cps.work-related');
    // The promises the agent read out are the ones stored on the incident.
    expect(incident.promises).toEqual(decision.promises);
  });

  test('a decision the browser sends is not what is journaled: the server’s is', async () => {
    const { db, id, agent } = await routed();
    const before = await snapshotOf(db, id);
    await agent.oneStep.assignToCps({
      incidentId: id,
      expectedVersion: 1,
      reason: 'no_cps_agents_ready',
      callbackPhone: '608-555-0142',
      routing: {
        decision: { outcome: 'general_hd', steps: [], requiredFields: [] },
        recommended: 'assign_to_cps',
      } as never,
    });
    const entry = (await changesSince(db, before)).journal.find((j) => j.kind === 'routing')!;
    expect(entry.data).toMatchObject({
      outcome: 'assign_to_cps',
      steps: expect.arrayContaining([expect.objectContaining({ rule: 'cps.work-related' })]),
    });
  });

  test('after hours, a non-coned customer routing leaves with the General HD: Assign to CPS as "Coned customer" → BAD_REQUEST at overrideReason, nothing changed', async () => {
    const { db } = dbs;
    // Casey Customer (Graduate School, not coned, not on the contract list) calls at 19:00 about printing.
    const { id } = await newIncident(db, tuesday19, {
      callerName: 'Casey Customer',
      customerId: demoKeys(db).customer('ccustomer').id,
    });
    const agent = await callerFor(db, l1, fixedClock(tuesday19));
    expect((await agent.routing.decide({ incidentId: id })).decision.outcome).toBe('general_hd');
    const refusal = await refusedWithoutChange(db, id, () =>
      agent.oneStep.assignToCps({
        incidentId: id,
        expectedVersion: 1,
        reason: 'coned_customer',
        callbackPhone: '608-555-0142',
      }),
    );
    const message =
      'Routing recommends no hand-off (General HD handles it): say why you chose Assign to CPS.';
    expect(refusal).toEqual({ code: 'BAD_REQUEST', message, fields: { overrideReason: message } });
  });

  test('another step than the recommended one without a reason → BAD_REQUEST at overrideReason, nothing changed', async () => {
    const { db, id, agent } = await routed();
    const refusal = await refusedWithoutChange(db, id, () =>
      agent.oneStep.sendToHdEs({
        incidentId: id,
        expectedVersion: 1,
        troubleshootingNote: 'Reinstalled the driver.',
      }),
    );
    const message = 'Say why you chose Send to HD ES over the recommended Assign to CPS.';
    expect(refusal).toEqual({ code: 'BAD_REQUEST', message, fields: { overrideReason: message } });
  });

  test('with a reason, the override and the reason are journaled, and the recorded answers are cleared', async () => {
    const { db, id, agent, decision } = await routed();
    const before = await snapshotOf(db, id);
    const overrideReason = 'The customer asked for an e-mail follow-up only.';
    await agent.oneStep.sendToHdEs({
      incidentId: id,
      expectedVersion: 1,
      troubleshootingNote: 'Reinstalled the driver.',
      routing: { overrideReason },
    });
    const { journal, incident } = await changesSince(db, before);
    expect(incident.classification).toBe('Send to HD ES');
    const entry = journal.find((j) => j.kind === 'routing')!;
    expect(entry.body).toBe(
      `Routing recommended Assign to CPS; agent chose Send to HD ES instead: ${overrideReason}`,
    );
    expect(entry.data).toMatchObject({
      recommended: 'assign_to_cps',
      chosen: 'send_to_hd_es',
      overrideReason,
      steps: decision.steps,
    });
    expect(await routingAnswersRepository.find(db, id)).toEqual({});
  });
});

describe('an open chat consult', () => {
  test.each([...forwardingOneSteps, 'resolve' as const])(
    '%s hands the incident on or ends it, and so ends the consult (expired)',
    async (name) => {
      const { db } = dbs;
      const s = await scenarios[name](db);
      const agent = await callerFor(db, s.email, s.now);
      const consult = await agent.consult.open({ incidentId: s.incidentId, team: 'cps' });
      const version = (await incidentRepository.findById(db, s.incidentId))!.version;
      await s.run(agent, version);
      expect(await consultRepository.findById(db, consult.id)).toMatchObject({
        status: 'expired',
        acceptedById: null,
      });
      expect(
        await (await callerFor(db, 'cps@handoff.test')).consult.listOpen({ team: 'cps' }),
      ).toEqual([]);
    },
  );

  test('a refused hand-off leaves the consult open', async () => {
    const { db } = dbs;
    const s = await scenarios.assign_to_cps(db);
    const agent = await callerFor(db, s.email, s.now);
    const consult = await agent.consult.open({ incidentId: s.incidentId, team: 'cps' });
    await refusedWithoutChange(db, s.incidentId, () =>
      agent.oneStep.assignToCps({
        incidentId: s.incidentId,
        expectedVersion: s.version,
        reason: 'other',
        callbackPhone: '608-555-0142',
      }),
    );
    expect((await consultRepository.findById(db, consult.id))!.status).toBe('open');
  });
});

describe('one transaction', () => {
  // The live transfer writes every kind of row: incident, journal, audit, two notifications, the
  // agent's presence, and the consult it ends. Its effects are decided as the procedure decides
  // them, then committed through the one commit both engines share.
  async function transferDrafts() {
    const { db } = dbs;
    const s = await scenarios.transfer_to_cps(db);
    await (await callerFor(db, l1, s.now)).consult.open({ incidentId: s.incidentId, team: 'cps' });
    const cps = await userIdOf(db, 'cps@handoff.test');
    const actor = (await userRepository.findActorById(db, await userIdOf(db, l1)))!;
    const incident = (await incidentRepository.findById(db, s.incidentId))!;
    const env = await loadOneStepEnv(db, { incident, actor, now: tuesday10, agentId: cps });
    const input = {
      ...handedOnAnyway,
      incidentId: incident.id,
      expectedVersion: incident.version,
      cpsAgentId: cps,
    };
    const result = oneSteps.transfer_to_cps.run(env, input);
    expect(result.notifications).toHaveLength(2);
    expect(result.presence).toEqual([{ userId: cps, presence: 'busy' }]);
    const decided = await oneStepEffects('transfer_to_cps', env, input, {
      mail: (r) => oneStepMailFor(db, { incident, result: r, actor }),
      openConsults: await consultRepository.findAllOpenByIncident(db, incident.id),
    });
    // The consult it ends is one of its writes.
    expect(decided.writes.map((w) => [w.op, w.entity])).toContainEqual(['update', 'consult']);
    return { db, incident, decided, cps };
  }

  /** The messages of an error and of its causes (a driver's error may be wrapped as a query's). */
  const messagesOf = (error: unknown): string => {
    const messages: string[] = [];
    for (let e = error; e instanceof Error; e = e.cause) messages.push(e.message);
    return messages.join(' / ');
  };

  test.each([
    [
      'the last write fails (after notifications and presence)',
      (decided: Effects): Effects => ({
        ...decided,
        // The last thing either engine writes is the change events: the last one fails.
        events: [
          ...decided.events,
          {
            ...decided.events[0]!,
            get kind(): never {
              throw new Error('disk I/O error');
            },
          },
        ],
      }),
      /disk I\/O error/,
    ],
    [
      'a journal entry names a user who does not exist (foreign key)',
      (decided: Effects): Effects => ({
        ...decided,
        journal: [
          ...decided.journal,
          {
            ...decided.journal[0]!,
            entry: { ...decided.journal[0]!.entry, authorId: 999_999 },
          } as JournalWrite,
        ],
      }),
      // SQLite's words, PostgreSQL's words.
      /FOREIGN KEY constraint failed|violates foreign key constraint/,
    ],
  ] as const)(
    '%s: incident, journal, audit, notifications, presence and consult are all unchanged',
    async (_name, fail, error) => {
      const { db, incident, decided, cps } = await transferDrafts();
      const before = await snapshotOf(db, incident.id);
      expect(messagesOf(await rejectionOf(commit(db, fail(decided))))).toMatch(error);
      expect(await snapshotOf(db, incident.id)).toEqual(before);
      expect((await userRepository.findById(db, cps))!.presence).toBe('ready');

      // The same drafts without the failure do commit: the failure alone stopped them.
      await commit(db, decided);
      const after = await changesSince(db, before);
      expect(after.incident).toMatchObject({ ownerAgentId: cps, version: incident.version + 1 });
      // Journal: the step's entry and the server's routing entry.
      expect([after.journal.length, after.audit.length, after.notifications.length]).toEqual([
        2, 4, 2,
      ]);
      expect((await userRepository.findById(db, cps))!.presence).toBe('busy');
      expect(after.after.consults.map((c) => c.status)).toEqual(['expired']);
    },
  );
});
