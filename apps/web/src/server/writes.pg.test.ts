// Write procedures on PostgreSQL (issue 20): each one runs through the real router on a fresh copy
// of the seeded demo database on SQLite and on an equal copy on pg, with the same clock; the
// answers and the rows written (incidents, journal, audit, outbox, notifications, partner rows,
// uploads) must be equal. Every loader a commit plan runs must therefore read through the Reader.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { channels, type OneStepName } from '@handoff/domain';
import { tablesOf, type Db } from '@handoff/db';
import { copyToPg } from '@handoff/db/pg/testing';
import { demoKeys } from '@handoff/db/testing';
import { demo, phoneContact, scenarios, tuesday10 } from './routers/one-step-scenarios';
import { callerFor, fixedClock, loginOf, seededTemplate } from './test-callers';

let template: ReturnType<typeof seededTemplate>;
beforeAll(() => {
  template = seededTemplate();
}, 60_000);
afterAll(() => template?.dispose());

/**
 * A Message-ID is a random UUID by design, the one value that differs between two runs: each is
 * numbered in order of first appearance, so the threading (In-Reply-To, References) still compares.
 */
function threadsNumbered<
  T extends { messageId: string | null; inReplyTo: string | null; references: string | null },
>(rows: T[]): T[] {
  const seen = new Map<string, string>();
  const numbered = (v: string | null) =>
    v?.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (uuid) => {
      if (!seen.has(uuid)) seen.set(uuid, `message-${seen.size + 1}`);
      return seen.get(uuid)!;
    }) ?? null;
  return rows.map((m) => ({
    ...m,
    messageId: numbered(m.messageId),
    inReplyTo: numbered(m.inReplyTo),
    references: numbered(m.references),
  }));
}

/** Every row a write procedure may add or change, in id order. */
async function written(db: Db) {
  const t = tablesOf(db);
  return {
    incidents: await db.select().from(t.incidents).orderBy(t.incidents.id),
    journal: await db.select().from(t.journalEntries).orderBy(t.journalEntries.id),
    audit: await db.select().from(t.auditEvents).orderBy(t.auditEvents.id),
    outbox: threadsNumbered(await db.select().from(t.outbox).orderBy(t.outbox.id)),
    notifications: await db.select().from(t.notifications).orderBy(t.notifications.id),
    partnerTickets: await db.select().from(t.partnerTickets).orderBy(t.partnerTickets.incidentId),
    partnerHops: await db.select().from(t.partnerHops).orderBy(t.partnerHops.id),
    attachments: await db.select().from(t.attachments).orderBy(t.attachments.id),
  };
}

/**
 * Runs `write` on a fresh SQLite copy of the demo and on a pg copy of another fresh one; `keys` is
 * a SQLite database equal to the one written (for the demo's natural-key lookups, which are
 * SQLite-only test helpers). Both answers and both databases' rows must be equal.
 */
async function sameWrite(write: (db: Db, keys: Db) => Promise<unknown>): Promise<void> {
  const lite = template.fresh();
  const twin = template.fresh();
  const pg = await copyToPg(twin.db);
  try {
    const onLite = await write(lite.db, lite.db);
    const onPg = await write(pg.reader, twin.db);
    expect(onPg).toEqual(onLite);
    expect(await written(pg.reader)).toEqual(await written(lite.db));
  } finally {
    await pg.close();
  }
}

const as = (db: Db, email: string) => callerFor(db, email, fixedClock(tuesday10));

describe('write procedures write the same on PostgreSQL', () => {
  test.each(channels)(
    'incident.create by %s (an e-mail or portal contact is acknowledged)',
    (channel) =>
      sameWrite(async (db, keys) => {
        const created = await (
          await as(db, loginOf.l1)
        ).incident.create({
          ...phoneContact(keys),
          channel,
          callerEmail: 'hconed@extension.wisc.edu',
          firstNote: 'Customer called twice.',
        });
        expect(created.number).toMatch(/^INC-/);
        return created;
      }),
  );

  test('an e-mail contact queues its acknowledgement', async () => {
    await sameWrite(async (db, keys) => {
      await (await as(db, loginOf.l1)).incident.create({ ...phoneContact(keys), channel: 'email' });
      const t = tablesOf(db);
      const outbox = await db.select().from(t.outbox);
      expect(outbox.some((m) => m.template === 'acknowledgement')).toBe(true);
    });
  });

  test.each(Object.keys(scenarios) as OneStepName[])('the one-step %s', (name) =>
    sameWrite(async (db, keys) => {
      const s = await scenarios[name](db, keys);
      const done = await s.run(await callerFor(db, s.email, s.now), s.version);
      return { incidentId: s.incidentId, number: s.number, version: s.version, done };
    }),
  );

  test('incident.addNote: a customer-visible note (e-mailed to the customer) and an internal one', () =>
    sameWrite(async (db, keys) => {
      const { id } = demo(keys).leesIncident;
      const lee = await as(db, loginOf.l1);
      return [
        await lee.incident.addNote({
          incidentId: id,
          body: 'Reset link sent.',
          visibility: 'customer',
        }),
        await lee.incident.addNote({
          incidentId: id,
          body: 'Second call.',
          visibility: 'internal',
        }),
      ];
    }));

  test('routing.answer and the Route panel it feeds (routing.decide: the routing facts and the one-steps open)', () =>
    sameWrite(async (db, keys) => {
      const { id } = demo(keys).leesIncident;
      const lee = await as(db, loginOf.l1);
      const answers = await lee.routing.answer({ incidentId: id, answers: { workRelated: true } });
      return { answers, panel: await lee.routing.decide({ incidentId: id }) };
    }));

  test('case.create routed to CPS (Assign to CPS in the same commit) and to the Help Desk, and the known-outage check', () =>
    sameWrite(async (db, keys) => {
      const base = {
        description: 'Remote Desktop Gateway refuses my connection since this morning.',
        preferredContact: 'email' as const,
        workRelated: true,
      };
      const toCps = await (
        await as(db, 'coned@handoff.test')
      ).case.create({ ...base, serviceId: demoKeys(keys).service('Office 365').id });
      const customer = await as(db, loginOf.customer);
      const toHelpDesk = await customer.case.create({
        ...base,
        serviceId: demo(keys).service.remoteDesktop,
        attachments: [{ fileName: 'error.txt', contentType: 'text/plain', dataBase64: 'ZXJyb3I=' }],
      });
      const outagesNow = await customer.case.knownOutages({ serviceId: demo(keys).service.uwnet });
      expect(outagesNow.length).toBeGreaterThan(0);
      const outagesOfMyCases = await customer.case.knownOutages({});
      const note = await customer.case.addNote({
        incidentId: toHelpDesk.id,
        body: 'Still locked.',
      });
      return { toCps, toHelpDesk, outagesNow, outagesOfMyCases, note };
    }));

  test('partner.submit, claim, escalate to Tier 2, pull and comment', () =>
    sameWrite(async (db) => {
      const submitted = await (
        await as(db, 'rita@badgerhealth.example')
      ).partner.submit({ description: 'Patient portal login loops back to the sign-in page.' });
      const parker = await as(db, 'partner@handoff.test');
      const claimed = await parker.partner.claim({ incidentId: submitted.id });
      const escalated = await parker.partner.escalate({
        incidentId: submitted.id,
        expectedVersion: claimed.version,
        privateComment: 'SSO loop; HAR attached.',
      });
      const tier2 = await as(db, 'tier2@handoff.test');
      const pulled = await tier2.partner.claim({ incidentId: submitted.id });
      const comment = await tier2.partner.comment({
        incidentId: submitted.id,
        body: 'Looking at the SSO logs.',
        visibility: 'internal',
      });
      // The partner panel reads the partner env and the Resolve step's env (loadOneStepEnv).
      const panel = await tier2.partner.forIncident({ incidentId: submitted.id });
      return { submitted, claimed, escalated, pulled, comment, panel };
    }));
});
