import {
  DomainError,
  effects,
  formatIncidentNumber,
  incidentAudit,
  incidentEvent,
  incidentJournal,
  incidentNotifications,
  incidentUpdate,
  insertRow,
  mailFor,
  newIncidentRef,
  deleteRows,
  type Effects,
} from '@handoff/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { changesSince } from '../change-feed';
import { type Db } from '../client';
import { reserveNumber, reserveNumberSync } from '../repositories/incident';
import {
  auditEvents,
  counters,
  incidents,
  journalEntries,
  notifications,
  outbox,
  users,
} from '../schema';
import { useEmptyDb } from '../testing/change-kit';
import { buildIncident, buildTeam, buildUser } from '../testing/builders';
import { commit, commitSync, exclusive } from './commit';

const at = '2026-11-24T17:00:00.000Z';

let db: Db;
useEmptyDb((opened) => {
  db = opened;
});

const counts = () => ({
  journal: db.select().from(journalEntries).all().length,
  audit: db.select().from(auditEvents).all().length,
  notifications: db.select().from(notifications).all().length,
  outbox: db.select().from(outbox).all().length,
  changes: changesSince(db, 0).length,
});

const mail = (incidentId: Parameters<typeof mailFor>[0]) =>
  mailFor(incidentId, [
    {
      incidentId: null,
      template: 'resolved',
      toAddress: 'pat@example.edu',
      toName: 'Pat',
      subject: 'Resolved',
      textBody: 'Done.',
    },
  ]);

function resolveEffects(
  incident: { id: number; ownerTeamId: number },
  actorId: number,
  expectedVersion = 1,
): Effects {
  return effects(at, {
    writes: [
      incidentUpdate(
        incident,
        { status: 'resolved', version: expectedVersion + 1, updatedAt: at },
        expectedVersion,
      ),
    ],
    journal: incidentJournal(incident.id, [
      {
        kind: 'note',
        visibility: 'customer',
        body: 'Fixed',
        authorId: actorId,
        data: null,
        createdAt: at,
      },
    ]),
    audit: incidentAudit(incident.id, [
      {
        actorId,
        field: 'status',
        fromValue: 'new',
        toValue: 'resolved',
        version: expectedVersion + 1,
        at,
      },
    ]),
    notifications: incidentNotifications(incident.id, [
      {
        audience: 'team',
        targetId: incident.ownerTeamId,
        template: 'resolved',
        subject: 's',
        body: 'b',
      },
    ]),
    presence: [{ userId: actorId, presence: 'busy' }],
    outbox: mail(incident.id),
    events: [
      incidentEvent(incident.id, 'onestep.resolve', actorId, {
        ownerTeamId: incident.ownerTeamId,
        ownerAgentId: null,
        createdById: null,
      }),
    ],
  });
}

describe('commit', () => {
  it('applies an update with its journal, audit, notification, presence, outbox mail and change event in one go', async () => {
    const team = await buildTeam(db);
    const agent = await buildUser(db, {}, [team.id]);
    const incident = await buildIncident(db, { ownerTeamId: team.id });
    const result = await commit(db, resolveEffects(incident, agent.id));
    expect(result.row('incident', incident.id)).toMatchObject({ status: 'resolved', version: 2 });
    expect(counts()).toEqual({ journal: 1, audit: 1, notifications: 1, outbox: 1, changes: 1 });
    expect(db.select().from(users).where(eq(users.id, agent.id)).get()).toMatchObject({
      presence: 'busy',
      presenceChangedAt: at,
    });
    expect(changesSince(db, 0)).toEqual([
      {
        id: result.changeIds[0],
        entity: 'incident',
        entityId: incident.id,
        kind: 'onestep.resolve',
        teamIds: [team.id],
        userIds: [],
        actorId: agent.id,
        at,
      },
    ]);
  });

  it('refuses a stale version with CONFLICT naming the current version, and writes nothing', async () => {
    const incident = await buildIncident(db);
    const agent = await buildUser(db);
    commitSync(db, resolveEffects(incident, agent.id));
    const before = counts();
    const stale = commit(db, resolveEffects(incident, agent.id, 1));
    await expect(stale).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('it is now 2'),
    });
    expect(counts()).toEqual(before);
  });

  it('checks extra conditions: a first claim misses once someone owns it', async () => {
    const owner = await buildUser(db);
    const incident = await buildIncident(db, { ownerAgentId: owner.id });
    const claim = effects(at, {
      writes: [
        incidentUpdate(incident, { ownerAgentId: owner.id + 1 }, 1, {
          still: { ownerAgentId: null },
          conflict: 'Someone claimed it first.',
        }),
      ],
    });
    expect(() => commitSync(db, claim)).toThrow(
      new DomainError('CONFLICT', 'Someone claimed it first.'),
    );
    const unowned = await buildIncident(db);
    const ok = commitSync(
      db,
      effects(at, {
        writes: [
          incidentUpdate(unowned, { ownerAgentId: owner.id, version: 2 }, 1, {
            still: { ownerAgentId: null },
          }),
        ],
      }),
    );
    expect(ok.row('incident', unowned.id).ownerAgentId).toBe(owner.id);
  });

  it('writes JSON columns through the prepared update, for every shape of update', async () => {
    const incident = await buildIncident(db);
    const promises = { contactBy: at };
    commitSync(
      db,
      effects(at, { writes: [incidentUpdate(incident, { promises, version: 2 }, 1)] }),
    );
    commitSync(
      db,
      effects(at, { writes: [incidentUpdate(incident, { promises: {}, version: 3 }, 2)] }),
    );
    commitSync(
      db,
      effects(at, { writes: [incidentUpdate(incident, { promises, version: 4 }, 3)] }),
    );
    expect(db.select().from(incidents).where(eq(incidents.id, incident.id)).get()).toMatchObject({
      promises,
      version: 4,
    });
  });

  it('inserts a new row under a ref that its journal, mail and event point at; the plan loads inside the transaction', async () => {
    const team = await buildTeam(db);
    const seed = await buildIncident(db, { ownerTeamId: team.id });
    const result = commitSync(db, (read) => {
      const number = reserveNumberSync(read);
      return effects(at, {
        writes: [
          insertRow(
            'incident',
            { ...seed, id: undefined, number, version: 1 } as never,
            newIncidentRef.ref,
          ),
        ],
        journal: incidentJournal(newIncidentRef, [
          {
            kind: 'system',
            visibility: 'internal',
            body: 'Created',
            authorId: null,
            data: null,
            createdAt: at,
          },
        ]),
        outbox: mail(newIncidentRef),
        events: [incidentEvent(newIncidentRef, 'created', null, null, { ownerTeamId: team.id })],
      });
    });
    const id = result.ids.get('incident')!;
    // The number after the built incident's, from the counter the plan reserved it under.
    const number = formatIncidentNumber(Number(seed.number.replace('INC-', '')) + 1);
    expect(result.row('incident', newIncidentRef)).toMatchObject({ id, number });
    expect(db.select().from(journalEntries).all()).toMatchObject([
      { incidentId: id, body: 'Created' },
    ]);
    expect(db.select().from(outbox).all()).toMatchObject([
      { incidentId: id, subject: `[${number}] Resolved` },
    ]);
    expect(changesSince(db, 0)).toMatchObject([
      { entityId: id, kind: 'created', teamIds: [team.id] },
    ]);
  });

  it('a failure half-way through leaves no row, journal entry, outbox mail or change event behind', async () => {
    const incident = await buildIncident(db);
    const agent = await buildUser(db);
    const broken = resolveEffects(incident, agent.id);
    // The audit row names an actor that does not exist: the foreign key fails after the update and journal.
    broken.audit[0]!.entry.actorId = 9999;
    expect(() => commitSync(db, broken)).toThrow(/FOREIGN KEY/);
    expect(counts()).toEqual({ journal: 0, audit: 0, notifications: 0, outbox: 0, changes: 0 });
    expect(db.select().from(incidents).where(eq(incidents.id, incident.id)).get()).toMatchObject({
      status: 'new',
      version: 1,
    });
  });

  it('a plan that refuses after reserving a number rolls the number back too', () => {
    const before = db.select().from(counters).all();
    expect(() =>
      commitSync(db, (read) => {
        reserveNumberSync(read);
        throw new DomainError('VALIDATION', 'No.');
      }),
    ).toThrow('No.');
    expect(db.select().from(counters).all()).toEqual(before);
  });

  it('refuses an asynchronous plan on SQLite, writing nothing', async () => {
    const incident = await buildIncident(db);
    expect(() =>
      commitSync(db, (() => Promise.resolve(resolveEffects(incident, 1))) as never),
    ).toThrow(/synchronous/);
    expect(counts().changes).toBe(0);
  });

  it('a delete that expects one row and finds none is a CONFLICT', async () => {
    const incident = await buildIncident(db);
    commitSync(
      db,
      effects(at, { writes: [deleteRows('incident', { id: incident.id }, { expectRows: 1 })] }),
    );
    expect(() =>
      commitSync(
        db,
        effects(at, { writes: [deleteRows('incident', { id: incident.id }, { expectRows: 1 })] }),
      ),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});

describe('commit with an asynchronous plan', () => {
  const later = () => new Promise<void>((resolve) => setTimeout(resolve, 5));
  const versionOf = (id: number) =>
    db.select().from(incidents).where(eq(incidents.id, id)).get()!.version;

  it('a refusal thrown after an await rolls back everything, its reserved number too', async () => {
    const incident = await buildIncident(db);
    const before = { ...counts(), counters: db.select().from(counters).all() };
    const refused = commit(db, async (read) => {
      await reserveNumber(read);
      await later();
      throw new DomainError('VALIDATION', 'Not after all.');
    });
    await expect(refused).rejects.toThrow('Not after all.');
    expect({ ...counts(), counters: db.select().from(counters).all() }).toEqual(before);
    expect(versionOf(incident.id)).toBe(1);
    expect(db.$client.inTransaction).toBe(false);
  });

  it('applies what an asynchronous plan decides after its loads', async () => {
    const team = await buildTeam(db);
    const agent = await buildUser(db, {}, [team.id]);
    const incident = await buildIncident(db, { ownerTeamId: team.id });
    const result = await commit(db, async (read) => {
      await later();
      const row = read.select().from(incidents).where(eq(incidents.id, incident.id)).get()!;
      return resolveEffects(row, agent.id, row.version);
    });
    expect(result.row('incident', incident.id)).toMatchObject({ status: 'resolved', version: 2 });
    expect(counts()).toEqual({ journal: 1, audit: 1, notifications: 1, outbox: 1, changes: 1 });
  });

  it('two concurrent commits on one connection run one after the other: the second sees the first', async () => {
    const incident = await buildIncident(db);
    const bump = () =>
      commit(db, async (read) => {
        const { version } = read
          .select()
          .from(incidents)
          .where(eq(incidents.id, incident.id))
          .get()!;
        await later();
        return effects(at, {
          writes: [incidentUpdate(incident, { version: version + 1, updatedAt: at }, version)],
        });
      });
    const results = await Promise.all([bump(), bump()]);
    expect(results.map((r) => r.row('incident', incident.id).version)).toEqual([2, 3]);
    expect(versionOf(incident.id)).toBe(3);
  });

  it('a CONFLICT met after an await rolls back and is rethrown', async () => {
    const incident = await buildIncident(db);
    const agent = await buildUser(db);
    commitSync(db, resolveEffects(incident, agent.id));
    const before = { ...counts(), counters: db.select().from(counters).all() };
    const stale = commit(db, async (read) => {
      await reserveNumber(read);
      await later();
      return resolveEffects(incident, agent.id, 1);
    });
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT' });
    expect({ ...counts(), counters: db.select().from(counters).all() }).toEqual(before);
    expect(versionOf(incident.id)).toBe(2);
  });

  it('while a plan awaits, other reads run and see committed state; a synchronous commit is refused, a queued write waits', async () => {
    const incident = await buildIncident(db);
    const agent = await buildUser(db);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const pending = commit(db, async (read) => {
      await reserveNumber(read);
      await gate;
      throw new DomainError('VALIDATION', 'Refused at the end.');
    });
    await later();
    // Another request's read: not blocked, and it sees what is committed.
    expect(versionOf(incident.id)).toBe(1);
    expect(() => commitSync(db, resolveEffects(incident, agent.id))).toThrow(/await commit/);
    // A write outside the commit module waits for its turn instead of joining the open transaction.
    const queued = exclusive(db, () =>
      db.insert(counters).values({ name: 'queued', value: 7 }).run(),
    );
    release();
    await expect(pending).rejects.toThrow('Refused at the end.');
    await queued;
    expect(db.select().from(counters).where(eq(counters.name, 'queued')).get()).toEqual({
      name: 'queued',
      value: 7,
    });
    expect(versionOf(incident.id)).toBe(1);
  });
});
