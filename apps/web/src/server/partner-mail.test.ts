import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { count, eq } from 'drizzle-orm';
import {
  decideComment,
  decideSubmitTicket,
  newIncidentRef,
  type Visibility,
} from '@handoff/domain';
import { commit, schema, type Db } from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { loadPartnerEmailReply, loadPartnerTicketFromEmail } from './partner-mail';
import { callerFor, createTestDb, steppingClock, type TestDb } from './test-callers';

let t: TestDb;
let db: Db;
let clock: () => string;
beforeEach(() => {
  t = createTestDb();
  db = t.db;
  clock = steppingClock();
});
afterEach(() => t.close());

const as = (email: string) => callerFor(db, email, clock);

/** An e-mail reply as the intake commits it: loaded under the write lock, decided, committed. */
async function applyPartnerEmailReply(args: Parameters<typeof loadPartnerEmailReply>[1]) {
  let visibility: Visibility | undefined;
  await commit(db, async (read) => {
    const { env, comment } = await loadPartnerEmailReply(read, args);
    visibility = comment.visibility;
    return decideComment(env, comment);
  });
  return { visibility };
}

/** A new ticket by e-mail as the intake commits it. */
const submitPartnerTicketFromEmail = async (
  args: Omit<Parameters<typeof loadPartnerTicketFromEmail>[1], 'followUpOf'>,
) =>
  (
    await commit(db, async (read) =>
      decideSubmitTicket(await loadPartnerTicketFromEmail(read, { ...args, followUpOf: null })),
    )
  ).row('incident', newIncidentRef);
const journalOf = (incidentId: number) =>
  db
    .select()
    .from(schema.journalEntries)
    .where(eq(schema.journalEntries.incidentId, incidentId))
    .orderBy(schema.journalEntries.id)
    .all()
    .at(-1);
const outboxTo = (address: string) =>
  db.select().from(schema.outbox).where(eq(schema.outbox.toAddress, address)).all();
const countOf = (table: typeof schema.incidents | typeof schema.customers) =>
  db.select({ n: count() }).from(table).get()!.n;

async function claimedTicket() {
  const ticket = await (
    await as('rita@badgerhealth.example')
  ).partner.submit({
    description: 'Portal login loops.',
  });
  await (await as('partner@handoff.test')).partner.claim({ incidentId: ticket.id });
  return ticket;
}

/** A reply to our "input needed" mail about ticket `number`, quoting it. */
const reply = (text: string, number: string) =>
  `${text}\n\nOn Tue, Nov 24, 2026 at 9:00 AM Handoff <help@handoff.test> wrote:\n> Your input is needed on [${number}]\n> PRIVATE quoted text`;

describe('loadPartnerEmailReply + decideComment: an agent answers by replying to the e-mail', () => {
  test("the relationship agent's reply becomes a public comment by them, and the requester is e-mailed", async () => {
    const ticket = await claimedTicket();
    const result = await applyPartnerEmailReply({
      fromAddress: 'Partner@Handoff.test',
      incidentNumber: ticket.number,
      text: reply('Please try signing in again.', ticket.number),
      now: clock(),
    });
    expect(result).toEqual({ visibility: 'customer' });
    expect(journalOf(ticket.id)).toMatchObject({
      kind: 'email',
      visibility: 'customer',
      body: 'Please try signing in again.',
      data: { from: 'partner_agent', via: 'email' },
    });
    expect(outboxTo('rita@badgerhealth.example')).toEqual([
      expect.objectContaining({
        subject: `Your input is needed on [${ticket.number}]`,
        textBody: expect.stringContaining(
          'Parker Partner (Badger Health Client Support) wrote:\n\nPlease try signing in again.',
        ),
      }),
    ]);
    const view = JSON.stringify(
      await (await as('rita@badgerhealth.example')).incident.byNumber({ number: ticket.number }),
    );
    expect(view).toContain('Please try signing in again.');
    expect(view).not.toContain('PRIVATE quoted text');
    // An e-mail never hands the ticket on: it is still Parker's.
    expect(
      await (await as('partner@handoff.test')).partner.forIncident({ incidentId: ticket.id }),
    ).toMatchObject({ phase: 'with_partner' });
  });

  test("a Tier 2 agent's reply stays private and nobody outside is e-mailed", async () => {
    const ticket = await claimedTicket();
    await (
      await as('partner@handoff.test')
    ).partner.escalate({
      incidentId: ticket.id,
      expectedVersion: 2,
      privateComment: 'Stuck.',
    });
    const before = outboxTo('rita@badgerhealth.example').length;
    expect(
      (
        await applyPartnerEmailReply({
          fromAddress: 'tier2@handoff.test',
          incidentNumber: ticket.number,
          text: 'Looking at the IdP.',
          now: clock(),
        })
      ).visibility,
    ).toBe('internal');
    expect(journalOf(ticket.id)).toMatchObject({
      kind: 'email',
      visibility: 'internal',
      body: 'Looking at the IdP.',
    });
    expect(outboxTo('rita@badgerhealth.example')).toHaveLength(before);
  });

  test("the requester's reply is their comment and the agent is told", async () => {
    const ticket = await claimedTicket();
    await applyPartnerEmailReply({
      fromAddress: 'rita@badgerhealth.example',
      incidentNumber: ticket.number,
      text: reply('It works now.', ticket.number),
      now: clock(),
    });
    expect(journalOf(ticket.id)).toMatchObject({
      visibility: 'customer',
      body: 'It works now.',
      data: { from: 'requester', via: 'email' },
    });
    expect(outboxTo('partner@handoff.test').at(-1)).toMatchObject({
      subject: `Your input is needed on [${ticket.number}]`,
    });
  });

  test('a requester without a login replies: stored without an author, still theirs', async () => {
    const noor = db
      .select()
      .from(schema.customers)
      .where(eq(schema.customers.email, 'noor@badgerhealth.example'))
      .get()!;
    const ticket = await claimedTicket();
    db.update(schema.incidents)
      .set({ customerId: noor.id })
      .where(eq(schema.incidents.id, ticket.id))
      .run();
    await applyPartnerEmailReply({
      fromAddress: 'noor@badgerhealth.example',
      incidentNumber: ticket.number,
      text: 'Thanks!',
      now: clock(),
    });
    expect(journalOf(ticket.id)).toMatchObject({
      authorId: null,
      visibility: 'customer',
      data: { from: 'requester', via: 'email' },
    });
  });

  test.each([
    ['someone who is neither requester nor agent', 'l1@handoff.test', 'Hello', 'FORBIDDEN'],
    ['a stranger', 'stranger@acme.example', 'Hello', 'FORBIDDEN'],
    [
      'a reply with only the quoted message',
      'partner@handoff.test',
      (number: string) => reply('', number),
      'VALIDATION',
    ],
  ])('%s is refused, nothing added', async (_name, fromAddress, text, code) => {
    const ticket = await claimedTicket();
    const last = journalOf(ticket.id);
    await expect(
      applyPartnerEmailReply({
        fromAddress,
        incidentNumber: ticket.number,
        text: typeof text === 'string' ? text : text(ticket.number),
        now: clock(),
      }),
    ).rejects.toThrow(expect.objectContaining({ code }));
    expect(journalOf(ticket.id)).toEqual(last);
  });

  test('an incident that is not a partner ticket is left to the general listener', async () => {
    const { number } = demoKeys(db).incident('Forgot NetID password after returning from leave.');
    await expect(
      applyPartnerEmailReply({
        fromAddress: 'l1@handoff.test',
        incidentNumber: number,
        text: 'Hi',
        now: clock(),
      }),
    ).rejects.toThrow(
      expect.objectContaining({
        code: 'INVALID_TRANSITION',
        message: `${number} is not a channel-partner ticket.`,
      }),
    );
  });
});

describe('loadPartnerTicketFromEmail + decideSubmitTicket: a new ticket by e-mail', () => {
  test('an address not seen before on an organisation domain is placed there and its ticket goes to the group', async () => {
    const created = await submitPartnerTicketFromEmail({
      fromAddress: 'Sam.Lee@BadgerHealth.example',
      fromName: 'Sam Lee',
      subject: 'Printer offline',
      text: 'Ward 3 printer is offline.',
      now: clock(),
    });
    const customer = db
      .select()
      .from(schema.customers)
      .where(eq(schema.customers.email, 'sam.lee@badgerhealth.example'))
      .get();
    expect(customer).toMatchObject({
      name: 'Sam Lee',
      organisationId: demoKeys(db).organisation('Badger Health').id,
    });
    const row = db.select().from(schema.incidents).where(eq(schema.incidents.id, created.id)).get();
    expect(row).toMatchObject({
      channel: 'email',
      customerId: customer!.id,
      ownerAgentId: null,
      description: 'Printer offline\n\nWard 3 printer is offline.',
    });
    expect(
      (await (await as('partner2@handoff.test')).notification.mine()).items[0]?.incidentNumber,
    ).toBe(created.number);
  });

  test.each([
    ['a free-mail sender', 'someone@gmail.com', 'gmail.com is a free-mail domain'],
    [
      'a sender on an unknown domain',
      'someone@acme.example',
      'No supported organisation uses the e-mail domain acme.example',
    ],
  ])('%s is refused with the reason; nothing is created', async (_name, fromAddress, message) => {
    const before = { incidents: countOf(schema.incidents), customers: countOf(schema.customers) };
    await expect(
      submitPartnerTicketFromEmail({
        fromAddress,
        fromName: null,
        subject: 'Help',
        text: 'Help',
        now: clock(),
      }),
    ).rejects.toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining(message) }),
    );
    expect({ incidents: countOf(schema.incidents), customers: countOf(schema.customers) }).toEqual(
      before,
    );
  });
});
