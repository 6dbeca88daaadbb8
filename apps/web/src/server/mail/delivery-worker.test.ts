import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type OutboxDraft } from '@handoff/domain';
import { outboxRepository, type Db } from '@handoff/db';
import { buildOwnedIncident, queueMail } from '@handoff/db/testing/builders';
import { callerFor, createTestDb, type TestDb } from '../test-callers';
import {
  deliverDue,
  smtpTransport,
  startDeliveryWorker,
  type MailTransport,
} from './delivery-worker';
import { header, manualClock, startReceiver } from './test-smtp';

const config = {
  from: { name: 'UW–Madison Help Desk', address: 'help@handoff.test' },
  inboundAddress: 'help@handoff.test',
  appUrl: 'https://handoff.wisc.edu',
};

let t: TestDb;
let db: Db;
let world: Awaited<ReturnType<typeof buildOwnedIncident>>;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
beforeEach(async () => {
  t = createTestDb({ seed: false });
  db = t.db;
  // Casey Customer's call, which an L1 agent owns: every message below is about it.
  world = await buildOwnedIncident(db, {
    customer: { name: 'Casey Customer', email: 'ccustomer@grad.wisc.edu' },
  });
});
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  t.close();
});

const draft = (over: Partial<OutboxDraft> = {}): OutboxDraft => ({
  incidentId: world.incident.id,
  template: 'customer-note',
  toAddress: 'ccustomer@grad.wisc.edu',
  toName: 'Casey Customer',
  subject: 'Update on your request',
  textBody: 'We are on it.',
  ...over,
});
const rows = async () => (await outboxRepository.findRecent(db)).reverse();

describe('delivery over real SMTP', () => {
  test('a customer-visible note is delivered with the threading, tag, Reply-To and Auto-Submitted headers', async () => {
    receiver = await startReceiver();
    const clock = manualClock('2026-11-25T09:00:00.000Z');
    const l1 = await callerFor(db, world.agent.email, clock.now);
    await l1.incident.addNote({
      incidentId: world.incident.id,
      body: 'We reset your password; try again.',
      visibility: 'customer',
    });
    clock.advance(1);
    await l1.incident.addNote({
      incidentId: world.incident.id,
      body: 'Did that work?',
      visibility: 'customer',
    });

    const report = await deliverDue({
      db,
      transport: smtpTransport(receiver.url),
      now: clock.now,
      config,
    });
    expect(report).toEqual({ sent: 2, retrying: 0, failed: 0, held: 0 });
    const [first, second] = await rows();
    expect(receiver.received).toHaveLength(2);
    const [a, b] = receiver.received;
    expect(a!.to).toEqual(['ccustomer@grad.wisc.edu']);
    expect(a!.parsed.messageId).toBe(first!.messageId);
    expect(a!.parsed.subject).toBe(`[${world.incident.number}] Update on your request`);
    expect(header(a!.parsed, 'reply-to')).toBe('help@handoff.test');
    expect(a!.parsed.from?.value).toEqual([
      { name: 'UW–Madison Help Desk', address: 'help@handoff.test' },
    ]);
    expect(header(a!.parsed, 'auto-submitted')).toBe('auto-generated');
    expect(a!.parsed.text).toContain('We reset your password; try again.');
    expect(a!.parsed.inReplyTo).toBeUndefined();
    expect(b!.parsed.messageId).toBe(second!.messageId);
    expect(b!.parsed.inReplyTo).toBe(first!.messageId);
    expect(b!.parsed.references).toBe(first!.messageId);
    expect((await rows()).map((r) => [r.status, r.attempts, r.sentAt])).toEqual([
      ['sent', 1, clock.now()],
      ['sent', 1, clock.now()],
    ]);
  });

  test('one pass sends batch after batch until nothing is due', async () => {
    receiver = await startReceiver();
    await queueMail(
      db,
      Array.from({ length: 7 }, (_, i) => draft({ toAddress: `c${i}@grad.wisc.edu` })),
      '2026-11-25T09:00:00.000Z',
    );
    const report = await deliverDue({
      db,
      transport: smtpTransport(receiver.url),
      now: () => '2026-11-25T09:00:00.000Z',
      config,
      batch: 3,
    });
    expect(report.sent).toBe(7);
    expect(receiver.received.map((r) => r.to[0]).sort()).toEqual(
      Array.from({ length: 7 }, (_, i) => `c${i}@grad.wisc.edu`),
    );
  });

  test('links into the app go out absolute (kb 003 "links straight into tickets"), the stored text unchanged', async () => {
    receiver = await startReceiver();
    const { number } = world.incident;
    const body = `Claim it: /incidents/${number}\nOr open Help Online (/portal).`;
    await queueMail(db, [draft({ textBody: body })], '2026-11-25T09:00:00.000Z');
    await deliverDue({
      db,
      transport: smtpTransport(receiver.url),
      now: () => '2026-11-25T09:00:00.000Z',
      config,
    });
    expect(receiver.received[0]!.parsed.text).toContain(
      `Claim it: https://handoff.wisc.edu/incidents/${number}\nOr open Help Online (https://handoff.wisc.edu/portal).`,
    );
    expect((await rows())[0]!.textBody).toBe(body);
  });

  test('an unreachable server is a temporary failure: retried later', async () => {
    const clock = manualClock();
    await queueMail(db, [draft()], clock.now());
    // Nothing listens on port 1 of localhost.
    expect(
      await deliverDue({
        db,
        transport: smtpTransport('smtp://127.0.0.1:1'),
        now: clock.now,
        config,
      }),
    ).toMatchObject({ retrying: 1 });
    expect((await rows())[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringContaining('ECONNREFUSED'),
    });
  });

  test('a message a person wrote carries no Auto-Submitted header', async () => {
    receiver = await startReceiver();
    await queueMail(db, [draft({ autoSubmitted: false })], '2026-11-25T09:00:00.000Z');
    await deliverDue({
      db,
      transport: smtpTransport(receiver.url),
      now: () => '2026-11-25T09:00:00.000Z',
      config,
    });
    expect(header(receiver.received[0]!.parsed, 'auto-submitted')).toBeUndefined();
  });

  test('a receiver that refuses the first attempt: retried after the backoff and delivered exactly once', async () => {
    receiver = await startReceiver({
      refuse: (n) => (n === 1 ? { code: 451, message: 'Greylisted, try again later' } : null),
    });
    const clock = manualClock();
    await queueMail(db, [draft()], clock.now());
    const pass = () =>
      deliverDue({ db, transport: smtpTransport(receiver!.url), now: clock.now, config });

    expect(await pass()).toMatchObject({ sent: 0, retrying: 1 });
    expect((await rows())[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringContaining('451'),
      nextAttemptAt: '2026-11-25T15:01:00.000Z',
    });
    clock.advance(0.5);
    expect(await pass()).toMatchObject({ sent: 0, retrying: 0 });
    clock.advance(0.5);
    expect(await pass()).toMatchObject({ sent: 1 });
    clock.advance(180);
    expect(await pass()).toMatchObject({ sent: 0 });
    expect(receiver.attempts()).toBe(2);
    expect(receiver.received).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  test('a server that keeps refusing: 1, 5, 30, 120 minutes apart, then failed with the last error', async () => {
    receiver = await startReceiver({
      refuse: (n) => ({ code: 421, message: `Service not available (${n})` }),
    });
    const clock = manualClock();
    await queueMail(db, [draft()], clock.now());
    const pass = () =>
      deliverDue({ db, transport: smtpTransport(receiver!.url), now: clock.now, config });
    const due: string[] = [];
    for (const wait of [0, 1, 5, 30, 120]) {
      clock.advance(wait);
      await pass();
      due.push((await rows())[0]!.nextAttemptAt ?? 'none');
    }
    expect(due).toEqual([
      '2026-11-25T15:01:00.000Z',
      '2026-11-25T15:06:00.000Z',
      '2026-11-25T15:36:00.000Z',
      '2026-11-25T17:36:00.000Z',
      'none',
    ]);
    expect((await rows())[0]).toMatchObject({
      status: 'failed',
      attempts: 5,
      lastError: expect.stringContaining('(5)'),
    });
    expect(receiver.received).toHaveLength(0);
  });

  test('a permanent refusal (550) fails at once', async () => {
    receiver = await startReceiver({ refuse: () => ({ code: 550, message: 'No such user here' }) });
    await queueMail(db, [draft()], '2026-11-25T15:00:00.000Z');
    await deliverDue({
      db,
      transport: smtpTransport(receiver.url),
      now: () => '2026-11-25T15:00:00.000Z',
      config,
    });
    expect((await rows())[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: expect.stringContaining('No such user here'),
    });
  });

  test('a send whose success was lost (crash before marking) goes again with the same Message-ID', async () => {
    receiver = await startReceiver();
    const real = smtpTransport(receiver.url);
    let calls = 0;
    const flaky: MailTransport = {
      async sendMail(message) {
        calls += 1;
        await real.sendMail(message);
        if (calls === 1) throw new Error('Connection closed before the reply was read');
      },
    };
    const clock = manualClock();
    await queueMail(db, [draft()], clock.now());
    await deliverDue({ db, transport: flaky, now: clock.now, config });
    clock.advance(1);
    await deliverDue({ db, transport: flaky, now: clock.now, config });
    expect(receiver.received.map((r) => r.parsed.messageId)).toEqual([
      (await rows())[0]!.messageId,
      (await rows())[0]!.messageId,
    ]);
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  test('no SMTP_URL: queued messages are held, never sent, and stay visible', async () => {
    receiver = await startReceiver();
    const clock = manualClock();
    await queueMail(db, [draft(), draft({ toAddress: 'onguyen@grad.wisc.edu' })], clock.now());
    const worker = startDeliveryWorker({
      db,
      transport: null,
      now: clock.now,
      config,
      intervalMs: 60_000,
    });
    await worker.tick();
    await worker.stop();
    expect((await rows()).map((r) => [r.status, r.attempts])).toEqual([
      ['held', 0],
      ['held', 0],
    ]);
    expect(receiver.received).toHaveLength(0);
    // A later pass with a server does not send held messages behind the admin's back.
    await deliverDue({ db, transport: smtpTransport(receiver.url), now: clock.now, config });
    expect(receiver.received).toHaveLength(0);
  });
});
