import { describe, expect, test } from 'vitest';
import {
  claimForDelivery,
  effects,
  holdPendingMail,
  intakeLog,
  recordAttempt,
  requeueMail,
  type DeliveryError,
  type Incident,
  type InboundMailRow,
  type OutboxDraft,
} from '@handoff/domain';
import { commitSync, commit } from '../commit';
import { type Db } from '../client';
import { refuseWrites, useEmptyDb } from '../testing/change-kit';
import { buildIncident, buildUser, queueMail } from '../testing/builders';
import * as changeFeed from '../change-feed';
import * as inboundMailRepository from './inbound-mail';
import * as outboxRepository from './outbox';

/** A received message's log row, committed as the intake commits it. */
const logInbound = ({ outcome, reason, incidentId, ...headers }: Omit<InboundMailRow, 'id'>) =>
  commitSync(db, intakeLog(headers.receivedAt, { headers, outcome, reason, incidentId }));

let db: Db;
/** Three incidents the mail is about, built in an empty database (no demo seed). */
let first: Incident, second: Incident, third: Incident;
useEmptyDb(async (opened) => {
  db = opened;
  [first, second, third] = [
    await buildIncident(db),
    await buildIncident(db),
    await buildIncident(db),
  ];
});

const now = '2026-11-25T09:00:00.000Z';
const later = (minutes: number) => new Date(Date.parse(now) + minutes * 60_000).toISOString();
const draft = (over: Partial<OutboxDraft> = {}): OutboxDraft => ({
  incidentId: first.id,
  template: 'customer-note',
  toAddress: 'ccustomer@grad.wisc.edu',
  toName: 'Casey Customer',
  subject: 'Update on your request',
  textBody: 'We are on it.',
  ...over,
});

describe('enqueue', () => {
  test('incident mail is tagged and threaded after the mail before it, in one call and across calls', async () => {
    const { number } = first;
    await queueMail(db, [draft(), draft({ subject: `${number} is resolved` })], now);
    await queueMail(db, [draft({ subject: 'Third' })], later(1));
    const [a, b, c] = await outboxRepository.findByIncident(db, first.id);
    expect([a!.subject, b!.subject, c!.subject]).toEqual([
      `[${number}] Update on your request`,
      `[${number}] ${number} is resolved`,
      `[${number}] Third`,
    ]);
    expect(a).toMatchObject({
      inReplyTo: null,
      references: null,
      status: 'pending',
      nextAttemptAt: now,
      autoSubmitted: true,
    });
    expect(b).toMatchObject({ inReplyTo: a!.messageId, references: a!.messageId });
    expect(c).toMatchObject({
      inReplyTo: b!.messageId,
      references: `${a!.messageId} ${b!.messageId}`,
    });
    expect(new Set([a!.messageId, b!.messageId, c!.messageId]).size).toBe(3);
    expect(a!.messageId).toMatch(/^<[0-9a-f-]{36}@handoff\.local>$/);
  });

  test('the customer’s own first e-mail is the root of the thread', async () => {
    logInbound({
      messageId: '<first@grad.wisc.edu>',
      envelopeFrom: 'ccustomer@grad.wisc.edu',
      fromAddress: 'ccustomer@grad.wisc.edu',
      subject: 'Password',
      outcome: 'created',
      reason: null,
      incidentId: first.id,
      size: 100,
      attachmentCount: 0,
      receivedAt: later(-5),
    });
    await queueMail(db, [draft()], now);
    expect((await outboxRepository.findByIncident(db, first.id))[0]).toMatchObject({
      inReplyTo: '<first@grad.wisc.edu>',
      references: '<first@grad.wisc.edu>',
    });
  });

  test('mail of no incident is neither tagged nor threaded; a person’s message is not auto-submitted', async () => {
    await queueMail(db, [draft({ incidentId: null, subject: 'Hello', autoSubmitted: false })], now);
    expect((await outboxRepository.findRecent(db))[0]).toMatchObject({
      subject: 'Hello',
      inReplyTo: null,
      autoSubmitted: false,
    });
  });

  test('a commit failing after its outbox step queues nothing', async () => {
    await refuseWrites(db, 'change_events');
    const event = {
      entity: 'incident',
      entityId: first.id,
      kind: 'x',
      teamIds: [],
      userIds: [],
      actorId: null,
    } as const;
    expect(() => commitSync(db, effects(now, { outbox: [draft()], events: [event] }))).toThrow(
      'disk full',
    );
    expect(await outboxRepository.findRecent(db)).toEqual([]);
  });
});

// The worker's and the admin's writes: domain decisions (mail/delivery-writes.ts) committed here.
const claim = async (id: number, at: string) => {
  try {
    return (
      await commit(db, async (read) =>
        claimForDelivery(await outboxRepository.findById(read, id), id, at),
      )
    ).row('outbox', id);
  } catch (e) {
    if ((e as { code?: string }).code === 'CONFLICT') return undefined;
    throw e;
  }
};
const failAttempt = (row: { id: number; attempts: number }, at: string, error: DeliveryError) =>
  commitSync(db, recordAttempt(row, { error }, at)).row('outbox', row.id);

describe('delivery bookkeeping', () => {
  test('a claimed message is not due again until its lease ends, and a second claim loses', async () => {
    await queueMail(db, [draft()], now);
    const [id] = await outboxRepository.findDue(db, now);
    const claimed = await claim(id!, now);
    expect(claimed).toMatchObject({ attempts: 1, nextAttemptAt: later(10) });
    expect(await claim(id!, now)).toBeUndefined();
    expect(await outboxRepository.findById(db, id!)).toMatchObject({ attempts: 1 });
    expect(await outboxRepository.findDue(db, later(9))).toEqual([]);
    expect(await outboxRepository.findDue(db, later(10))).toEqual([id]);
  });

  test('failed attempts back off, then fail with the last error; requeue starts again', async () => {
    await queueMail(db, [draft()], now);
    let at = now;
    for (const [attempt, status] of [
      [1, 'pending'],
      [2, 'pending'],
      [3, 'pending'],
      [4, 'pending'],
      [5, 'failed'],
    ] as const) {
      const row = (await claim((await outboxRepository.findDue(db, at))[0]!, at))!;
      expect(row.attempts).toBe(attempt);
      const next = failAttempt(row, at, { message: `451 busy #${attempt}`, responseCode: 451 });
      expect(next.status).toBe(status);
      at = next.nextAttemptAt ?? at;
    }
    const failed = (await outboxRepository.findRecent(db))[0]!;
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: 5,
      lastError: '451 busy #5',
      nextAttemptAt: null,
    });
    expect(await outboxRepository.findDue(db, later(10_000))).toEqual([]);
    commitSync(db, requeueMail(failed, failed.id, 1, at));
    expect(await outboxRepository.findById(db, failed.id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      lastError: null,
      messageId: failed.messageId,
    });
  });

  test('hold and sent', async () => {
    await queueMail(db, [draft(), draft()], now);
    const [first] = await outboxRepository.findDue(db, now);
    commitSync(db, recordAttempt((await claim(first!, now))!, { sent: true }, now));
    const held = await commit(db, async (read) =>
      holdPendingMail(await outboxRepository.findPending(read), now),
    );
    expect(held.changeIds).toHaveLength(1);
    expect(await outboxRepository.countByStatus(db)).toEqual({
      held: 1,
      pending: 0,
      sent: 1,
      failed: 0,
    });
    expect((await outboxRepository.list(db, { status: 'held', limit: 10 })).items).toHaveLength(1);
  });

  test('an outcome recorded after a newer claim took the message changes nothing', async () => {
    await queueMail(db, [draft()], now);
    const [id] = await outboxRepository.findDue(db, now);
    const first = (await claim(id!, now))!;
    // The lease ran out mid-send; another worker claimed it again.
    const second = (await claim(id!, later(10)))!;
    expect(second.attempts).toBe(2);
    expect(() => commitSync(db, recordAttempt(first, { sent: true }, later(11)))).toThrow(
      /claimed again meanwhile/,
    );
    expect(await outboxRepository.findById(db, id!)).toMatchObject({
      status: 'pending',
      attempts: 2,
    });
  });

  test('each change of status is announced exactly once (entity outbox); a claim is not', async () => {
    await queueMail(db, [draft(), draft()], now);
    const [a, b] = await outboxRepository.findDue(db, now);
    const admin = await buildUser(db, { role: 'admin' });
    const before = changeFeed.latestChangeId(db);
    const claimedA = (await claim(a!, now))!;
    commitSync(db, recordAttempt(claimedA, { sent: true }, now));
    const claimedB = (await claim(b!, now))!;
    commitSync(db, recordAttempt(claimedB, { error: { message: 'busy', responseCode: 451 } }, now));
    const failed = (await claim(b!, later(1)))!;
    commitSync(
      db,
      recordAttempt(failed, { error: { message: 'no such user', responseCode: 550 } }, later(1)),
    );
    commitSync(db, requeueMail(await outboxRepository.findById(db, b!), b!, admin.id, later(2)));
    const events = changeFeed.changesSince(db, before);
    expect(events).toMatchObject([
      { entity: 'outbox', entityId: a, kind: 'sent', teamIds: [], userIds: [], actorId: null },
      { entity: 'outbox', entityId: b, kind: 'retry', actorId: null },
      { entity: 'outbox', entityId: b, kind: 'failed', actorId: null },
      { entity: 'outbox', entityId: b, kind: 'requeued', actorId: admin.id },
    ]);
    expect(events).toHaveLength(4);
  });
});

describe('countTemplateSince', () => {
  test('counts one template since a time, in all and to one address (any case)', async () => {
    await queueMail(db, [draft({ template: 'acknowledgement' })], now);
    await queueMail(
      db,
      [
        draft({ template: 'acknowledgement', toAddress: 'CCustomer@grad.wisc.edu' }),
        draft({ template: 'acknowledgement', toAddress: 'kim@example.org' }),
        draft({ template: 'customer-note' }),
      ],
      later(30),
    );
    const count = (since: string) =>
      outboxRepository.countTemplateSince(db, {
        template: 'acknowledgement',
        since,
        toAddress: 'ccustomer@grad.wisc.edu',
      });
    expect(await count(now)).toEqual({ all: 3, toAddress: 2 });
    expect(await count(later(10))).toEqual({ all: 2, toAddress: 1 });
    expect(await count(later(60))).toEqual({ all: 0, toAddress: 0 });
  });
});

describe('inbound mail index', () => {
  test('a reply’s Message-IDs name the messages of a thread, most specific id first, each with its address', async () => {
    await queueMail(db, [draft({ incidentId: second.id })], now);
    const sent = (await outboxRepository.findByIncident(db, second.id))[0]!;
    logInbound({
      messageId: '<their@x>',
      envelopeFrom: 'a@x.edu',
      fromAddress: 'a@x.edu',
      subject: 's',
      outcome: 'appended',
      reason: null,
      incidentId: third.id,
      size: 1,
      attachmentCount: 0,
      receivedAt: now,
    });
    expect(
      await inboundMailRepository.findThreadCandidates(db, ['<unknown@x>', sent.messageId]),
    ).toEqual([{ incidentId: second.id, address: 'ccustomer@grad.wisc.edu' }]);
    expect(
      await inboundMailRepository.findThreadCandidates(db, ['<their@x>', sent.messageId]),
    ).toEqual([
      { incidentId: third.id, address: 'a@x.edu' },
      { incidentId: second.id, address: 'ccustomer@grad.wisc.edu' },
    ]);
    expect(await inboundMailRepository.findThreadCandidates(db, ['<unknown@x>'])).toEqual([]);
    expect(await inboundMailRepository.findThreadCandidates(db, [])).toEqual([]);
  });

  test('replies are counted per sender and per incident within the hour', async () => {
    const row = (over: {
      fromAddress: string;
      incidentId: number;
      outcome: 'appended' | 'created';
      receivedAt: string;
    }) =>
      logInbound({
        messageId: null,
        envelopeFrom: over.fromAddress,
        subject: 's',
        reason: null,
        size: 1,
        attachmentCount: 0,
        ...over,
      });
    row({ fromAddress: 'a@x.edu', incidentId: second.id, outcome: 'appended', receivedAt: now });
    row({
      fromAddress: 'a@x.edu',
      incidentId: third.id,
      outcome: 'appended',
      receivedAt: later(10),
    });
    row({
      fromAddress: 'b@x.edu',
      incidentId: second.id,
      outcome: 'appended',
      receivedAt: later(20),
    });
    row({
      fromAddress: 'a@x.edu',
      incidentId: second.id,
      outcome: 'created',
      receivedAt: later(30),
    });
    expect(await inboundMailRepository.countRepliesFromSince(db, 'a@x.edu', now)).toBe(2);
    expect(await inboundMailRepository.countRepliesFromSince(db, 'a@x.edu', later(5))).toBe(1);
    expect(await inboundMailRepository.countRepliesToSince(db, second.id, now)).toBe(2);
    expect(await inboundMailRepository.countRepliesToSince(db, second.id, later(15))).toBe(1);
  });
});
