// The live subscription (issue 17): each role receives what its queries may read, a reconnect
// resumes after the last event id with nothing missed or doubled, and an incident page's
// connection names its viewer to colleagues for as long as it lasts.
import { afterEach, describe, expect, test } from 'vitest';
import { effects, incidentEvent, type Actor } from '@handoff/domain';
import { changeFeed, commit, tablesOf, type Db } from '@handoff/db';
import { buildCustomer, buildIncident, buildTeam, buildUser } from '@handoff/db/testing/builders';
import { createCaller } from '../root';
import { actorOf, subscriber } from '../live/testing';
import { useEmptyDb } from '../testing/change-kit';

let db: Db;
const subs: ReturnType<typeof subscriber>[] = [];
useEmptyDb((opened) => {
  db = opened;
});
// Registered after useEmptyDb's hooks, so (after-hooks run in reverse) the subscriptions stop
// before the database closes.
afterEach(async () => {
  for (const s of subs.splice(0)) await s.stop();
});

const now = () => new Date().toISOString();
const as = (actor: Actor) => createCaller({ db, actor, now });
const listen = (actor: Actor | null, input: Parameters<typeof subscriber>[2] = {}) => {
  const s = subscriber(db, actor, input);
  subs.push(s);
  return s;
};

/** A help desk with an agent, a Tier 2 agent, two customers with a case each and a partner group's ticket. */
async function world() {
  const desk = await buildTeam(db, { name: 'US - Help Desk', kind: 'help_desk' });
  const tier2Team = await buildTeam(db, { name: 'Tier 2 Support', kind: 'tier2' });
  const group = await buildTeam(db, { kind: 'partner' });
  const otherGroup = await buildTeam(db, { kind: 'partner' });
  const agent = await actorOf(
    db,
    (await buildUser(db, { role: 'l1', name: 'Lee Agent' }, [desk.id])).id,
  );
  const tier2 = await actorOf(db, (await buildUser(db, { role: 'tier2' }, [tier2Team.id])).id);
  const [casey, dana] = [await buildCustomer(db), await buildCustomer(db)];
  const customer = await actorOf(
    db,
    (await buildUser(db, { role: 'customer', customerId: casey.id })).id,
  );
  const caseyCase = await buildIncident(db, { ownerTeamId: desk.id, customerId: casey.id });
  const danaCase = await buildIncident(db, { ownerTeamId: desk.id, customerId: dana.id });
  const partner = await actorOf(
    db,
    (await buildUser(db, { role: 'partner_agent' }, [group.id])).id,
  );
  const outsider = await actorOf(
    db,
    (await buildUser(db, { role: 'partner_agent' }, [otherGroup.id])).id,
  );
  const { organisations, partnerTickets } = tablesOf(db);
  const [org] = await db
    .insert(organisations)
    .values({ name: 'Badger Health', partnerTeamId: group.id, createdAt: now() })
    .returning();
  const ticket = await buildIncident(db, { ownerTeamId: group.id });
  await db
    .insert(partnerTickets)
    .values({ incidentId: ticket.id, organisationId: org!.id, partnerTeamId: group.id });
  return { desk, agent, tier2, customer, caseyCase, danaCase, partner, outsider, ticket };
}

const note = (actor: Actor, incidentId: number, visibility: 'internal' | 'customer') =>
  as(actor).incident.addNote({ incidentId, body: `A ${visibility} note`, visibility });

describe('scope: a subscriber receives only what it may read', () => {
  test("a customer hears of a customer-visible staff note on their case, never of an internal one or another's case", async () => {
    const w = await world();
    const sub = listen(w.customer);
    await sub.settle();
    await note(w.agent, w.caseyCase.id, 'internal');
    await note(w.agent, w.danaCase.id, 'customer');
    await note(w.agent, w.caseyCase.id, 'customer');
    const got = await sub.untilChanges(1);
    await sub.settle();
    expect(sub.changes()).toEqual([
      {
        id: expect.any(Number),
        entity: 'incident',
        entityId: w.caseyCase.id,
        kind: 'note_added',
        at: expect.any(String),
      },
    ]);
    // Told only that something changed: no staff ids, teams or people.
    expect(got[0]).not.toHaveProperty('actorId');
    expect(got[0]).not.toHaveProperty('actorName');
  });

  test("a partner agent hears of their group's ticket only; staff (Tier 2) of everything, internal notes too", async () => {
    const w = await world();
    const [partner, outsider, tier2] = [listen(w.partner), listen(w.outsider), listen(w.tier2)];
    await partner.settle();
    await note(w.agent, w.caseyCase.id, 'internal');
    // The partner claims their group's ticket (the event its commit announces).
    await commit(
      db,
      effects(now(), {
        events: [incidentEvent(w.ticket.id, 'partner.claim', w.partner.id, w.ticket)],
      }),
    );
    await tier2.untilChanges(2);
    await partner.untilChanges(1);
    await outsider.settle();
    expect(partner.changes().map((c) => c.entityId)).toEqual([w.ticket.id]);
    expect(outsider.changes()).toEqual([]);
    expect(tier2.changes().map((c) => [c.entityId, c.kind])).toEqual([
      [w.caseyCase.id, 'note_added.internal'],
      [w.ticket.id, 'partner.claim'],
    ]);
    // Staff are told who did it and the incident's version now.
    expect(tier2.changes()[0]).toMatchObject({
      actorName: 'Lee Agent',
      number: w.caseyCase.number,
      version: 1,
    });
  });

  test('signed out (the public /status page): outage changes only', async () => {
    const w = await world();
    const sub = listen(null);
    await sub.settle();
    await note(w.agent, w.caseyCase.id, 'customer');
    await commit(
      db,
      effects(now(), {
        events: [
          {
            entity: 'outage',
            entityId: 7,
            kind: 'declared',
            teamIds: [],
            userIds: [],
            actorId: w.agent.id,
          },
        ],
      }),
    );
    await sub.untilChanges(1);
    await sub.settle();
    expect(sub.changes().map((c) => [c.entity, c.kind])).toEqual([['outage', 'declared']]);
  });
});

describe('resume after a reconnect', () => {
  test('from the last event id: every change once, in order, including those committed while away', async () => {
    const w = await world();
    const first = listen(w.agent);
    await first.settle();
    await note(w.agent, w.caseyCase.id, 'internal');
    await note(w.agent, w.danaCase.id, 'internal');
    const seen = await first.untilChanges(2);
    await first.stop();
    // Committed while the page was disconnected.
    await note(w.agent, w.caseyCase.id, 'customer');
    await note(w.agent, w.danaCase.id, 'customer');
    const second = listen(w.agent, { lastEventId: String(seen[1]!.id) });
    await second.untilChanges(2);
    await note(w.agent, w.caseyCase.id, 'internal');
    await second.untilChanges(3);
    await second.settle();
    const all = (await changeFeed.findChangesSince(db, 0)).map((c) => c.id);
    expect([...seen, ...second.changes()].map((c) => c.id)).toEqual(all);
  });

  test('the first message names the position, so a page that saw no change yet still resumes exactly', async () => {
    const w = await world();
    await note(w.agent, w.caseyCase.id, 'internal');
    const first = listen(w.agent);
    await first.settle();
    const ready = first.received[0]!;
    expect(ready.message.type).toBe('ready');
    expect(Number(ready.id)).toBe(await changeFeed.findLatestChangeId(db));
    await first.stop();
    // The server restarts; a change lands meanwhile; the page reconnects from the position it had.
    await note(w.agent, w.danaCase.id, 'customer');
    const again = listen(w.agent, { lastEventId: ready.id });
    const got = await again.untilChanges(1);
    expect(got.map((c) => [c.entityId, c.kind])).toEqual([[w.danaCase.id, 'note_added']]);
  });

  test('without a last event id it starts from now (no replay of old changes)', async () => {
    const w = await world();
    await note(w.agent, w.caseyCase.id, 'internal');
    const sub = listen(w.agent);
    await sub.settle();
    await note(w.agent, w.danaCase.id, 'internal');
    await sub.untilChanges(1);
    await sub.settle();
    expect(sub.changes().map((c) => c.entityId)).toEqual([w.danaCase.id]);
  });

  test('a malformed last event id is refused', async () => {
    const w = await world();
    const sub = listen(w.agent, { lastEventId: '1; drop table' });
    await expect(sub.untilChanges(1, 300)).rejects.toThrow();
    await sub.stop();
  });
});

describe('collision: who has an incident open, and who is editing', () => {
  test('a page connection names its viewer while it lasts; the colleague sees it, then sees it clear', async () => {
    const w = await world();
    const colleague = await actorOf(
      db,
      (await buildUser(db, { role: 'l1', name: 'Cory Colleague' }, [w.desk.id])).id,
    );
    const watcher = listen(w.agent);
    await watcher.settle();
    const page = listen(colleague, { viewing: w.caseyCase.id });
    await watcher.untilChanges(1);
    expect(await as(w.agent).live.viewers({})).toEqual([
      { incidentId: w.caseyCase.id, userId: colleague.id, name: 'Cory Colleague', editing: false },
    ]);
    // Nobody is told about themselves.
    expect(await as(colleague).live.viewers({})).toEqual([]);
    await as(colleague).live.setEditing({ incidentId: w.caseyCase.id, editing: true });
    expect(await as(w.agent).live.viewers({ incidentIds: [w.caseyCase.id] })).toEqual([
      expect.objectContaining({ userId: colleague.id, editing: true }),
    ]);
    await page.stop();
    await watcher.untilChanges(3);
    expect(watcher.changes().map((c) => [c.entity, c.entityId, c.kind])).toEqual([
      ['incidentViewer', w.caseyCase.id, 'opened'],
      ['incidentViewer', w.caseyCase.id, 'editing'],
      ['incidentViewer', w.caseyCase.id, 'left'],
    ]);
    expect(await as(w.agent).live.viewers({})).toEqual([]);
  });

  test('a customer never hears who has their case open; a partner agent sees no viewers of university incidents', async () => {
    const w = await world();
    const customer = listen(w.customer);
    await customer.settle();
    const page = listen(w.agent, { viewing: w.caseyCase.id });
    await page.settle();
    await customer.settle();
    expect(customer.changes()).toEqual([]);
    expect(await as(w.partner).live.viewers({})).toEqual([]);
  });

  test('opening an incident one may not read is refused and names nobody', async () => {
    const w = await world();
    const sub = listen(w.partner, { viewing: w.caseyCase.id });
    await expect(sub.untilChanges(1, 300)).rejects.toThrow();
    expect(await db.select().from(tablesOf(db).incidentViewers)).toEqual([]);
  });
});
