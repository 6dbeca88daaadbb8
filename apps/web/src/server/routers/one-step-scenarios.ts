// Test helper for the one-step procedure tests: for each one-step, an incident on which the step may
// run, who may run it, and the call itself. Not a test file; imported by the *.test.ts beside it.
import { expect } from 'vitest';
import { type OneStepName } from '@handoff/domain';
import { incidentRepository, teamRepository, type Db } from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { callerFor, fixedClock, refusalOf, snapshotOf, userIdOf } from '../test-callers';

export type Caller = Awaited<ReturnType<typeof callerFor>>;

/** Tuesday 24 November 2026, 10:00 in Chicago: CPS is open. */
export const tuesday10 = '2026-11-24T16:00:00.000Z';
/** The same Tuesday at 19:00 in Chicago: CPS is closed (after-hours steps). */
export const tuesday19 = '2026-11-25T01:00:00.000Z';

export const l1 = 'l1@handoff.test';

/**
 * For tests of a hand-off step's own effects: the server routes every hand-off again and asks for
 * a reason when the step differs from its recommendation (issue 14.2). That rule has its own tests
 * (routing-trace.test.ts, one-step.test.ts "the routing trace", routing.test.ts); these give a reason.
 */
/** The journal without the routing entry, for tests of a step's own entries. */
export const withoutRouting = <T extends { kind: string }>(journal: T[]): T[] =>
  journal.filter((j) => j.kind !== 'routing');

export const handedOnAnyway = {
  routing: { overrideReason: 'Handed on to test this step, whatever routing recommends.' },
};

/**
 * The seeded demo rows the scenarios rely on, looked up by natural key (service and team names,
 * NetIDs, on-call names, incident descriptions), never by the demo seed's insertion order.
 */
export function demo(db: Db) {
  const key = demoKeys(db);
  return {
    service: {
      afterHours: key.service('DoIT Departmental Support').id,
      remoteDesktop: key.service('Remote Desktop Gateway').id,
      campusNetwork: key.service('Campus Network').id,
      uwnet: key.service('Wireless (UWNet)').id,
      printing: key.service('Campus Printing').id,
    },
    customer: { averyAims: key.customer('aaims').id, hanaConed: key.customer('hconed').id },
    oncall: {
      aimsPrimary: key.oncall('Morgan Reyes (AIMS primary)').id,
      gdsPrimary: key.oncall('Riley Chen (GDS primary)').id,
    },
    /** Casey Customer's phone call, owned by Lee (l1), in progress. */
    leesIncident: key.incident('Forgot NetID password after returning from leave.'),
    /** In the CPS queue, no agent. */
    cpsQueueIncident: key.incident('Department desktop will not boot after update.'),
    /** Owned by Cameron CPS. */
    cpsOwnedIncident: key.incident('Needs MATLAB installed on lab machine LSCI-LAB-04.'),
    /** In the HD ES queue, no agent. */
    esQueueIncident: key.incident('Payroll access request stuck in approval.'),
    /** With EAST. */
    eastIncident: key.incident('After hours: shared drive unreachable, can wait until morning.'),
    /** The problem behind the active UWNet outage (seeded with the Grad School laptop attached). */
    uwnetProblem: key.problem(
      'Wireless (UWNet): Laptop drops UWNet every few minutes in the Grad School office.',
    ),
  };
}

/** A coned customer's phone call about a printer (a service with no technologist group). */
export const phoneContact = (db: Db) => ({
  callerName: 'Hana Coned',
  callerPhone: '608-555-0108',
  customerId: demo(db).customer.hanaConed,
  serviceId: demo(db).service.printing,
  description: 'Printer in room 210 prints blank pages.',
  channel: 'phone' as const,
});

export const teamId = async (db: Db, name: string): Promise<number> => {
  const team = await teamRepository.findByName(db, name);
  if (!team) throw new Error(`No team ${name}`);
  return team.id;
};

export interface Scenario {
  /** The login that may run the step on this incident. */
  email: string;
  now: () => string;
  incidentId: number;
  /** Its number, as messages and subjects name it. */
  number: string;
  /** The incident's version before the step. */
  version: number;
  /** Runs the step through the real procedure, as `caller`, claiming to have seen `expectedVersion`. */
  run: (caller: Caller, expectedVersion: number) => Promise<{ version: number }>;
}

/** L1 records a new contact at `at`; returns its id and version. */
export async function newIncident(
  db: Db,
  at: string,
  patch: Partial<Parameters<Caller['incident']['create']>[0]> = {},
  keys: Db = db,
) {
  return (await callerFor(db, l1, fixedClock(at))).incident.create({
    ...phoneContact(keys),
    ...patch,
  });
}

/** Lee resolves his seeded incident so Close and Reopen may run; `step` then runs on it. */
async function onResolvedLeesIncident(
  db: Db,
  keys: Db,
  step: (c: Caller, incidentId: number, expectedVersion: number) => Promise<{ version: number }>,
): Promise<Scenario> {
  const { id, number, version } = demo(keys).leesIncident;
  const done = await (
    await callerFor(db, l1, fixedClock(tuesday10))
  ).oneStep.resolve({
    incidentId: id,
    expectedVersion: version,
    resolutionNote: 'Password reset; the customer signed in.',
  });
  return {
    email: l1,
    now: fixedClock(tuesday10),
    incidentId: id,
    number,
    version: done.version,
    run: (c, v) => step(c, id, v),
  };
}

/**
 * A valid run of every one-step, set up on a fresh demo database; `keys` (default `db`) is where
 * the demo rows are looked up: a SQLite database equal to `db`, when `db` is a pg Reader.
 */
export const scenarios: Record<OneStepName, (db: Db, keys?: Db) => Promise<Scenario>> = {
  assign_to_cps: async (db, keys = db) => {
    const { id, number, version } = await newIncident(db, tuesday10, {}, keys);
    return {
      email: l1,
      now: fixedClock(tuesday10),
      incidentId: id,
      number,
      version,
      run: (c, v) =>
        c.oneStep.assignToCps({
          ...handedOnAnyway,
          incidentId: id,
          expectedVersion: v,
          reason: 'coned_customer',
          callbackPhone: '608-555-0142',
        }),
    };
  },
  transfer_to_cps: async (db, keys = db) => {
    await (
      await callerFor(db, 'cps@handoff.test', fixedClock(tuesday10))
    ).presence.set({
      presence: 'ready',
    });
    const cps = await userIdOf(db, 'cps@handoff.test');
    const { id, number, version } = await newIncident(db, tuesday10, {}, keys);
    return {
      email: l1,
      now: fixedClock(tuesday10),
      incidentId: id,
      number,
      version,
      run: (c, v) =>
        c.oneStep.transferToCps({
          ...handedOnAnyway,
          incidentId: id,
          expectedVersion: v,
          cpsAgentId: cps,
        }),
    };
  },
  assign_to_east: async (db, keys = db) => {
    const { id, number, version } = await newIncident(db, tuesday19, {}, keys);
    return {
      email: l1,
      now: fixedClock(tuesday19),
      incidentId: id,
      number,
      version,
      run: (c, v) =>
        c.oneStep.assignToEast({
          ...handedOnAnyway,
          incidentId: id,
          expectedVersion: v,
          urgency: 'can_wait_until_hdl2',
          expectation: 'EAST follows up tomorrow morning',
        }),
    };
  },
  page_oncall: async (db, keys = db) => {
    const { id, number, version } = await newIncident(
      db,
      tuesday19,
      {
        callerName: 'Avery Aims',
        customerId: demo(keys).customer.averyAims,
      },
      keys,
    );
    const contactId = demo(keys).oncall.aimsPrimary;
    return {
      email: l1,
      now: fixedClock(tuesday19),
      incidentId: id,
      number,
      version,
      run: (c, v) =>
        c.oneStep.pageOncall({
          ...handedOnAnyway,
          incidentId: id,
          expectedVersion: v,
          schedule: 'aims',
          contactId,
          result: 'voicemail',
          expectation: 'The on-call technician calls you within the hour.',
        }),
    };
  },
  send_to_hd_es: async (db, keys = db) => {
    const { id, number, version } = await newIncident(
      db,
      tuesday10,
      {
        callerEmail: 'hconed@extension.wisc.edu',
      },
      keys,
    );
    return {
      email: l1,
      now: fixedClock(tuesday10),
      incidentId: id,
      number,
      version,
      run: (c, v) =>
        c.oneStep.sendToHdEs({
          ...handedOnAnyway,
          incidentId: id,
          expectedVersion: v,
          troubleshootingNote: 'Cleared the print queue; still blank.',
        }),
    };
  },
  escalate_to_technologists: async (db, keys = db) => {
    const { id, number, version } = await newIncident(
      db,
      tuesday10,
      {
        serviceId: demo(keys).service.remoteDesktop,
      },
      keys,
    );
    return {
      email: l1,
      now: fixedClock(tuesday10),
      incidentId: id,
      number,
      version,
      run: (c, v) =>
        c.oneStep.escalateToTechnologists({
          ...handedOnAnyway,
          incidentId: id,
          expectedVersion: v,
          peopleAffected: 30,
          note: 'Whole lab cannot reach the gateway.',
        }),
    };
  },
  escalate_to_team: async (db, keys = db) => {
    const { id, number, version } = await newIncident(db, tuesday10, {}, keys);
    const tier2 = await teamId(db, 'Tier 2 Support');
    return {
      email: l1,
      now: fixedClock(tuesday10),
      incidentId: id,
      number,
      version,
      run: (c, v) =>
        c.oneStep.escalateToTeam({
          ...handedOnAnyway,
          incidentId: id,
          expectedVersion: v,
          teamId: tier2,
          note: 'Vendor product; Tier 2 owns it.',
        }),
    };
  },
  take_ownership: (db, keys = db) => {
    const { id, number, version } = demo(keys).esQueueIncident;
    return Promise.resolve({
      email: 'es@handoff.test',
      now: fixedClock(tuesday10),
      incidentId: id,
      number,
      version,
      run: (c, v) => c.oneStep.takeOwnership({ incidentId: id, expectedVersion: v }),
    });
  },
  resolve: (db, keys = db) => {
    const { id, number, version } = demo(keys).leesIncident;
    return Promise.resolve({
      email: l1,
      now: fixedClock(tuesday10),
      incidentId: id,
      number,
      version,
      run: (c, v) =>
        c.oneStep.resolve({
          incidentId: id,
          expectedVersion: v,
          resolutionNote: 'Password reset; the customer signed in.',
        }),
    });
  },
  close: (db, keys = db) =>
    onResolvedLeesIncident(db, keys, (c, incidentId, v) =>
      c.oneStep.close({ incidentId, expectedVersion: v }),
    ),
  reopen: (db, keys = db) =>
    onResolvedLeesIncident(db, keys, (c, incidentId, v) =>
      c.oneStep.reopen({
        incidentId,
        expectedVersion: v,
        reason: 'The customer still cannot sign in.',
      }),
    ),
  link_to_problem: async (db, keys = db) => {
    const { id, number, version } = await newIncident(
      db,
      tuesday10,
      {
        serviceId: demo(keys).service.uwnet,
        description: 'No UWNet in the library either.',
      },
      keys,
    );
    const problemId = demo(keys).uwnetProblem.id;
    return {
      email: l1,
      now: fixedClock(tuesday10),
      incidentId: id,
      number,
      version,
      run: (c, v) => c.oneStep.linkToProblem({ incidentId: id, expectedVersion: v, problemId }),
    };
  },
  request_more_information: async (db, keys = db) => {
    const { id, number, version } = await tpCase(db, keys);
    return {
      email: l1,
      now: fixedClock(tuesday10),
      incidentId: id,
      number,
      version,
      run: (c, v) =>
        c.oneStep.requestMoreInformation({
          incidentId: id,
          expectedVersion: v,
          question: 'How many people does this affect?',
        }),
    };
  },
  mark_mission_critical: async (db, keys = db) => {
    const { id, number, version } = await tpCase(db, keys);
    return {
      email: l1,
      now: fixedClock(tuesday10),
      incidentId: id,
      number,
      version,
      run: (c, v) => c.oneStep.markMissionCritical({ incidentId: id, expectedVersion: v }),
    };
  },
  handle_normally: async (db, keys = db) => {
    const { id, number, version } = await tpCase(db, keys);
    return {
      email: l1,
      now: fixedClock(tuesday10),
      incidentId: id,
      number,
      version,
      run: (c, v) => c.oneStep.handleNormally({ incidentId: id, expectedVersion: v }),
    };
  },
};

/** A Primary TP's portal case affecting four people, waiting in the TP review queue. */
async function tpCase(db: Db, keys: Db = db) {
  const created = await (
    await callerFor(db, 'tp@handoff.test', fixedClock(tuesday10))
  ).case.create({
    serviceId: demo(keys).service.remoteDesktop,
    description: 'Remote Desktop Gateway refuses connections for the dean’s office.',
    preferredContact: 'email',
    workRelated: true,
    peopleAffected: 4,
  });
  return {
    id: created.id,
    number: created.number,
    version: (await incidentRepository.findById(db, created.id))!.version,
  };
}

/** What a call changed: the incident row, and the journal, audit and notification rows it added (oldest first). */
export async function changesSince(db: Db, before: Awaited<ReturnType<typeof snapshotOf>>) {
  const after = await snapshotOf(db, before.incident!.id);
  const added = <T>(now: T[], then: T[]) => now.slice(0, now.length - then.length).reverse();
  return {
    incident: after.incident!,
    journal: added(after.journal, before.journal),
    audit: added(after.audit, before.audit),
    notifications: after.notifications.slice(before.notifications.length),
    after,
  };
}

/** Runs a call that must be refused and checks that it changed nothing; returns the refusal. */
export async function refusedWithoutChange(
  db: Db,
  incidentId: number,
  call: () => Promise<unknown>,
) {
  const before = await snapshotOf(db, incidentId);
  const refusal = await refusalOf(call());
  expect(await snapshotOf(db, incidentId)).toEqual(before);
  return refusal;
}
