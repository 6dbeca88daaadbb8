// Issue 13 items 1–3 over real SMTP, as an attacker would try them: who may write in a Help Desk
// incident by e-mail (requester, another known address of the customer, staff, a stranger with the
// tag, a stranger with a forged In-Reply-To), how many replies land, and what acknowledgements say.
import { beforeEach, describe, expect, test } from 'vitest';
import { inboundMailRepository, incidentRepository, outboxRepository, type Db } from '@handoff/db';
import { nextIncidentNumber } from '@handoff/db/testing/builders';
import { callerFor } from '../test-callers';
import { type manualClock, type TestListener, useTestListener } from './test-smtp';

const harness = useTestListener();
let db: Db;
let clock: ReturnType<typeof manualClock>;
let listener: TestListener;
/** How many incidents the demo world starts with. */
let seeded: number;
beforeEach(async () => {
  ({ db, clock, listener } = harness.current());
  seeded = (await incidents()).length;
});

const casey = 'Casey Customer <ccustomer@grad.wisc.edu>';
const robin = 'Robin Stranger <robin@example.org>';
const as = (email: string) => callerFor(db, email, clock.now);
const incidents = async () => (await incidentRepository.list(db, { limit: 500 })).items;
/** The incident the last message made or landed on. */
const lastIncident = async () =>
  (await incidentRepository.findById(db, (await inbound())[0]!.incidentId!))!;
const inbound = async () => (await inboundMailRepository.list(db, { limit: 100 })).items;
const journal = (incidentId: number) => incidentRepository.findJournal(db, incidentId);
const phishing = 'Your mailbox is full: log in at http://evil.example/login';

async function send(mail: Parameters<TestListener['send']>[0]) {
  const sent = await listener.send(mail);
  clock.advance(1);
  return sent;
}

/** Casey e-mails the desk; an agent resolves it, so a reply could reopen it. */
async function caseysIncident({ resolve = false } = {}) {
  const sent = await send({ from: casey, subject: 'Duo', text: 'New phone, no Duo.' });
  if (!sent.ok) throw new Error(sent.message);
  let incident = (await incidentRepository.findById(db, (await inbound())[0]!.incidentId!))!;
  if (resolve) {
    await (
      await as('l1@handoff.test')
    ).oneStep.resolve({
      incidentId: incident.id,
      expectedVersion: incident.version,
      resolutionNote: 'Re-enrolled the new phone.',
    });
    incident = (await incidentRepository.findById(db, incident.id))!;
  }
  const ack = (await outboxRepository.findByIncident(db, incident.id))[0]!;
  return { incident, sent, ack };
}

/** What Casey reads on the case page in Help Online. */
async function caseyReads(number: string) {
  const view = await (await as('customer@handoff.test')).incident.byNumber({ number });
  return view.journal.map((j) => j.body).join('\n');
}

describe('who may write in a Help Desk incident by e-mail', () => {
  test('the requester: a customer-visible entry', async () => {
    const { incident } = await caseysIncident();
    const reply = await send({
      from: casey,
      subject: `Re: [${incident.number}] We received your request`,
      text: 'It is an iPhone 15.',
    });
    expect(reply).toMatchObject({ ok: true, response: expect.stringContaining('appended') });
    expect((await journal(incident.id))[0]).toMatchObject({
      kind: 'email',
      visibility: 'customer',
      body: 'It is an iPhone 15.',
    });
  });

  test('another known address of the customer (their Help Online login), in any case: a customer-visible entry', async () => {
    const { incident } = await caseysIncident();
    await send({
      from: 'Casey <Customer@Handoff.TEST>',
      subject: `Re: [${incident.number}]`,
      text: 'Writing from my other account.',
    });
    expect((await inbound())[0]).toMatchObject({ outcome: 'appended', incidentId: incident.id });
    expect((await journal(incident.id))[0]).toMatchObject({
      visibility: 'customer',
      body: 'Writing from my other account.',
    });
    expect(await caseyReads(incident.number)).toContain('Writing from my other account.');
  });

  test('a staff member: an internal note by them, the customer neither reads nor is mailed it, no reopen', async () => {
    const { incident } = await caseysIncident({ resolve: true });
    const mailBefore = (await outboxRepository.findByIncident(db, incident.id)).length;
    const reply = await send({
      from: 'Lee <l1@handoff.test>',
      subject: `Re: [${incident.number}] Your request is resolved`,
      text: 'Called Casey, all good now.',
      attachments: [{ filename: 'call-notes.txt', content: 'private' }],
    });
    expect(reply).toMatchObject({ ok: true, response: expect.stringContaining('appended') });
    expect((await journal(incident.id))[0]).toMatchObject({
      kind: 'note',
      visibility: 'internal',
      authorName: 'Lee Level-One',
      body: 'Called Casey, all good now.',
    });
    expect(await incidentRepository.findById(db, incident.id)).toMatchObject({
      status: 'resolved',
      version: incident.version,
    });
    expect(await outboxRepository.findByIncident(db, incident.id)).toHaveLength(mailBefore);
    expect(await caseyReads(incident.number)).not.toContain('Called Casey');
    const files = await (
      await as('customer@handoff.test')
    ).mail.attachments({ incidentId: incident.id });
    expect(files).toEqual([]);
  });

  test('a staff member cannot write in a closed incident by e-mail: refused with the reason', async () => {
    const { incident } = await caseysIncident({ resolve: true });
    await (
      await as('l1@handoff.test')
    ).oneStep.close({
      incidentId: incident.id,
      expectedVersion: incident.version,
    });
    const before = (await journal(incident.id)).length;
    const reply = await send({
      from: 'l1@handoff.test',
      subject: `Re: [${incident.number}]`,
      text: 'One more thing.',
    });
    expect(reply).toMatchObject({
      ok: false,
      code: 550,
      message: expect.stringContaining('closed'),
    });
    expect(await journal(incident.id)).toHaveLength(before);
  });

  test('a stranger with the tag: a new incident naming the claimed number for review; nothing on the incident, no reopen', async () => {
    const { incident } = await caseysIncident({ resolve: true });
    const before = await journal(incident.id);
    const number = await nextIncidentNumber(db);
    const reply = await send({
      from: robin,
      subject: `Re: [${incident.number}] Your request is resolved`,
      text: phishing,
    });
    expect(reply).toMatchObject({
      ok: true,
      response: expect.stringContaining(`created ${number}`),
    });
    expect(await journal(incident.id)).toEqual(before);
    expect(await incidentRepository.findById(db, incident.id)).toMatchObject({
      status: 'resolved',
      version: incident.version,
    });
    expect(await caseyReads(incident.number)).not.toContain('evil.example');

    const review = await lastIncident();
    expect(review).toMatchObject({ number, callerEmail: 'robin@example.org' });
    expect((await journal(review.id))[1]).toMatchObject({
      kind: 'system',
      visibility: 'internal',
      body: expect.stringContaining(`names ${incident.number}, but nothing was added to it`),
      data: expect.objectContaining({ claimedIncident: incident.number }),
    });
    expect((await inbound())[0]).toMatchObject({
      outcome: 'created',
      incidentId: review.id,
      reason: `robin@example.org is not the caller, the customer or staff of ${incident.number}: opened as a new incident for review.`,
    });
    const overview = await (await as('admin@handoff.test')).mail.overview();
    expect(overview.inbound).toMatchObject({ created: 2, appended: 0, fromOtherSenders: 1 });
  });

  test('a stranger with a forged In-Reply-To and References (our mail to Casey, Casey’s own message): a new incident, nothing on Casey’s', async () => {
    const { incident, sent, ack } = await caseysIncident();
    const before = await journal(incident.id);
    await send({
      from: robin,
      subject: 'Re: We received your request',
      text: phishing,
      inReplyTo: ack.messageId,
      references: [sent.ok ? sent.messageId : '', ack.messageId],
    });
    expect(await journal(incident.id)).toEqual(before);
    expect(await incidents()).toHaveLength(seeded + 2);
    expect((await inbound())[0]).toMatchObject({
      outcome: 'created',
      reason: expect.stringContaining(
        `threaded to ${incident.number} only by Message-IDs never sent to robin@example.org`,
      ),
    });
  });

  test('the requester threading by In-Reply-To to our mail to them still lands', async () => {
    const { incident, ack } = await caseysIncident();
    await send({
      from: casey,
      subject: 'Re: We received your request',
      text: 'Any news?',
      inReplyTo: ack.messageId,
    });
    expect((await inbound())[0]).toMatchObject({ outcome: 'appended', incidentId: incident.id });
  });

  test('a partner agent is no staff of a Help Desk incident: a new incident for review', async () => {
    const { incident } = await caseysIncident();
    const before = await journal(incident.id);
    await send({
      from: 'partner@handoff.test',
      subject: `Re: [${incident.number}]`,
      text: 'Let me in.',
    });
    expect(await journal(incident.id)).toEqual(before);
    expect((await inbound())[0]).toMatchObject({ outcome: 'created' });
  });
});

describe('replies are capped', () => {
  test('the 300-replies attack: 20 land, the rest are ignored and counted on the Mail page', async () => {
    const { incident } = await caseysIncident();
    const results: string[] = [];
    for (let i = 1; i <= 300; i += 1) {
      const sent = await listener.send({
        from: casey,
        subject: `Re: [${incident.number}]`,
        text: `Reply ${i} ${'x'.repeat(10_000)}`,
      });
      results.push(sent.ok ? sent.response : `refused ${sent.code}`);
    }
    expect(results.filter((r) => r.includes('appended'))).toHaveLength(20);
    expect(results.slice(20).every((r) => r.includes('ignored'))).toBe(true);
    expect(await journal(incident.id)).toHaveLength(2 + 20);
    const overview = await (await as('admin@handoff.test')).mail.overview();
    expect(overview.inbound.ignored.find((c) => c.reason === 'reply_flood_sender')?.n).toBe(280);

    // An hour later the requester is heard again.
    clock.advance(61);
    await send({ from: casey, subject: `Re: [${incident.number}]`, text: 'Sorry about that.' });
    expect((await inbound())[0]).toMatchObject({ outcome: 'appended' });
    // Real SMTP, one message after another: slower than the default test timeout on a busy machine.
  }, 240_000);

  test('one incident takes at most 30 replies an hour, whoever sends them', async () => {
    const { incident } = await caseysIncident();
    const senders = [casey, 'customer@handoff.test'];
    for (let i = 0; i < 31; i += 1)
      await listener.send({
        from: senders[i % 2]!,
        subject: `Re: [${incident.number}]`,
        text: `Reply ${i}`,
      });
    // 20 from Casey's first address would hit the sender cap first; the two addresses share the load.
    expect((await inbound())[0]).toMatchObject({
      outcome: 'ignored',
      reason: 'reply_flood_incident',
    });
    expect(await journal(incident.id)).toHaveLength(2 + 30);
  });
});

describe('acknowledgements', () => {
  test('quote neither the body nor the display name of the unverified sender', async () => {
    await send({ from: `${phishing} <victim@example.org>`, subject: 'Hello', text: phishing });
    const incident = await lastIncident();
    const ack = (await outboxRepository.findByIncident(db, incident.id))[0]!;
    expect(ack).toMatchObject({ template: 'acknowledgement', toAddress: 'victim@example.org' });
    expect(`${ack.subject}\n${ack.textBody}\n${ack.toName ?? ''}`).not.toContain('evil.example');
    expect(ack.textBody).toContain(`recorded as ${incident.number}`);
  });

  test('at most 3 an hour to one address: the 4th new e-mail is taken in but not acknowledged, and the incident says so', async () => {
    const mine = [];
    for (let i = 1; i <= 4; i += 1) {
      await send({ from: 'victim@example.org', subject: `Request ${i}`, text: 'Hello.' });
      mine.push(await lastIncident());
    }
    const acks = await Promise.all(
      mine.map(async (i) => (await outboxRepository.findByIncident(db, i.id)).length),
    );
    expect(acks).toEqual([1, 1, 1, 0]);
    expect((await journal(mine[3]!.id))[0]).toMatchObject({
      kind: 'system',
      visibility: 'internal',
      body: expect.stringContaining('No acknowledgement was e-mailed'),
    });
    clock.advance(61);
    await send({ from: 'victim@example.org', subject: 'Request 5', text: 'Hello.' });
    expect(await outboxRepository.findByIncident(db, (await lastIncident()).id)).toHaveLength(1);
  });
});
