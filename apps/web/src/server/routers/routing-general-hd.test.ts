// Issue 14 item 8: the General Help Desk's hours, kept on /admin, decide kb 001's after hours ("when the
// CPS Help Desk is closed, but General Help Desk is open") on the Route panel and in the routed steps.
import { describe, expect, test } from 'vitest';
import { type Db } from '@handoff/db';
import { callerFor, fixedClock, snapshotOf, useSeededDbs } from '../test-callers';
import {
  changesSince,
  l1,
  newIncident,
  refusedWithoutChange,
  teamId,
  tuesday19,
} from './one-step-scenarios';

const dbs = useSeededDbs();
const lee = () => callerFor(dbs.db, l1, fixedClock(tuesday19));
const admin = (db: Db) => callerFor(db, 'admin@handoff.test', fixedClock(tuesday19));
/** The General Help Desk keeps CPS's hours: at 19:00 on Tuesday both desks are closed. */
const closesWithCps = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  opens: '07:00',
  closes: '18:00',
}));

/** Hana Coned calls at 19:00 on Tuesday 24 November about work: CPS-supported, CPS closed. */
async function workCallAt19() {
  const { id } = await newIncident(dbs.db, tuesday19);
  await (await lee()).routing.answer({ incidentId: id, answers: { workRelated: true } });
  return id;
}

describe('the General Help Desk’s hours decide after-hours handling', () => {
  test('demo hours (open until midnight): kb 001 after hours, asked about a critical work stoppage', async () => {
    const id = await workCallAt19();
    const { decision } = await (await lee()).routing.decide({ incidentId: id });
    expect(decision).toMatchObject({ outcome: 'ask', question: 'criticalWorkStoppage' });
    expect(decision.steps.find((s) => s.rule === 'cps.open')?.text).toBe(
      'CPS is closed until Wednesday 7:00 AM and the General Help Desk is open: after-hours handling (kb 001).',
    );
  });

  test('an administrator closes the General HD at 18:00: both closed, Assign to CPS with promises from the next CPS opening', async () => {
    const { db } = dbs;
    await (await admin(db)).admin.setOpeningHours({ desk: 'general_hd', week: closesWithCps });
    const id = await workCallAt19();
    const { decision, recommended } = await (await lee()).routing.decide({ incidentId: id });
    expect(decision).toMatchObject({
      outcome: 'assign_to_cps',
      assignReason: 'no_cps_agents_ready',
      // Wednesday 11:00, then Monday 07:00 (Thanksgiving and the day after are holidays).
      promises: { contactBy: '2026-11-25T17:00:00Z', callIfNoContactBy: '2026-11-30T13:00:00Z' },
      script: expect.stringContaining('by Wednesday 11:00 AM'),
    });
    expect(recommended).toBe('assign_to_cps');
    expect(decision.steps.find((s) => s.rule === 'cps.open')?.text).toContain(
      'the General Help Desk is closed too (open Monday–Friday 7am–6pm Central time)',
    );

    // The recommended step runs without an override reason and stores what the panel read out.
    const before = await snapshotOf(db, id);
    await (
      await lee()
    ).oneStep.assignToCps({
      incidentId: id,
      expectedVersion: 1,
      reason: 'no_cps_agents_ready',
      callbackPhone: '608-555-0142',
    });
    const { incident, journal } = await changesSince(db, before);
    expect(incident).toMatchObject({
      ownerTeamId: await teamId(db, 'US - Help Desk CPS'),
      promises: decision.promises,
    });
    expect(journal.find((j) => j.kind === 'routing')?.data).toMatchObject({
      outcome: 'assign_to_cps',
      overrideReason: null,
    });
  });

  test('both closed: Assign to EAST (kb 001 after hours) needs an override reason, nothing changed', async () => {
    const { db } = dbs;
    await (await admin(db)).admin.setOpeningHours({ desk: 'general_hd', week: closesWithCps });
    const id = await workCallAt19();
    const refusal = await refusedWithoutChange(db, id, async () =>
      (await lee()).oneStep.assignToEast({
        incidentId: id,
        expectedVersion: 1,
        urgency: 'can_wait_until_hdl2',
        expectation: 'EAST follows up tomorrow morning',
      }),
    );
    expect(refusal).toMatchObject({
      code: 'BAD_REQUEST',
      fields: { overrideReason: expect.stringContaining('Assign to EAST') },
    });
  });
});
