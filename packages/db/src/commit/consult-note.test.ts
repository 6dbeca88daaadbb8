// Consults and customer notes through the commit module: exactly the named change events, and a
// failure half-way leaves no row, journal entry, notification, outbox mail or change event.
import {
  customerNoteEffects,
  openConsultEffects,
  type Actor,
  type Incident,
} from '@handoff/domain';
import { describe, expect, it } from 'vitest';
import { changesSince, latestChangeId } from '../change-feed';
import { type Db } from '../client';
import { consultRequests, incidents, journalEntries, notifications, outbox } from '../schema';
import { useEmptyDb } from '../testing/change-kit';
import { buildCustomer, buildIncident, buildTeam, buildUser } from '../testing/builders';
import { commitSync } from './commit';

const now = '2026-11-24T17:00:00.000Z';
let db: Db;
useEmptyDb((opened) => {
  db = opened;
});

const snapshot = () => ({
  consults: db.select().from(consultRequests).all(),
  incidents: db.select().from(incidents).all(),
  journal: db.select().from(journalEntries).all().length,
  notifications: db.select().from(notifications).all().length,
  outbox: db.select().from(outbox).all().length,
  changes: changesSince(db, 0).length,
});

const actorOf = (
  u: { id: number; name: string; role: Actor['role'] },
  teamIds: number[] = [],
  customerId: number | null = null,
) => ({ id: u.id, name: u.name, role: u.role, teamIds, customerId });

async function world() {
  const team = await buildTeam(db);
  const agent = await buildUser(db, { role: 'l1' }, [team.id]);
  const customer = await buildCustomer(db);
  const customerUser = await buildUser(db, { role: 'customer', email: customer.email });
  const incident = await buildIncident(db, {
    ownerTeamId: team.id,
    ownerAgentId: agent.id,
    customerId: customer.id,
    status: 'pending_customer',
  });
  return {
    team,
    agent: actorOf(agent, [team.id]),
    customer: actorOf(customerUser, [], customer.id),
    incident,
  };
}

const mail = (incident: Incident) => [
  {
    incidentId: incident.id,
    template: 'customer-note',
    toAddress: 'team@example.edu',
    toName: 'Team',
    subject: `${incident.number}: a note`,
    textBody: 'Hello',
  },
];

describe('consult commits', () => {
  it('opening a consult commits the consult and its incident event, nothing else', async () => {
    const w = await world();
    const incident = { ...w.incident, status: 'in_progress' as const };
    db.update(incidents).set({ status: 'in_progress' }).run();
    const before = latestChangeId(db);
    const committed = commitSync(
      db,
      openConsultEffects({ incident, team: 'cps', actor: w.agent, now }),
    );
    const consult = committed.row('consult', { ref: 'consult' });
    expect(consult).toMatchObject({ incidentId: incident.id, status: 'open', team: 'cps' });
    const changes = changesSince(db, before);
    expect(changes).toHaveLength(2);
    expect(changes).toMatchObject([
      {
        entity: 'consult',
        entityId: consult.id,
        kind: 'opened',
        teamIds: [w.team.id],
        userIds: [w.agent.id],
      },
      { entity: 'incident', entityId: incident.id, kind: 'consult_opened', teamIds: [w.team.id] },
    ]);
  });

  it('a journal entry of a missing author rolls the consult back', async () => {
    const w = await world();
    db.update(incidents).set({ status: 'in_progress' }).run();
    const incident = { ...w.incident, status: 'in_progress' as const };
    const was = snapshot();
    const ghost = { ...w.agent, id: 99_999 };
    expect(() =>
      commitSync(db, openConsultEffects({ incident, team: 'cps', actor: ghost, now })),
    ).toThrow(/FOREIGN KEY/);
    expect(snapshot()).toEqual(was);
  });
});

describe('customer note commits', () => {
  const note = (
    w: Awaited<ReturnType<typeof world>>,
    actor: Actor,
    incident: Incident = w.incident,
  ) =>
    customerNoteEffects({
      incident,
      actor,
      partnerScope: { partnerTeamId: null },
      body: 'Here is the answer.\nMore.',
      ownerTeamName: w.team.name,
      now,
      mail: mail(incident),
    });

  it('an answer sends the case back: one incident event, its journal, notifications and mail', async () => {
    const w = await world();
    const before = latestChangeId(db);
    const was = snapshot();
    commitSync(db, note(w, w.customer));
    expect(changesSince(db, before)).toMatchObject([
      {
        entity: 'incident',
        entityId: w.incident.id,
        kind: 'customer_note',
        teamIds: [w.team.id],
        userIds: [w.agent.id],
      },
    ]);
    expect(changesSince(db, before)).toHaveLength(1);
    const now_ = snapshot();
    expect(now_.incidents[0]).toMatchObject({ status: 'in_progress', version: 2 });
    expect(now_.outbox - was.outbox).toBe(1);
    expect(now_.notifications - was.notifications).toBe(2);
  });

  it('a stale incident (someone changed it) leaves no journal, notification, mail or event', async () => {
    const w = await world();
    db.update(incidents).set({ version: 5 }).run();
    const was = snapshot();
    expect(() => commitSync(db, note(w, w.customer))).toThrow(/changed by someone else/);
    expect(snapshot()).toEqual(was);
  });
});
