// The commit module on a real PostgreSQL: the same Effects and guarantees as commit/commit.test.ts
// on SQLite, and what only a concurrent engine can show (first-claim race, write skew, feed order).
import {
  DomainError,
  deleteRows,
  effects,
  incidentAudit,
  incidentEvent,
  incidentJournal,
  incidentNotifications,
  incidentUpdate,
  insertRow,
  mailFor,
  newIncidentRef,
  type Effects,
} from '@handoff/domain';
import { eq, sql } from 'drizzle-orm';
import { type PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  incidents,
  journalEntries,
  notifications,
  outbox,
  teamMembers,
  users,
} from '../schema-pg';
import { changesSincePg, latestChangeIdPg } from './change-feed';
import { pgReader } from '../reader';
import { buildIncident, buildTeam, buildUser } from '../testing/builders';
import { type PgDb, type PgTx } from './client';
import { changeOrderLockKey, commitPg, pgCommitPort } from './commit';
import { createPgTestDb, type PgTestDb } from './testing';

const at = '2026-11-24T17:00:00.000Z';

let t: PgTestDb;
let db: PgDb;
beforeAll(async () => {
  t = await createPgTestDb();
  db = t.db;
});
afterAll(() => t.close());

const countOf = async (table: PgTable) =>
  (await db.execute(sql`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n as number;
const counts = async () => ({
  journal: await countOf(journalEntries),
  audit: await countOf(auditEvents),
  notifications: await countOf(notifications),
  outbox: await countOf(outbox),
  changes: (await changesSincePg(db, 0)).length,
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

/** A claim of an unowned incident, decided on the version the plan read. */
const claim = (incident: { id: number; ownerTeamId: number }, agentId: number, version: number) =>
  effects(at, {
    writes: [
      incidentUpdate(
        incident,
        { ownerAgentId: agentId, version: version + 1, updatedAt: at },
        version,
        {
          still: { ownerAgentId: null },
          conflict: 'Someone claimed it first.',
        },
      ),
    ],
    events: [
      incidentEvent(
        incident.id,
        'onestep.claim',
        agentId,
        { ownerTeamId: incident.ownerTeamId, ownerAgentId: null, createdById: null },
        { ownerAgentId: agentId },
      ),
    ],
  });

/** Resolves once `n` parties have arrived: both plans have read before either writes. */
function barrier(n: number) {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return () => {
    if (++arrived === n) open();
    return opened;
  };
}

describe('commitPg: the Effects of the SQLite commit, on PostgreSQL', () => {
  it('applies an update with its journal, audit, notification, presence, outbox mail and change event', async () => {
    const before = await counts();
    const team = await buildTeam(pgReader(db));
    const agent = await buildUser(pgReader(db), {}, [team.id]);
    const incident = await buildIncident(pgReader(db), { ownerTeamId: team.id });
    const result = await commitPg(db, resolveEffects(incident, agent.id));
    expect(result.row('incident', incident.id)).toMatchObject({ status: 'resolved', version: 2 });
    expect(await counts()).toEqual({
      journal: before.journal + 1,
      audit: before.audit + 1,
      notifications: before.notifications + 1,
      outbox: before.outbox + 1,
      changes: before.changes + 1,
    });
    const [user] = await db.select().from(users).where(eq(users.id, agent.id));
    expect(user).toMatchObject({ presence: 'busy', presenceChangedAt: at });
    expect(await changesSincePg(db, result.changeIds[0]! - 1)).toEqual([
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
    const [mailRow] = await db.select().from(outbox).where(eq(outbox.incidentId, incident.id));
    expect(mailRow).toMatchObject({ subject: `[${incident.number}] Resolved`, status: 'pending' });
  });

  it('refuses a stale version with CONFLICT naming the current version, and writes nothing', async () => {
    const incident = await buildIncident(pgReader(db));
    const agent = await buildUser(pgReader(db));
    await commitPg(db, resolveEffects(incident, agent.id));
    const before = await counts();
    await expect(commitPg(db, resolveEffects(incident, agent.id, 1))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('it is now 2'),
    });
    expect(await counts()).toEqual(before);
  });

  it('inserts a new row under a ref that its journal, mail and event point at; the plan loads inside the transaction', async () => {
    const team = await buildTeam(pgReader(db));
    const seed = await buildIncident(pgReader(db), { ownerTeamId: team.id });
    const result = await commitPg(db, async (read) => {
      const [found] = await read.select().from(incidents).where(eq(incidents.id, seed.id));
      return effects(at, {
        writes: [
          insertRow(
            'incident',
            {
              number: `${found!.number}-B`,
              callerName: found!.callerName,
              channel: found!.channel,
              serviceId: found!.serviceId,
              description: 'Second',
              status: 'new',
              ownerTeamId: team.id,
              version: 1,
              createdAt: at,
              updatedAt: at,
            } as never,
            newIncidentRef.ref,
          ),
        ],
        journal: incidentJournal(newIncidentRef, [
          {
            kind: 'system',
            visibility: 'internal',
            body: 'Created',
            authorId: null,
            data: { via: 'test' },
            createdAt: at,
          },
        ]),
        outbox: mail(newIncidentRef),
        events: [incidentEvent(newIncidentRef, 'created', null, null, { ownerTeamId: team.id })],
      });
    });
    const id = result.ids.get('incident')!;
    expect(result.row('incident', newIncidentRef)).toMatchObject({
      id,
      number: `${seed.number}-B`,
      promises: {},
    });
    expect(
      await db.select().from(journalEntries).where(eq(journalEntries.incidentId, id)),
    ).toMatchObject([{ body: 'Created', data: { via: 'test' } }]);
    expect(await db.select().from(outbox).where(eq(outbox.incidentId, id))).toMatchObject([
      { subject: `[${seed.number}-B] Resolved` },
    ]);
    expect(await changesSincePg(db, result.changeIds[0]! - 1)).toMatchObject([
      { entityId: id, kind: 'created', teamIds: [team.id] },
    ]);
  });

  it('a failure half-way through leaves no row, journal entry, outbox mail or change event behind', async () => {
    const incident = await buildIncident(pgReader(db));
    const agent = await buildUser(pgReader(db));
    const before = await counts();
    const broken = resolveEffects(incident, agent.id);
    // The audit row names an actor that does not exist: the foreign key fails after the update and journal.
    broken.audit[0]!.entry.actorId = 999_999;
    await expect(commitPg(db, broken)).rejects.toThrow();
    expect(await counts()).toEqual(before);
    const [row] = await db.select().from(incidents).where(eq(incidents.id, incident.id));
    expect(row).toMatchObject({ status: 'new', version: 1 });
  });

  it('a delete that expects one row and finds none is a CONFLICT; a refusing plan writes nothing', async () => {
    const incident = await buildIncident(pgReader(db));
    const del = effects(at, {
      writes: [deleteRows('incident', { id: incident.id }, { expectRows: 1 })],
    });
    await commitPg(db, del);
    await expect(commitPg(db, del)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      pgCommitPort(db).commit(() => {
        throw new DomainError('VALIDATION', 'No.');
      }),
    ).rejects.toThrow('No.');
  });
});

describe('concurrency on PostgreSQL (READ COMMITTED + row conditions)', () => {
  it('of two first claims that both read the unowned incident, exactly one wins', async () => {
    const team = await buildTeam(pgReader(db));
    const a = await buildUser(pgReader(db), {}, [team.id]);
    const b = await buildUser(pgReader(db), {}, [team.id]);
    const incident = await buildIncident(pgReader(db), { ownerTeamId: team.id });
    const bothRead = barrier(2);
    // The plan claims blindly, whatever it reads: when the loser's plan runs again (its row changed
    // after it read) it still asks for the claim, and the row condition still refuses it.
    const claimAs = (agentId: number) => {
      let runs = 0;
      return commitPg(db, async (read) => {
        const [row] = await read.select().from(incidents).where(eq(incidents.id, incident.id));
        if (runs++ === 0) {
          expect(row!.ownerAgentId).toBeNull();
          await bothRead();
        }
        return claim(row!, agentId, 1);
      });
    };
    const before = await latestChangeIdPg(db);
    const outcomes = await Promise.allSettled([claimAs(a.id), claimAs(b.id)]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o) => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({
      code: 'CONFLICT',
      message: 'Someone claimed it first.',
    });
    const [row] = await db.select().from(incidents).where(eq(incidents.id, incident.id));
    expect(row!.version).toBe(2);
    expect([a.id, b.id]).toContain(row!.ownerAgentId);
    expect(await changesSincePg(db, before)).toMatchObject([
      { kind: 'onestep.claim', actorId: row!.ownerAgentId },
    ]);
  });

  // A plan that checks rows it does not write: "a group keeps at least one member" while two
  // members leave at once. Row conditions cannot guard it; SERIALIZABLE does (the retried plan
  // sees the other's commit and refuses).
  const leave = (teamId: number, userId: number) => async (read: PgTx) => {
    const members = await read.select().from(teamMembers).where(eq(teamMembers.teamId, teamId));
    await new Promise((r) => setTimeout(r, 50));
    if (members.length < 2) throw new DomainError('VALIDATION', 'The last member cannot leave.');
    return effects(at, {
      writes: [deleteRows('teamMember', { teamId, userId }, { expectRows: 1 })],
    });
  };

  it.each([
    ['read committed', 0],
    ['serializable', 1],
  ] as const)(
    'write skew: under %s, %i member(s) remain after two members leave at once',
    async (isolation, remaining) => {
      const team = await buildTeam(pgReader(db));
      const a = await buildUser(pgReader(db), {}, [team.id]);
      const b = await buildUser(pgReader(db), {}, [team.id]);
      const outcomes = await Promise.allSettled([
        commitPg(db, leave(team.id, a.id), { isolation }),
        commitPg(db, leave(team.id, b.id), { isolation }),
      ]);
      const left = await db.select().from(teamMembers).where(eq(teamMembers.teamId, team.id));
      expect(left).toHaveLength(remaining);
      if (isolation === 'serializable')
        expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    },
  );
});

describe('change-feed order on PostgreSQL', () => {
  it('a commit waits for an in-flight committer holding the ordering lock, so ids follow commit order', async () => {
    const incident = await buildIncident(pgReader(db));
    const before = await latestChangeIdPg(db);
    // Another server mid-commit: it holds the ordering lock until it commits.
    const other = await db.$client.connect();
    await other.query('BEGIN');
    await other.query('SELECT pg_advisory_xact_lock($1)', [changeOrderLockKey]);
    let done = false;
    const mine = commitPg(db, claim(incident, (await buildUser(pgReader(db))).id, 1)).then((r) => {
      done = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(done).toBe(false);
    expect(await changesSincePg(db, before)).toEqual([]);
    await other.query('COMMIT');
    other.release();
    const result = await mine;
    expect(await changesSincePg(db, before)).toMatchObject([{ id: result.changeIds[0] }]);
  });

  it('a reader polling during many concurrent commits never skips an id', async () => {
    const team = await buildTeam(pgReader(db));
    const start = await latestChangeIdPg(db);
    const seen: number[] = [];
    let last = start;
    let writing = true;
    const reader = (async () => {
      while (writing || (await changesSincePg(db, last)).length > 0) {
        for (const c of await changesSincePg(db, last)) {
          seen.push(c.id);
          last = c.id;
        }
      }
    })();
    const commits = await Promise.all(
      Array.from({ length: 40 }, async () => {
        const incident = await buildIncident(pgReader(db), { ownerTeamId: team.id });
        const user = await buildUser(pgReader(db));
        return commitPg(db, claim(incident, user.id, 1));
      }),
    );
    writing = false;
    await reader;
    const all = commits.flatMap((c) => c.changeIds).sort((x, y) => x - y);
    expect(seen).toEqual(all);
    expect(all[0]).toBeGreaterThan(start);
  });

  it('a plan whose row changed after it read runs again and decides on what is committed', async () => {
    const team = await buildTeam(pgReader(db));
    const incident = await buildIncident(pgReader(db), { ownerTeamId: team.id });
    const agents = await Promise.all(Array.from({ length: 8 }, () => buildUser(pgReader(db))));
    const read = barrier(agents.length);
    let runs = 0;
    // Each plan reads, waits until every plan has read (all see an unclaimed incident), then claims.
    const outcomes = await Promise.all(
      agents.map((agent) =>
        commitPg(db, async (tx) => {
          runs++;
          const [row] = await tx.select().from(incidents).where(eq(incidents.id, incident.id));
          if (runs <= agents.length) await read();
          if (row!.ownerAgentId !== null)
            throw new DomainError('CONFLICT', `Already claimed by #${row!.ownerAgentId}.`);
          return claim(incident, agent.id, row!.version);
        }).then(
          () => 'claimed',
          (e: Error) => e.message,
        ),
      ),
    );
    const [winner] = await db
      .select({ owner: incidents.ownerAgentId })
      .from(incidents)
      .where(eq(incidents.id, incident.id));
    expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
    // Without the second run the losers would hear the write's own "Someone claimed it first.".
    expect(outcomes.filter((o) => o !== 'claimed')).toEqual(
      Array.from({ length: agents.length - 1 }, () => `Already claimed by #${winner!.owner}.`),
    );
  });
});
