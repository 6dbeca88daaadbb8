// Issue 14 item 12 (kb 000 "Bomgar Chats"): at 10 minutes without a CPS agent, the customer's
// preferred contact is collected before Assign to CPS, and the reply "assigned case to CPS." in the
// CPS chat channel is a checklist item the agent ticks, journaled.
import { describe, expect, test } from 'vitest';
import { chatTemplatesFor } from '@handoff/domain';
import { callerFor, fixedClock, refusalOf, snapshotOf, useSeededDbs } from '../test-callers';
import {
  changesSince,
  l1,
  newIncident,
  refusedWithoutChange,
  teamId,
  tuesday10,
} from './one-step-scenarios';

const dbs = useSeededDbs();
const tenMinutesLater = new Date(Date.parse(tuesday10) + 10 * 60_000).toISOString();
const lee = (at = tenMinutesLater) => callerFor(dbs.db, l1, fixedClock(at));
const followUp = 'cps_channel_assigned' as const;
const followUpText =
  'Reply “assigned case to CPS.” to your message in the Chat - Contract Partner Support channel.';

/** Hana Coned's work chat; Lee asked the CPS channel at 10:00 and nobody answered. */
async function unansweredChat() {
  const { id } = await newIncident(dbs.db, tuesday10, { channel: 'chat' });
  await (await lee(tuesday10)).routing.answer({ incidentId: id, answers: { workRelated: true } });
  await (await lee(tuesday10)).consult.open({ incidentId: id, team: 'cps' });
  return id;
}
const assign = async (id: number, patch: Record<string, string> = {}) =>
  (await lee()).oneStep.assignToCps({
    incidentId: id,
    expectedVersion: 1,
    reason: 'chat_not_answered',
    ...patch,
  });

describe('Assign to CPS of a chat: the preferred contact first', () => {
  test('without a preferred contact → BAD_REQUEST at the field, nothing changed', async () => {
    const id = await unansweredChat();
    const refusal = await refusedWithoutChange(dbs.db, id, () => assign(id));
    const message =
      'Ask the customer how CPS should contact them (phone or e-mail) before assigning the chat to CPS.';
    expect(refusal).toMatchObject({ code: 'BAD_REQUEST', fields: { preferredContact: message } });
    expect(await (await lee()).consult.followUps({ incidentId: id })).toEqual([]);
  });

  test('e-mail preferred without an address → BAD_REQUEST at contactEmail, nothing changed', async () => {
    const id = await unansweredChat();
    const refusal = await refusedWithoutChange(dbs.db, id, () =>
      assign(id, { preferredContact: 'email' }),
    );
    expect(refusal).toMatchObject({
      code: 'BAD_REQUEST',
      fields: { contactEmail: 'Give the e-mail address CPS will write to.' },
    });
  });

  test('e-mail preferred: stored on the case, journaled, and the CPS-channel follow-up is open', async () => {
    const { db } = dbs;
    const id = await unansweredChat();
    const before = await snapshotOf(db, id);
    await assign(id, { preferredContact: 'email', contactEmail: 'hana.coned@extension.wisc.edu' });
    const { incident, journal, audit } = await changesSince(db, before);
    expect(incident).toMatchObject({
      ownerTeamId: await teamId(db, 'US - Help Desk CPS'),
      preferredContact: 'email',
      callerEmail: 'hana.coned@extension.wisc.edu',
    });
    expect(audit.map((a) => a.field)).toEqual(
      expect.arrayContaining(['preferredContact', 'callerEmail']),
    );
    expect(journal.find((j) => j.kind === 'system')?.body).toContain(
      'Preferred contact: e-mail hana.coned@extension.wisc.edu.',
    );
    expect(await (await lee()).consult.followUps({ incidentId: id })).toEqual([
      { id: followUp, text: followUpText },
    ]);
  });
});

describe('consult.tickFollowUp', () => {
  test('ticking journals that the CPS channel was told, and the item closes; a second tick is refused', async () => {
    const { db } = dbs;
    const id = await unansweredChat();
    await assign(id, { preferredContact: 'phone', callbackPhone: '608-555-0108' });
    const before = await snapshotOf(db, id);
    await (await lee()).consult.tickFollowUp({ incidentId: id, followUp });
    const { incident, journal, audit } = await changesSince(db, before);
    expect(incident.version).toBe(before.incident!.version);
    expect(audit).toEqual([]);
    expect(journal.map((j) => [j.kind, j.visibility, j.body, j.data])).toEqual([
      ['note', 'internal', `Follow-up done: ${followUpText}`, { followUpDone: followUp }],
    ]);
    expect(await (await lee()).consult.followUps({ incidentId: id })).toEqual([]);
    expect(
      await refusalOf((await lee()).consult.tickFollowUp({ incidentId: id, followUp })),
    ).toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  test('an incident that was never assigned from a chat has nothing to tick', async () => {
    const { id } = await newIncident(dbs.db, tuesday10);
    expect(
      await refusalOf((await lee()).consult.tickFollowUp({ incidentId: id, followUp })),
    ).toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  test('a customer may not tick it', async () => {
    const id = await unansweredChat();
    await assign(id, { preferredContact: 'phone', callbackPhone: '608-555-0108' });
    const customer = await callerFor(dbs.db, 'customer@handoff.test', fixedClock(tenMinutesLater));
    expect(
      await refusalOf(customer.consult.tickFollowUp({ incidentId: id, followUp })),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});

test('an ES chat is offered the ES templates only, and a CPS template is refused (kb 002)', async () => {
  const { id } = await newIncident(dbs.db, tuesday10, { channel: 'chat' });
  await (await lee(tuesday10)).consult.open({ incidentId: id, team: 'es' });
  expect(chatTemplatesFor('es')).toEqual({ opening: ['es-supported-service'], busy: 'es-busy' });
  const refusal = await refusalOf(
    (await lee(tuesday10)).consult.sendTemplate({
      incidentId: id,
      templateId: 'cps-supported-customer',
    }),
  );
  expect(refusal).toMatchObject({ code: 'BAD_REQUEST' });
  await (
    await lee(tuesday10)
  ).consult.sendTemplate({ incidentId: id, templateId: 'es-supported-service' });
});
