import { beforeEach, describe, expect, test } from 'vitest';
import { holdPendingMail } from '@handoff/domain';
import {
  commit,
  changeFeed,
  outboxRepository,
  teamRepository,
  userRepository,
  type Db,
} from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { callerFor, rejectionOf, useSeededDbs } from '../test-callers';
import { handedOnAnyway } from './one-step-scenarios';

const dbs = useSeededDbs();
let db: Db;
beforeEach(() => {
  db = dbs.db;
});

const mail = async () => (await outboxRepository.findRecent(db)).reverse();
const sent = async () => (await mail()).map((m) => [m.template, m.toAddress]);
const cpsTeamId = async () => (await teamRepository.findByName(db, 'US - Help Desk CPS'))!.id;
const l1 = () => callerFor(db, 'l1@handoff.test');
const admin = () => callerFor(db, 'admin@handoff.test');

const key = () => demoKeys(db);
/** Casey Customer's phone call, owned by Lee (l1), in progress. */
const lees = () => key().incident('Forgot NetID password after returning from leave.');
/** Oscar Nguyen's e-mail in the General Help Desk queue, no agent. */
const oscars = () => key().incident('Canvas course shows "unauthorized" for a TA.');
const generalHelpDesk = () => key().team('US - Help Desk').id;

const newCase = () => ({
  callerName: 'Oscar Nguyen',
  callerEmail: 'onguyen@grad.wisc.edu',
  customerId: key().customer('onguyen').id,
  serviceId: key().service('Canvas').id,
  description: 'Canvas course shows "unauthorized" for a TA.',
});

describe('notifications queued by procedures', () => {
  test('Assign to CPS e-mails every CPS member, tagged and in the incident’s thread', async () => {
    await (
      await l1()
    ).oneStep.assignToCps({
      ...handedOnAnyway,
      incidentId: lees().id,
      expectedVersion: 1,
      reason: 'pick5_service',
      callbackPhone: '608-555-0100',
    });
    expect(await sent()).toEqual([
      ['team-assigned', 'cps@handoff.test'],
      ['team-assigned', 'cps2@handoff.test'],
    ]);
    expect((await mail())[0]).toMatchObject({
      incidentId: lees().id,
      subject: `[${lees().number}] Assigned to US - Help Desk CPS: Casey Customer`,
      autoSubmitted: true,
    });
    expect((await mail())[1]!.inReplyTo).toBe((await mail())[0]!.messageId);
  });

  test('a team set to nobody is not e-mailed; set back to everyone it is', async () => {
    await (await admin()).mail.setTeamNotify({ teamId: await cpsTeamId(), notify: 'nobody' });
    await (
      await l1()
    ).oneStep.assignToCps({
      ...handedOnAnyway,
      incidentId: lees().id,
      expectedVersion: 1,
      reason: 'pick5_service',
      callbackPhone: '608-555-0100',
    });
    expect(await mail()).toEqual([]);
    await (await admin()).mail.setTeamNotify({ teamId: await cpsTeamId(), notify: 'everyone' });
    await (
      await l1()
    ).oneStep.assignToCps({
      ...handedOnAnyway,
      incidentId: oscars().id,
      expectedVersion: 1,
      reason: 'pick5_service',
      callbackPhone: '608-555-0100',
    });
    expect(await mail()).toHaveLength(2);
  });

  test('Resolve e-mails the customer the resolution', async () => {
    await (
      await l1()
    ).oneStep.resolve({
      incidentId: lees().id,
      expectedVersion: 1,
      resolutionNote: 'Password reset; sign in again.',
    });
    expect(await sent()).toEqual([['resolved', 'ccustomer@grad.wisc.edu']]);
    expect((await mail())[0]!.textBody).toContain('Password reset; sign in again.');
  });

  test('a refused one-step queues nothing (stale version)', async () => {
    await expect(
      (await l1()).oneStep.resolve({
        incidentId: lees().id,
        expectedVersion: 7,
        resolutionNote: 'x',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await mail()).toEqual([]);
  });

  test.each([
    [
      'a customer-visible note e-mails the customer',
      'customer',
      [['customer-note', 'ccustomer@grad.wisc.edu']],
    ],
    ['an internal note e-mails nobody', 'internal', []],
  ] as const)('%s', async (_name, visibility, expected) => {
    await (
      await l1()
    ).incident.addNote({
      incidentId: lees().id,
      body: 'We are resetting it now.',
      visibility,
    });
    expect(await sent()).toEqual(expected);
    if (expected.length)
      expect((await mail())[0]).toMatchObject({
        subject: `[${lees().number}] Update on your request`,
        textBody: expect.stringContaining(
          'We are resetting it now.\n\nLee Level-One, US - Help Desk',
        ),
      });
  });

  test('a customer’s portal note tells the owning team when another team than the General Help Desk owns it', async () => {
    const customer = await callerFor(db, 'customer@handoff.test');
    await customer.incident.addNote({
      incidentId: lees().id,
      body: 'Still locked out.',
      visibility: 'customer',
    });
    expect(await mail()).toEqual([]);
    await (
      await l1()
    ).oneStep.assignToCps({
      ...handedOnAnyway,
      incidentId: lees().id,
      expectedVersion: 1,
      reason: 'pick5_service',
      callbackPhone: '608-555-0100',
    });
    const before = (await mail()).length;
    await customer.incident.addNote({
      incidentId: lees().id,
      body: 'Still locked out, day two.',
      visibility: 'customer',
    });
    expect((await sent()).slice(before)).toEqual([
      ['customer-replied', 'cps@handoff.test'],
      ['customer-replied', 'cps2@handoff.test'],
    ]);
    expect((await mail()).at(-1)!.textBody).toContain('Still locked out, day two.');
  });

  test.each([
    ['email', 1],
    ['portal', 1],
    ['phone', 0],
    ['chat', 0],
  ] as const)('a new case by %s → %i acknowledgement with its number', async (channel, n) => {
    const { number } = await (await l1()).incident.create({ ...newCase(), channel });
    expect(await mail()).toHaveLength(n);
    if (n)
      expect((await mail())[0]).toMatchObject({
        template: 'acknowledgement',
        toAddress: 'onguyen@grad.wisc.edu',
        subject: `[${number}] We received your request`,
        textBody: expect.stringContaining(`recorded as ${number}`),
      });
  });
});

describe('templates', () => {
  test("an admin's edit is used by the next message; reset brings the shipped wording back", async () => {
    await (
      await admin()
    ).mail.saveTemplate({
      key: 'customer-note',
      subject: 'News about your request',
      body: 'Dear {{callerName}}: {{note}} ({{status}})',
    });
    await (
      await l1()
    ).incident.addNote({
      incidentId: lees().id,
      body: 'Try now.',
      visibility: 'customer',
    });
    expect((await mail())[0]).toMatchObject({
      subject: `[${lees().number}] News about your request`,
      textBody: 'Dear Casey Customer: Try now. (in progress)',
    });

    const listed = await (await admin()).mail.templates();
    expect(listed.find((x) => x.key === 'customer-note')).toMatchObject({
      current: { subject: 'News about your request' },
      updatedAt: expect.any(String),
    });
    expect(await (await admin()).mail.resetTemplate({ key: 'customer-note' })).toEqual({
      key: 'customer-note',
      reset: true,
    });
    await (
      await l1()
    ).incident.addNote({
      incidentId: lees().id,
      body: 'And now?',
      visibility: 'customer',
    });
    expect((await mail())[1]!.subject).toBe(`[${lees().number}] Update on your request`);
  });

  test.each([
    ['an unknown placeholder', { subject: 'Hi', body: 'Hello {{nmae}}' }, 'body'],
    ['a placeholder of another template', { subject: '{{note}}', body: 'x' }, 'subject'],
  ])('%s → BAD_REQUEST at the field, nothing saved', async (_name, change, field) => {
    const error = await rejectionOf(
      (await admin()).mail.saveTemplate({ key: 'acknowledgement', ...change }),
    );
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      cause: { fields: { [field]: expect.stringContaining('Unknown placeholder') } },
    });
    expect(
      (await (await admin()).mail.templates()).find((x) => x.key === 'acknowledgement')!.updatedAt,
    ).toBeNull();
  });
});

describe('the Mail page', () => {
  test('lists messages and counts them; a held message can be sent again, a pending one cannot', async () => {
    await (
      await l1()
    ).incident.addNote({ incidentId: lees().id, body: 'One.', visibility: 'customer' });
    await (
      await l1()
    ).incident.addNote({ incidentId: lees().id, body: 'Two.', visibility: 'customer' });
    await commit(db, async (read) =>
      holdPendingMail(await outboxRepository.findPending(read), '2026-11-25T09:00:00.000Z'),
    );
    await (
      await l1()
    ).incident.addNote({ incidentId: lees().id, body: 'Three.', visibility: 'customer' });
    const overview = await (await admin()).mail.overview();
    expect(overview).toMatchObject({
      outbox: { held: 2, pending: 1, sent: 0, failed: 0 },
      inboundAddress: 'help@handoff.test',
      smtp: null,
      services: null,
    });
    const held = await (await admin()).mail.outbox({ status: 'held' });
    expect(held.items.map((m) => m.textBody)).toEqual([
      expect.stringContaining('Two.'),
      expect.stringContaining('One.'),
    ]);
    const before = await changeFeed.findLatestChangeId(db);
    expect(await (await admin()).mail.requeue({ id: held.items[0]!.id })).toEqual({
      id: held.items[0]!.id,
    });
    // The Mail page hears of it (one `outbox` event by the admin), and only of it.
    const adminId = (await userRepository.findByEmail(db, 'admin@handoff.test'))!.id;
    expect(await changeFeed.findChangesSince(db, before)).toMatchObject([
      { entity: 'outbox', entityId: held.items[0]!.id, kind: 'requeued', actorId: adminId },
    ]);
    expect(await changeFeed.findChangesSince(db, before)).toHaveLength(1);
    const pending = (await (await admin()).mail.outbox({ status: 'pending' })).items;
    expect(pending).toHaveLength(2);
    expect(await rejectionOf((await admin()).mail.requeue({ id: pending[0]!.id }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect(await rejectionOf((await admin()).mail.requeue({ id: 9999 }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  test.each(['l1@handoff.test', 'cps@handoff.test', 'customer@handoff.test'])(
    '%s may not open it',
    async (email) => {
      const caller = await callerFor(db, email);
      for (const call of [
        caller.mail.overview(),
        caller.mail.outbox({}),
        caller.mail.templates(),
        caller.mail.setTeamNotify({ teamId: generalHelpDesk(), notify: 'nobody' }),
      ]) {
        expect(await rejectionOf(call)).toMatchObject({ code: 'FORBIDDEN' });
      }
      expect((await teamRepository.findById(db, generalHelpDesk()))!.notify).toBe('everyone');
    },
  );

  test('team settings list every team with its members; an unknown team is NOT_FOUND', async () => {
    const teams = await (await admin()).mail.teams();
    expect(teams.find((x) => x.name === 'US - Help Desk CPS')).toMatchObject({
      notify: 'everyone',
      members: 2,
    });
    expect(
      await rejectionOf((await admin()).mail.setTeamNotify({ teamId: 9999, notify: 'nobody' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await rejectionOf(
        (await admin()).mail.setTeamNotify({
          teamId: generalHelpDesk(),
          notify: 'some' as 'nobody',
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
