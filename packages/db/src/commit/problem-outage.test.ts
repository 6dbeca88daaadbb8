// Problems and outages through the commit module: each mutation commits exactly the change events
// its effects name, and a failure half-way leaves no row, journal, audit, outbox mail or event.
import {
  assignProblemEffects,
  createProblemEffects,
  DomainError,
  linkProblemToOutageEffects,
  resolveAttachedIncidentsEffects,
  startOutageEffects,
  teamNames,
  type Actor,
} from '@handoff/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { changesSince, latestChangeId } from '../change-feed';
import { type Db } from '../client';
import { findAttached, findById, reserveProblem } from '../repositories/problem';
import { findAllServices } from '../repositories/catalog';
import {
  auditEvents,
  incidents,
  journalEntries,
  outages,
  outageUpdates,
  outbox,
  problemAudit,
  problemJournal,
  problems,
} from '../schema';
import { useEmptyDb } from '../testing/change-kit';
import {
  buildCustomer,
  buildIncident,
  buildService,
  buildTeam,
  buildUser,
} from '../testing/builders';
import { commitSync, commit } from './commit';

const now = '2026-11-24T17:00:00.000Z';
let db: Db;
useEmptyDb((opened) => {
  db = opened;
});

const actorOf = (u: { id: number; name: string; role: Actor['role'] }): Actor =>
  ({ id: u.id, name: u.name, role: u.role }) as Actor;

const snapshot = () => ({
  problems: db.select().from(problems).all(),
  problemJournal: db.select().from(problemJournal).all().length,
  problemAudit: db.select().from(problemAudit).all().length,
  incidents: db.select().from(incidents).all(),
  journal: db.select().from(journalEntries).all().length,
  audit: db.select().from(auditEvents).all().length,
  outages: db.select().from(outages).all(),
  outageUpdates: db.select().from(outageUpdates).all().length,
  outbox: db.select().from(outbox).all().length,
  changes: changesSince(db, 0).length,
});

async function world() {
  const hdqaTeam = await buildTeam(db, { name: teamNames.hdqa });
  const sysops = await buildTeam(db, { name: teamNames.snccSysops });
  const network = await buildTeam(db, { name: teamNames.snccNetwork });
  const service = await buildService(db);
  const hdqa = actorOf(await buildUser(db, { role: 'hdqa' }, [hdqaTeam.id]));
  const sncc = actorOf(await buildUser(db, { role: 'sncc' }, [sysops.id]));
  const creator = await buildUser(db);
  const customer = await buildCustomer(db);
  const a = await buildIncident(db, {
    serviceId: service.id,
    customerId: customer.id,
    createdById: creator.id,
    ownerTeamId: hdqaTeam.id,
  });
  const b = await buildIncident(db, {
    serviceId: service.id,
    customerId: customer.id,
    ownerTeamId: hdqaTeam.id,
  });
  const teams = {
    [teamNames.hdqa]: hdqaTeam.id,
    [sysops.name]: sysops.id,
    [network.name]: network.id,
  };
  return { hdqaTeam, sysops, network, service, hdqa, sncc, creator, a, b, teams };
}

async function createProblem(w: Awaited<ReturnType<typeof world>>) {
  const committed = await commit(db, async (read) =>
    createProblemEffects({
      input: { incidentIds: [w.a.id, w.b.id] },
      incidents: [w.a, w.b],
      services: await findAllServices(read),
      teams: w.teams,
      partnerTicketIds: new Set(),
      actor: w.hdqa,
      now,
      ...(await reserveProblem(read)),
    }),
  );
  return committed.row('problem', { ref: 'problem' });
}

function declareOutage(w: Awaited<ReturnType<typeof world>>) {
  return db
    .insert(outages)
    .values({
      number: 'OUT-000001',
      title: 'Wired network down',
      kind: 'unplanned',
      status: 'active',
      publicSummary: 'Investigating.',
      startAt: now,
      ownerTeamId: w.sysops.id,
      declaredById: w.sncc.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
}

describe('problem commits', () => {
  it('creating a problem commits the problem event and one link event per incident, nothing else', async () => {
    const w = await world();
    const before = latestChangeId(db);
    const problem = await createProblem(w);
    expect(problem).toMatchObject({ number: 'PRB-000001', version: 1, ownerTeamId: w.hdqaTeam.id });
    const changes = changesSince(db, before);
    expect(changes).toHaveLength(3);
    expect(changes).toMatchObject([
      {
        entity: 'problem',
        entityId: problem.id,
        kind: 'created',
        teamIds: [w.hdqaTeam.id],
        userIds: [w.hdqa.id],
      },
      {
        entity: 'incident',
        entityId: w.a.id,
        kind: 'linked_to_problem',
        teamIds: [w.hdqaTeam.id],
        userIds: [w.creator.id],
      },
      {
        entity: 'incident',
        entityId: w.b.id,
        kind: 'linked_to_problem',
        teamIds: [w.hdqaTeam.id],
        userIds: [],
      },
    ]);
    expect(db.select().from(incidents).where(eq(incidents.id, w.a.id)).get()).toMatchObject({
      problemId: problem.id,
      version: 2,
    });
  });

  it('assigning names the owner team before and after', async () => {
    const w = await world();
    const problem = await createProblem(w);
    const before = latestChangeId(db);
    await commit(db, async (read) =>
      assignProblemEffects(
        { problem: (await findById(read, problem.id))!, actor: w.hdqa, now, teams: w.teams },
        { problemId: problem.id, expectedVersion: 1, teamId: w.network.id },
      ),
    );
    expect(changesSince(db, before)).toMatchObject([
      {
        entity: 'problem',
        entityId: problem.id,
        kind: 'assigned',
        teamIds: [w.hdqaTeam.id, w.network.id].sort((x, y) => x - y),
        userIds: [w.hdqa.id],
      },
    ]);
    expect(changesSince(db, before)).toHaveLength(1);
    expect(await findById(db, problem.id)).toMatchObject({ ownerTeamId: w.network.id, version: 2 });
  });

  it('a stale second write in the same commit leaves no problem row, journal, audit or event behind', async () => {
    const w = await world();
    const problem = await createProblem(w);
    const was = snapshot();
    const assign = (expectedVersion: number) =>
      assignProblemEffects(
        { problem: { ...problem, version: expectedVersion }, actor: w.hdqa, now, teams: w.teams },
        { problemId: problem.id, expectedVersion, teamId: w.network.id },
      );
    const first = assign(1);
    // The second decision was made on version 1 too: the row has moved on, so it misses.
    expect(() =>
      commitSync(db, { ...first, writes: [...first.writes, ...assign(1).writes] }),
    ).toThrow(DomainError);
    expect(snapshot()).toEqual(was);
  });

  it('an audit row of a missing user (FOREIGN KEY) rolls back the whole create', async () => {
    const w = await world();
    const was = snapshot();
    await expect(
      commit(db, async (read) => {
        const e = createProblemEffects({
          input: { incidentIds: [w.a.id] },
          incidents: [w.a],
          services: await findAllServices(read),
          teams: w.teams,
          partnerTicketIds: new Set(),
          actor: { ...w.hdqa, id: 99_999 },
          now,
          ...(await reserveProblem(read)),
        });
        return e;
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(snapshot()).toEqual(was);
  });
});

describe('Resolve Attached Incidents commits', () => {
  it('resolves every open incident, mails the customer once, resolves the outage: exactly these events', async () => {
    const w = await world();
    const outage = declareOutage(w);
    const problem = await createProblem(w);
    await commit(db, async (read) =>
      linkProblemToOutageEffects(
        { problem: (await findById(read, problem.id))!, actor: w.sncc, now, outage },
        { problemId: problem.id, expectedVersion: 1, outageId: outage.id },
      ),
    );
    const before = latestChangeId(db);
    const mails = snapshot().outbox;
    await commit(db, async (read) =>
      resolveAttachedIncidentsEffects({
        problem: (await findById(read, problem.id))!,
        outage: read.select().from(outages).where(eq(outages.id, outage.id)).get()!,
        attached: await findAttached(read, problem.id),
        actor: w.sncc,
        now,
        expectedVersion: 2,
      }),
    );
    const changes = changesSince(db, before);
    expect(changes).toHaveLength(4);
    expect(changes).toMatchObject([
      { entity: 'incident', entityId: w.a.id, kind: 'resolved_attached' },
      { entity: 'incident', entityId: w.b.id, kind: 'resolved_attached' },
      {
        entity: 'problem',
        entityId: problem.id,
        kind: 'resolved_attached',
        teamIds: [w.hdqaTeam.id],
      },
      {
        entity: 'outage',
        entityId: outage.id,
        kind: 'resolved',
        teamIds: [w.sysops.id],
        userIds: [w.sncc.id],
      },
    ]);
    expect(snapshot().outbox - mails).toBe(1); // one customer, one e-mail
    expect(db.select().from(outages).get()).toMatchObject({ status: 'resolved', version: 2 });
  });

  it('an outage that moved on rolls back every incident, mail and event of the run', async () => {
    const w = await world();
    const outage = declareOutage(w);
    const problem = await createProblem(w);
    await commit(db, async (read) =>
      linkProblemToOutageEffects(
        { problem: (await findById(read, problem.id))!, actor: w.sncc, now, outage },
        { problemId: problem.id, expectedVersion: 1, outageId: outage.id },
      ),
    );
    const decided = resolveAttachedIncidentsEffects({
      problem: (await findById(db, problem.id))!,
      outage,
      attached: await findAttached(db, problem.id),
      actor: w.sncc,
      now,
      expectedVersion: 2,
    });
    commitSync(db, () =>
      startOutageEffects(
        { outage: { ...outage, status: 'planned' }, actor: w.sncc, now },
        { outageId: outage.id, expectedVersion: 1 },
      ),
    ); // someone else changed the outage meanwhile (version 2)
    const was = snapshot();
    expect(() => commitSync(db, decided)).toThrow(/changed by someone else/);
    expect(snapshot()).toEqual(was);
  });
});
