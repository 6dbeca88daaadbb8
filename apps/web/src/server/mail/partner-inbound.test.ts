// kb 003 over real SMTP: end users of a supported organisation e-mail their channel partner, and
// agents answer tickets "completely by email" through the same listener as the Help Desk.
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  attachmentRepository,
  changeFeed,
  inboundMailRepository,
  incidentRepository,
  outboxRepository,
  schema,
  type Db,
} from '@handoff/db';
import { callerFor } from '../test-callers';
import { type manualClock, type TestListener, useTestListener } from './test-smtp';

const harness = useTestListener();
let db: Db;
let clock: ReturnType<typeof manualClock>;
let listener: TestListener;
beforeEach(() => ({ db, clock, listener } = harness.current()));

const rita = 'Rita Requester <rita@badgerhealth.example>';
const as = (email: string) => callerFor(db, email, clock.now);
const inbound = async () => (await inboundMailRepository.list(db, { limit: 100 })).items;
const journal = (incidentId: number) => incidentRepository.findJournal(db, incidentId);
const outboxTo = (address: string) =>
  db.select().from(schema.outbox).where(eq(schema.outbox.toAddress, address)).all();
const quoted = (number: string) =>
  `\n\nOn Wed, Nov 25, 2026 Handoff <help@handoff.test> wrote:\n> Your input is needed on [${number}]\n> QUOTED-TEXT`;

/** Rita e-mails her partner; Parker claims the ticket in the web app. */
async function claimedTicketByMail() {
  const sent = await listener.send({
    from: rita,
    subject: 'Badge reader',
    text: 'The badge reader at the east door rejects my card.',
  });
  if (!sent.ok) throw new Error(sent.message);
  const created = (await inbound())[0]!;
  const incident = (await incidentRepository.findById(db, created.incidentId!))!;
  await (await as('partner@handoff.test')).partner.claim({ incidentId: incident.id });
  clock.advance(1);
  return (await incidentRepository.findById(db, incident.id))!;
}

describe('a new e-mail from an end user of a supported organisation', () => {
  test('is a ticket for the partner group: every member told, the requester acknowledged in the thread', async () => {
    const sent = await listener.send({
      from: rita,
      subject: 'Badge reader',
      text: 'The badge reader at the east door rejects my card.',
    });
    expect(sent).toMatchObject({ ok: true, response: expect.stringMatching(/created INC-\d+/) });
    const [logged] = await inbound();
    expect(logged).toMatchObject({ outcome: 'created', fromAddress: 'rita@badgerhealth.example' });
    const incident = (await incidentRepository.findById(db, logged!.incidentId!))!;
    expect(incident).toMatchObject({
      channel: 'email',
      status: 'new',
      ownerAgentId: null,
      classification: 'Channel partner ticket',
    });

    const forParker = await (
      await as('partner@handoff.test')
    ).partner.forIncident({
      incidentId: incident.id,
    });
    expect(forParker).toMatchObject({
      phase: 'unclaimed',
      organisationName: 'Badger Health',
      partnerTeamName: 'Badger Health Client Support',
    });
    for (const agent of ['partner@handoff.test', 'partner2@handoff.test']) {
      expect((await (await as(agent)).notification.mine()).items[0]).toMatchObject({
        incidentNumber: incident.number,
      });
      expect(outboxTo(agent).at(-1)).toMatchObject({
        template: 'partner-new-ticket',
        subject: expect.stringContaining(`[${incident.number}]`),
      });
    }
    const [ack] = outboxTo('rita@badgerhealth.example');
    expect(ack).toMatchObject({
      template: 'acknowledgement',
      incidentId: incident.id,
      references: expect.stringContaining(sent.ok ? sent.messageId : 'sent'),
    });
  });

  test('from an address not seen before on an organisation domain: placed in the organisation first', async () => {
    await listener.send({
      from: 'Sam Lee <sam.lee@badgerhealth.example>',
      subject: 'Printer',
      text: 'Ward 3 printer is offline.',
    });
    expect(
      db
        .select()
        .from(schema.customers)
        .where(eq(schema.customers.email, 'sam.lee@badgerhealth.example'))
        .get(),
    ).toMatchObject({
      name: 'Sam Lee',
      organisation: 'Badger Health',
    });
    expect((await inbound())[0]).toMatchObject({ outcome: 'created' });
    expect(
      (await (await as('partner2@handoff.test')).notification.mine()).items[0]?.incidentNumber,
    ).toBe((await incidentRepository.findById(db, (await inbound())[0]!.incidentId!))!.number);
  });

  test('a failure half-way (the partner catalog entry is missing) leaves no end user behind, and says why', async () => {
    db.update(schema.services)
      .set({ name: 'Renamed' })
      .where(eq(schema.services.name, 'Channel partner support'))
      .run();
    const customersBefore = db.select().from(schema.customers).all().length;
    const sent = await listener.send({
      from: 'new.person@badgerhealth.example',
      subject: 'Help',
      text: 'Printer.',
    });
    expect(sent).toMatchObject({
      ok: false,
      code: 550,
      message: expect.stringContaining('Channel-partner tickets are not set up'),
    });
    expect(db.select().from(schema.customers).all()).toHaveLength(customersBefore);
    expect((await inbound())[0]).toMatchObject({ outcome: 'rejected', incidentId: null });
  });

  test.each([
    ['a free-mail sender', 'someone@gmail.com'],
    ['a sender on a domain no organisation has', 'someone@example.org'],
  ])('from %s stays a Help Desk e-mail incident', async (_name, from) => {
    await listener.send({ from, subject: 'Help', text: 'My laptop will not boot.' });
    const incident = (await incidentRepository.findById(db, (await inbound())[0]!.incidentId!))!;
    expect(incident.classification).toBeNull();
    expect(
      await (await as('l1@handoff.test')).partner.forIncident({ incidentId: incident.id }),
    ).toBeNull();
  });
});

describe('agents answer by replying to the e-mail', () => {
  test("the relationship agent's reply is a public comment: the requester reads it and is e-mailed, the quote dropped", async () => {
    const ticket = await claimedTicketByMail();
    const sent = await listener.send({
      from: 'Parker Partner <partner@handoff.test>',
      subject: `Re: Your input is needed on [${ticket.number}]`,
      text: `Please try the west door.${quoted(ticket.number)}`,
    });
    expect(sent).toMatchObject({
      ok: true,
      response: expect.stringContaining(`appended ${ticket.number}`),
    });
    expect((await journal(ticket.id))[0]).toMatchObject({
      kind: 'email',
      visibility: 'customer',
      body: 'Please try the west door.',
      authorName: 'Parker Partner',
    });
    expect(outboxTo('rita@badgerhealth.example').at(-1)).toMatchObject({
      template: 'partner-public-reply',
      textBody: expect.stringContaining('Please try the west door.'),
    });
    const view = JSON.stringify(
      await (await as('rita@badgerhealth.example')).incident.byNumber({ number: ticket.number }),
    );
    expect(view).toContain('Please try the west door.');
    expect(view).not.toContain('QUOTED-TEXT');
    // An e-mail never hands the ticket on.
    expect(await incidentRepository.findById(db, ticket.id)).toMatchObject({
      ownerAgentId: ticket.ownerAgentId,
      ownerTeamId: ticket.ownerTeamId,
    });
  });

  test("a Tier 2 agent's reply with a file stays private: neither its text nor its file reaches the requester", async () => {
    const ticket = await claimedTicketByMail();
    await (
      await as('partner@handoff.test')
    ).partner.escalate({
      incidentId: ticket.id,
      expectedVersion: ticket.version,
      privateComment: 'Card is valid; reader?',
    });
    await (await as('tier2@handoff.test')).partner.claim({ incidentId: ticket.id });
    const mailsToRita = outboxTo('rita@badgerhealth.example').length;
    await listener.send({
      from: 'tier2@handoff.test',
      subject: `Re: Your input is needed on [${ticket.number}]`,
      text: 'TIER2-SECRET reader firmware is 2.1; see log.',
      attachments: [{ filename: 'reader-log.txt', content: 'TIER2-LOG' }],
    });
    expect((await journal(ticket.id))[0]).toMatchObject({
      kind: 'email',
      visibility: 'internal',
      body: 'TIER2-SECRET reader firmware is 2.1; see log.',
    });
    expect(await attachmentRepository.findByIncident(db, ticket.id)).toEqual([
      expect.objectContaining({ filename: 'reader-log.txt', visibility: 'internal' }),
    ]);
    expect(
      (await (await as('partner@handoff.test')).incident.byNumber({ number: ticket.number }))
        .attachments,
    ).toHaveLength(1);

    const view = JSON.stringify(
      await (await as('rita@badgerhealth.example')).incident.byNumber({ number: ticket.number }),
    );
    for (const secret of ['TIER2-SECRET', 'reader-log.txt', 'Tatum', 'Tier 2'])
      expect(view).not.toContain(secret);
    expect(outboxTo('rita@badgerhealth.example')).toHaveLength(mailsToRita);
  });

  test("the requester's reply hands the turn back to the agent, and reopens the ticket when it was resolved", async () => {
    const ticket = await claimedTicketByMail();
    await (
      await as('partner@handoff.test')
    ).oneStep.resolve({
      incidentId: ticket.id,
      expectedVersion: ticket.version,
      resolutionNote: 'Reader reset.',
    });
    expect(await incidentRepository.findById(db, ticket.id)).toMatchObject({ status: 'resolved' });
    clock.advance(60);
    const sent = await listener.send({
      from: rita,
      subject: `Re: [${ticket.number}] We received your request`,
      text: 'It failed again this morning.',
    });
    expect(sent).toMatchObject({
      ok: true,
      response: expect.stringContaining(`reopened ${ticket.number}`),
    });
    expect(await incidentRepository.findById(db, ticket.id)).toMatchObject({
      status: 'in_progress',
    });
    expect((await journal(ticket.id))[0]).toMatchObject({
      kind: 'email',
      visibility: 'customer',
      body: 'It failed again this morning.',
      data: expect.objectContaining({ from: 'requester' }),
    });
    expect(outboxTo('partner@handoff.test').at(-1)).toMatchObject({
      subject: `Your input is needed on [${ticket.number}]`,
    });
  });

  test.each([
    [
      'an L1 agent',
      'l1@handoff.test',
      'Lee Level-One is neither the requester nor an agent of this ticket',
    ],
    ['a stranger', 'robin@example.org', 'is neither the requester nor an agent of this ticket'],
  ])(
    '%s cannot write on the ticket by e-mail: refused with the reason, nothing added',
    async (_name, from, reason) => {
      const ticket = await claimedTicketByMail();
      const before = {
        journal: (await journal(ticket.id)).length,
        version: (await incidentRepository.findById(db, ticket.id))!.version,
      };
      const sent = await listener.send({
        from,
        subject: `Re: [${ticket.number}]`,
        text: 'Let me in.',
        attachments: [{ filename: 'x.txt', content: 'x' }],
      });
      // Refused at the end of DATA (550): the sender's own server tells them why.
      expect(sent).toMatchObject({
        ok: false,
        code: 550,
        message: expect.stringContaining(reason),
      });
      expect((await inbound())[0]).toMatchObject({
        outcome: 'rejected',
        reason: expect.stringContaining(reason),
      });
      expect({
        journal: (await journal(ticket.id)).length,
        version: (await incidentRepository.findById(db, ticket.id))!.version,
      }).toEqual(before);
      expect(await attachmentRepository.findByIncident(db, ticket.id)).toEqual([]);
    },
  );

  test('a closed ticket: the requester opens a follow-up for the group, an agent is refused', async () => {
    const ticket = await claimedTicketByMail();
    db.update(schema.incidents)
      .set({ status: 'closed' })
      .where(eq(schema.incidents.id, ticket.id))
      .run();

    expect(
      await listener.send({
        from: 'partner@handoff.test',
        subject: `Re: [${ticket.number}]`,
        text: 'One more thing.',
      }),
    ).toMatchObject({ ok: false, code: 550 });
    expect((await inbound())[0]).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringContaining(`${ticket.number} was closed`),
    });

    const sent = await listener.send({
      from: rita,
      subject: `Re: [${ticket.number}]`,
      text: 'The reader is broken again.',
    });
    expect(sent).toMatchObject({ ok: true, response: expect.stringContaining('follow_up') });
    const followUp = (await incidentRepository.findById(db, (await inbound())[0]!.incidentId!))!;
    expect(followUp.id).not.toBe(ticket.id);
    expect(
      await (await as('partner2@handoff.test')).partner.forIncident({ incidentId: followUp.id }),
    ).toMatchObject({ phase: 'unclaimed' });
    expect((await journal(ticket.id))[0]).toMatchObject({
      body: expect.stringContaining(`follow-up ${followUp.number} opened`),
    });
    expect(
      (await outboxRepository.findByIncident(db, followUp.id)).map((m) => m.template),
    ).toContain('acknowledgement');
  });
});

describe('each message is one commit on the change feed', () => {
  test('a new partner ticket by e-mail commits exactly its incident, inbound-mail and clock events', async () => {
    const before = changeFeed.latestChangeId(db);
    await listener.send({ from: rita, subject: 'Badge reader', text: 'It rejects my card.' });
    const [logged] = await inbound();
    expect(changeFeed.changesSince(db, before)).toEqual([
      expect.objectContaining({
        entity: 'incident',
        entityId: logged!.incidentId,
        kind: 'created',
      }),
      expect.objectContaining({ entity: 'inboundMail', entityId: logged!.id, kind: 'created' }),
      // The new incident's SLA clocks start (issue 18).
      expect.objectContaining({ entity: 'slaClock', kind: 'clocks_changed' }),
    ]);
  });

  test('a partner refusal keeps only the rejected log row: no journal entry, mail or incident event', async () => {
    const incident = await claimedTicketByMail();
    const journalBefore = (await journal(incident.id)).length;
    const outboxBefore = db.select().from(schema.outbox).all().length;
    const before = changeFeed.latestChangeId(db);
    const sent = await listener.send({
      from: 'stranger@acme.example',
      subject: `Re: [${incident.number}] Badge reader`,
      text: 'Me too!',
    });
    expect(sent).toMatchObject({ ok: false, code: 550 });
    expect(await journal(incident.id)).toHaveLength(journalBefore);
    expect(db.select().from(schema.outbox).all()).toHaveLength(outboxBefore);
    expect(changeFeed.changesSince(db, before)).toEqual([
      expect.objectContaining({ entity: 'inboundMail', kind: 'rejected' }),
    ]);
    expect((await inbound())[0]).toMatchObject({ outcome: 'rejected', incidentId: null });
  });
});
