import { beforeEach, describe, expect, test } from 'vitest';
import {
  attachmentRepository,
  inboundMailRepository,
  incidentRepository,
  outboxRepository,
  type Db,
} from '@handoff/db';
import { nextIncidentNumber } from '@handoff/db/testing/builders';
import { callerFor } from '../test-callers';
import { type manualClock, type TestListener, useTestListener } from './test-smtp';
import { handedOnAnyway } from '../routers/one-step-scenarios';

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

const stranger = 'Robin Stranger <robin@example.org>';
const send = (mail: Parameters<typeof listener.send>[0]) => listener.send(mail);
const sendRaw = (raw: string, from = 'robin@example.org') => listener.sendRaw(raw, from);

const incidents = async () => (await incidentRepository.list(db, { limit: 100 })).items;
const newest = async () => (await incidentRepository.findById(db, (await incidents())[0]!.id))!;
const inbound = async () => (await inboundMailRepository.list(db, { limit: 100 })).items;
const admin = () => callerFor(db, 'admin@handoff.test', clock.now);
const l1 = () => callerFor(db, 'l1@handoff.test', clock.now);

describe('a new e-mail', () => {
  test('from an unknown sender: an email incident in the US - Help Desk queue, no agent, flagged unmatched, acknowledged in its thread', async () => {
    const number = await nextIncidentNumber(db);
    const sent = await send({
      from: stranger,
      subject: 'Cannot print',
      text: 'The printer in Bascom 112 jams on every page.',
    });
    expect(sent).toMatchObject({
      ok: true,
      response: expect.stringContaining(`created ${number}`),
    });
    const incident = await newest();
    expect(incident).toMatchObject({
      number,
      channel: 'email',
      status: 'new',
      callerName: 'Robin Stranger',
      callerEmail: 'robin@example.org',
      customerId: null,
      ownerAgentId: null,
      createdById: null,
      description: 'Cannot print\n\nThe printer in Bascom 112 jams on every page.',
    });
    const queue = await (await l1()).queue.list({ teamId: incident.ownerTeamId });
    expect(queue.items[0]).toMatchObject({
      number,
      ownerTeamName: 'US - Help Desk',
      serviceName: 'General Help Desk',
    });
    expect(
      (await incidentRepository.findJournal(db, incident.id)).map((j) => [
        j.kind,
        j.visibility,
        j.authorName,
      ]),
    ).toEqual([
      ['email', 'customer', null],
      ['system', 'internal', null],
    ]);
    expect((await incidentRepository.findJournal(db, incident.id))[1]!.body).toContain(
      'not a known customer: match the customer',
    );

    const [ack] = await outboxRepository.findByIncident(db, incident.id);
    expect(ack).toMatchObject({
      template: 'acknowledgement',
      toAddress: 'robin@example.org',
      subject: `[${number}] We received your request`,
      inReplyTo: sent.ok ? sent.messageId : 'sent',
      autoSubmitted: true,
    });
    expect(ack!.textBody).toContain(`recorded as ${number}`);
    expect((await inbound())[0]).toMatchObject({
      outcome: 'created',
      incidentId: incident.id,
      fromAddress: 'robin@example.org',
      messageId: sent.ok ? sent.messageId : '',
    });
  });

  test('from a known customer: matched by address', async () => {
    await send({ from: 'Casey <CCustomer@grad.wisc.edu>', subject: 'Duo', text: 'New phone.' });
    expect(await newest()).toMatchObject({
      customerId: expect.any(Number),
      callerName: 'Casey',
      callerEmail: 'ccustomer@grad.wisc.edu',
    });
    expect((await incidentRepository.findJournal(db, (await newest()).id))[1]!.body).toContain(
      'Matched to customer Casey Customer',
    );
  });

  test('HTML-only mail becomes readable text', async () => {
    await send({
      from: stranger,
      subject: 'Html',
      html: '<p>Hello <b>there</b></p><p>Second&nbsp;line</p>',
    });
    expect((await newest()).description).toMatch(/^Html\n\nHello there\n+Second line$/);
  });

  test('the same message delivered twice (same Message-ID) makes one incident', async () => {
    const mail = {
      from: stranger,
      subject: 'Twice',
      text: 'Once only please.',
      messageId: '<dup-1@example.org>',
    };
    await send(mail);
    expect(await send(mail)).toMatchObject({
      ok: true,
      response: expect.stringContaining('ignored'),
    });
    expect(await incidents()).toHaveLength(seeded + 1);
    expect((await inbound()).map((m) => [m.outcome, m.reason])).toEqual([
      ['ignored', 'duplicate'],
      ['created', null],
    ]);
  });

  test('mail for another mailbox is refused at RCPT TO', async () => {
    expect(
      await send({ from: stranger, to: 'someone-else@handoff.test', subject: 'x', text: 'y' }),
    ).toMatchObject({ ok: false, code: 550 });
    expect(await incidents()).toHaveLength(seeded);
  });
});

describe('a reply', () => {
  async function newIncident(from = stranger) {
    const sent = await send({ from, subject: 'Cannot print', text: 'Jams on every page.' });
    if (!sent.ok) throw new Error(sent.message);
    const incident = await newest();
    return { incident, sent, ack: (await outboxRepository.findByIncident(db, incident.id))[0]! };
  }

  test('with the subject tag lands on the incident as a customer-visible entry, quote removed', async () => {
    const { incident } = await newIncident();
    const reply = await send({
      from: stranger,
      subject: `Re: [${incident.number}] We received your request`,
      text: 'It also smells of burning.\n\nOn Wed, Nov 25, 2026 Help Desk <help@handoff.test> wrote:\n> We received your request',
    });
    expect(reply).toMatchObject({
      ok: true,
      response: expect.stringContaining(`appended ${incident.number}`),
    });
    expect(await incidents()).toHaveLength(seeded + 1);
    expect((await incidentRepository.findJournal(db, incident.id))[0]).toMatchObject({
      kind: 'email',
      visibility: 'customer',
      body: 'It also smells of burning.',
    });
    // The General Help Desk owns it: the reply is in its queue, nobody is e-mailed.
    expect(await outboxRepository.findByIncident(db, incident.id)).toHaveLength(1);
  });

  test('by In-Reply-To alone (subject without the tag) lands on the incident', async () => {
    const { incident, ack } = await newIncident();
    await send({
      from: stranger,
      subject: 'Re: We received your request',
      text: 'Any news?',
      inReplyTo: ack.messageId,
      references: [ack.messageId],
    });
    expect(await incidents()).toHaveLength(seeded + 1);
    expect((await incidentRepository.findJournal(db, incident.id))[0]).toMatchObject({
      kind: 'email',
      body: 'Any news?',
    });
    expect((await inbound())[0]).toMatchObject({ outcome: 'appended', incidentId: incident.id });
  });

  test('by References to the customer’s own first message lands on the incident', async () => {
    const { incident, sent } = await newIncident();
    await send({
      from: stranger,
      subject: 'Forgot to say',
      text: 'Room 112.',
      references: [sent.messageId],
    });
    expect((await inbound())[0]).toMatchObject({ outcome: 'appended', incidentId: incident.id });
  });

  test('on an incident CPS owns e-mails the CPS members (team setting everyone), threaded', async () => {
    const { incident } = await newIncident();
    await (
      await l1()
    ).oneStep.assignToCps({
      ...handedOnAnyway,
      incidentId: incident.id,
      expectedVersion: 1,
      reason: 'pick5_service',
    });
    const before = (await outboxRepository.findByIncident(db, incident.id)).length;
    clock.advance(1);
    await send({
      from: stranger,
      subject: `Re: [${incident.number}]`,
      text: 'It is a departmental printer.',
    });
    const notices = (await outboxRepository.findByIncident(db, incident.id)).slice(before);
    expect(notices.map((n) => [n.template, n.toAddress])).toEqual([
      ['customer-replied', 'cps@handoff.test'],
      ['customer-replied', 'cps2@handoff.test'],
    ]);
    expect(notices[0]!.textBody).toContain('It is a departmental printer.');
    expect(notices[0]!.inReplyTo).toBe((await inbound())[0]!.messageId);
  });

  test('to an incident resolved 6 days ago reopens it; 8 days after the next resolution opens a linked follow-up', async () => {
    const { incident } = await newIncident();
    await (
      await l1()
    ).oneStep.resolve({
      incidentId: incident.id,
      expectedVersion: 1,
      resolutionNote: 'Cleared the jam.',
    });
    clock.advance(6 * 24 * 60);
    await send({
      from: stranger,
      subject: `Re: [${incident.number}] Your request is resolved`,
      text: 'Jammed again.',
    });
    expect(await incidentRepository.findById(db, incident.id)).toMatchObject({
      status: 'assigned',
      version: 3,
    });
    expect((await incidentRepository.findAudit(db, incident.id))[0]).toMatchObject({
      field: 'status',
      fromValue: 'resolved',
      toValue: 'assigned',
      actorName: null,
    });
    expect(await incidents()).toHaveLength(seeded + 1);

    await (
      await l1()
    ).oneStep.resolve({
      incidentId: incident.id,
      expectedVersion: 3,
      resolutionNote: 'Replaced the roller.',
    });
    clock.advance(8 * 24 * 60);
    const followUpNumber = await nextIncidentNumber(db);
    const late = await send({
      from: stranger,
      subject: `Re: [${incident.number}] Your request is resolved`,
      text: 'Jammed a third time.',
    });
    expect(late).toMatchObject({
      ok: true,
      response: expect.stringContaining(`follow_up ${followUpNumber}`),
    });
    expect(await incidentRepository.findById(db, incident.id)).toMatchObject({
      status: 'resolved',
    });
    const followUp = await newest();
    expect(followUp).toMatchObject({ number: followUpNumber, channel: 'email', status: 'new' });
    expect((await incidentRepository.findJournal(db, followUp.id))[1]).toMatchObject({
      data: expect.objectContaining({ followUpOf: incident.number }),
    });
    expect((await incidentRepository.findJournal(db, incident.id))[0]).toMatchObject({
      body: expect.stringContaining(`follow-up ${followUpNumber} opened`),
    });
  });
});

describe('loop and noise protection', () => {
  test.each([
    [
      'an auto-reply (Auto-Submitted: auto-replied)',
      { headers: { 'Auto-Submitted': 'auto-replied' } },
      'auto_submitted',
    ],
    ['an out-of-office (X-Autoreply)', { headers: { 'X-Autoreply': 'yes' } }, 'auto_submitted'],
    [
      'a vacation reply (Precedence: auto_reply)',
      { headers: { Precedence: 'auto_reply' } },
      'auto_submitted',
    ],
    ['bulk mail (Precedence: bulk)', { headers: { Precedence: 'bulk' } }, 'bulk'],
    ['list mail (Precedence: list)', { headers: { Precedence: 'list' } }, 'bulk'],
    ['junk (Precedence: junk)', { headers: { Precedence: 'junk' } }, 'bulk'],
    ['a bounce (null sender)', { envelope: { from: '', to: 'help@handoff.test' } }, 'bounce'],
    ['our own mail coming back', { from: 'Help Desk <help@handoff.test>' }, 'own_address'],
  ])('%s is ignored (accepted, no incident) and counted', async (_name, extra, reason) => {
    const result = await send({
      from: stranger,
      subject: 'Automatic reply: We received your request',
      text: 'I am away.',
      ...extra,
    });
    expect(result).toMatchObject({ ok: true, response: expect.stringContaining('ignored') });
    expect(await incidents()).toHaveLength(seeded);
    expect(await outboxRepository.findRecent(db)).toEqual([]);
    const overview = await (await admin()).mail.overview();
    expect(overview.inbound.ignored.find((i) => i.reason === reason)?.n).toBe(1);
    expect(
      overview.inbound.ignored.filter((i) => i.reason !== reason).every((i) => i.n === 0),
    ).toBe(true);
  });

  test('an auto-reply tagged with an incident number does not land on the incident either', async () => {
    await send({ from: stranger, subject: 'Printer', text: 'Jams.' });
    const incident = await newest();
    await send({
      from: stranger,
      subject: `Out of office: [${incident.number}]`,
      text: 'Away.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(await incidentRepository.findJournal(db, incident.id)).toHaveLength(2);
  });

  test('more than 10 new incidents from one sender in an hour: the 11th is ignored and counted; replies still land; an hour later it opens again', async () => {
    for (let i = 1; i <= 11; i += 1) {
      await send({ from: stranger, subject: `Printer ${i}`, text: `Message ${i}` });
      clock.advance(1);
    }
    expect(await incidents()).toHaveLength(seeded + 10);
    expect((await inbound())[0]).toMatchObject({ outcome: 'ignored', reason: 'flood' });
    expect(
      (await (await admin()).mail.overview()).inbound.ignored.find((i) => i.reason === 'flood')?.n,
    ).toBe(1);

    const first = (await incidents())[9]!;
    await send({ from: stranger, subject: `Re: [${first.number}]`, text: 'About the first one.' });
    expect((await inbound())[0]).toMatchObject({ outcome: 'appended' });
    // Another sender is not held back by Robin's flood.
    await send({ from: 'Kim <kim@example.org>', subject: 'Mine', text: 'Different person.' });
    expect(await incidents()).toHaveLength(seeded + 11);

    clock.advance(60);
    await send({ from: stranger, subject: 'Printer 12', text: 'An hour later.' });
    expect(await incidents()).toHaveLength(seeded + 12);
  });
});

describe('bad mail never crashes the listener', () => {
  test.each([
    [
      'multipart without a boundary',
      'From: robin@example.org\r\nSubject: broken\r\nContent-Type: multipart/mixed\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\nhello\r\n--zz--\r\n',
      550,
      'no readable text',
    ],
    [
      'undecodable base64 in an unknown charset',
      'From: robin@example.org\r\nSubject: b64\r\nContent-Type: text/plain; charset=x-unknown\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!@@@###\r\n',
      550,
      'no readable text',
    ],
    [
      'headers and no body',
      'From: robin@example.org\r\nSubject: empty\r\n\r\n',
      550,
      'no readable text',
    ],
    [
      'binary junk without headers',
      'garbage \u0000\u0001\u0002 without headers\r\n\r\n',
      550,
      'no readable text',
    ],
    [
      'a message over the size limit',
      `From: robin@example.org\r\nSubject: huge\r\n\r\n${'x'.repeat(70 * 1024)}\r\n`,
      552,
      'larger than the 64 KB limit',
    ],
  ])(
    '%s → refused with a clear reason and logged; the next good message is taken in',
    async (_name, raw, code, reason) => {
      const result = await sendRaw(raw, 'robin@example.org');
      expect(result).toMatchObject({ ok: false, code, message: expect.stringContaining(reason) });
      expect((await inbound())[0]).toMatchObject({
        outcome: 'rejected',
        reason: expect.stringContaining(reason),
      });
      expect(await incidents()).toHaveLength(seeded);
      expect((await (await admin()).mail.overview()).inbound.rejected).toBe(1);

      expect(await send({ from: stranger, subject: 'Still there?', text: 'Yes.' })).toMatchObject({
        ok: true,
      });
      expect(await incidents()).toHaveLength(seeded + 1);
    },
  );
});

describe('attachments', () => {
  test('are stored with their type; one over the size limit is listed without its content', async () => {
    await send({
      from: stranger,
      subject: 'Screenshot',
      text: 'See attached.',
      attachments: [
        { filename: 'error.txt', content: 'Error 0x80070005' },
        {
          filename: '../../etc/big.png',
          content: Buffer.alloc(5_000, 1),
          contentType: 'image/png',
        },
      ],
    });
    const incident = await newest();
    const listed = await (await l1()).mail.attachments({ incidentId: incident.id });
    expect(listed.map((a) => [a.filename, a.contentType, a.size, a.skippedReason])).toEqual([
      ['error.txt', 'text/plain', 16, null],
      ['big.png', 'image/png', 5_000, expect.stringContaining('over the')],
    ]);
    expect((await attachmentRepository.findById(db, listed[0]!.id))!.content?.toString()).toBe(
      'Error 0x80070005',
    );
    expect((await attachmentRepository.findById(db, listed[1]!.id))!.content).toBeNull();
    expect((await inbound())[0]).toMatchObject({ attachmentCount: 2 });
  });

  test("a customer cannot list another customer's attachments", async () => {
    await send({
      from: stranger,
      subject: 'Screenshot',
      text: 'See attached.',
      attachments: [{ filename: 'a.txt', content: 'a' }],
    });
    const customer = await callerFor(db, 'customer@handoff.test', clock.now);
    await expect(
      customer.mail.attachments({ incidentId: (await newest()).id }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
