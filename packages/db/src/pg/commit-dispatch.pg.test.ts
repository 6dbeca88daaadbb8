// `commit(db, plan)` on a PostgreSQL Reader (issue 20, stage 3): the one commit every procedure awaits
// runs on pg through commitPg, with the plan reading through the transaction, numbers and ids
// reserved on pg, and the SLA clocks kept in the same transaction — the same rows as on SQLite.
import {
  createIncident,
  DomainError,
  incidentUpdate,
  newIncidentEffects,
  effects,
  type Actor,
  type Effects,
} from '@handoff/domain';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Db } from '../client';
import { commit, commitSync } from '../commit';
import { changesSince } from '../change-feed/changes-since';
import { findById, reserveIncident, reserveNumber } from '../repositories/incident';
import { reserveProblem } from '../repositories/problem';
import { reserveNumber as reserveOutageNumber } from '../repositories/outage';
import { tablesOf } from '../reader';
import { createTestDb, type TestDb } from '../testing';
import { changeChannel } from './commit';
import { changesSincePg } from './change-feed';
import { copyToPg, type PgCopy } from './testing';

const at = '2026-11-24T16:00:00.000Z';
let lite: TestDb;
let pg: PgCopy;
let actor: Actor;
let serviceId: number;
beforeAll(async () => {
  lite = createTestDb();
  pg = await copyToPg(lite.db);
  const { users, teamMembers, services } = tablesOf(lite.db);
  const l1 = lite.db.select().from(users).where(eq(users.email, 'l1@handoff.test')).get()!;
  const teamIds = lite.db
    .select({ id: teamMembers.teamId })
    .from(teamMembers)
    .where(eq(teamMembers.userId, l1.id))
    .all()
    .map((m) => m.id);
  actor = { id: l1.id, name: l1.name, role: 'l1', teamIds, customerId: null };
  serviceId = lite.db.select().from(services).orderBy(asc(services.id)).limit(1).get()!.id;
}, 60_000);
afterAll(async () => {
  lite?.close();
  await pg?.close();
});

/** A phone call's create, as incident.create decides it, with its number taken inside the plan. */
const createPlan = async (read: Db) => {
  const drafts = createIncident({
    input: {
      callerName: 'Casey Caller',
      callerPhone: '608-555-0199',
      serviceId,
      description: 'VPN drops every ten minutes.',
      channel: 'phone',
    },
    actor,
    now: at,
    ownerTeamId: actor.teamIds[0]!,
  });
  return newIncidentEffects(drafts, { number: await reserveNumber(read), now: at });
};

/** What a commit left behind for an incident, on either engine. */
async function footprint(db: Db, incidentId: number) {
  const { slaClocks, journalEntries, auditEvents } = tablesOf(db);
  const without = <T extends { id: number }>(rows: T[]) => rows.map(({ id: _, ...r }) => r);
  return {
    incident: await findById(db, incidentId),
    clocks: without(
      await db
        .select()
        .from(slaClocks)
        .where(eq(slaClocks.incidentId, incidentId))
        .orderBy(asc(slaClocks.kind), asc(slaClocks.teamId)),
    ),
    journal: without(
      await db
        .select()
        .from(journalEntries)
        .where(eq(journalEntries.incidentId, incidentId))
        .orderBy(asc(journalEntries.id)),
    ),
    audit: without(
      await db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.incidentId, incidentId))
        .orderBy(asc(auditEvents.id)),
    ),
  };
}

describe('commit() on a PostgreSQL Reader', () => {
  test('a create writes the same incident, number, journal, audit and SLA clocks as on SQLite', async () => {
    const onLite = await commit(lite.db, createPlan);
    const onPg = await commit(pg.reader, createPlan);
    const [a, b] = [
      onLite.row('incident', { ref: 'incident' }),
      onPg.row('incident', { ref: 'incident' }),
    ];
    expect(b.id).toBe(a.id);
    expect(b.number).toBe(a.number);
    const [fa, fb] = [await footprint(lite.db, a.id), await footprint(pg.reader, b.id)];
    expect(fa.clocks.length).toBeGreaterThan(0);
    expect((fb.incident as { slaDueAt?: string | null }).slaDueAt).toBeTruthy();
    expect(fb).toEqual(fa);
    // The change events, clocks' included, in the same order with the same kinds.
    const kinds = (rows: { entity: string; kind: string }[]) =>
      rows.map((r) => `${r.entity}.${r.kind}`);
    const pgChanges = (await changesSincePg(pg.db, 0)).filter((c) => onPg.changeIds.includes(c.id));
    const liteChanges = changesSince(lite.db, 0).filter((c) => onLite.changeIds.includes(c.id));
    expect(kinds(pgChanges)).toEqual(kinds(liteChanges));
    expect(pgChanges.map((c) => c.id)).toEqual(onPg.changeIds);
  });

  test('a create with its SLA clocks NOTIFYs once, with its last change id, after one ordering lock', async () => {
    const listener = await pg.db.$client.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.payload ?? ''));
    await listener.query(`LISTEN ${changeChannel}`);
    try {
      const result = await commit(pg.reader, createPlan);
      const kinds = (await changesSincePg(pg.db, result.changeIds[0]! - 1)).map((c) => c.entity);
      expect(kinds).toContain('slaClock');
      expect(kinds).toContain('incident');
      await expect.poll(() => heard.length).toBe(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toEqual([String(result.changeIds.at(-1))]);
      expect(result.changeIds).toEqual([...result.changeIds].sort((x, y) => x - y));
    } finally {
      await listener.query(`UNLISTEN ${changeChannel}`);
      listener.release();
    }
  });

  test('ids and numbers reserved inside plans on pg are the ones the inserts get, and roll back with a refusal', async () => {
    let taken = { id: 0, number: '' };
    const reserved = await commit(pg.reader, async (read): Promise<Effects> => {
      taken = await reserveIncident(read);
      const drafts = createIncident({
        input: { callerName: 'P', callerPhone: '1', serviceId, description: 'd', channel: 'phone' },
        actor,
        now: at,
        ownerTeamId: actor.teamIds[0]!,
      });
      const decided = newIncidentEffects(drafts, { number: taken.number, now: at });
      const [insert, ...rest] = decided.writes;
      if (insert?.op !== 'insert') throw new Error('the create starts with its insert');
      return {
        ...decided,
        writes: [
          { ...insert, values: { ...insert.values, id: taken.id } } as typeof insert,
          ...rest,
        ],
      };
    });
    const created = reserved.row('incident', { ref: 'incident' });
    expect(created).toMatchObject(taken);
    const again = await commit(pg.reader, createPlan);
    expect(again.row('incident', { ref: 'incident' }).id).toBeGreaterThan(created.id);
    // A refusal after taking a number rolls the counter back: the next create gets that number.
    const before = await commit(pg.reader, async (read) => {
      await reserveNumber(read);
      throw new DomainError('VALIDATION', 'refused after taking a number');
    }).catch((e: unknown) => e);
    expect(before).toBeInstanceOf(DomainError);
    const lastNumber = Number(again.row('incident', { ref: 'incident' }).number.replace(/\D/g, ''));
    const next = await commit(pg.reader, createPlan);
    expect(Number(next.row('incident', { ref: 'incident' }).number.replace(/\D/g, ''))).toBe(
      lastNumber + 1,
    );
    // Problems and outages take theirs the same way.
    const problem = await commit(pg.reader, async (read) => {
      const p = await reserveProblem(read);
      expect(p.id).toBeGreaterThan(0);
      expect(p.number).toMatch(/^PRB/);
      expect(await reserveOutageNumber(read)).toMatch(/^OUT/);
      return effects(at);
    });
    expect(problem.changeIds).toEqual([]);
  });

  test('a stale write is CONFLICT on pg and leaves nothing behind; commitSync refuses a pg handle', async () => {
    const made = (await commit(pg.reader, createPlan)).row('incident', { ref: 'incident' });
    const write = incidentUpdate(
      made,
      { description: 'first edit', version: made.version + 1 },
      made.version,
    );
    await commit(pg.reader, effects(at, { writes: [write] }));
    const stale = await commit(
      pg.reader,
      effects(at, {
        writes: [
          incidentUpdate(
            made,
            { description: 'stale edit', version: made.version + 1 },
            made.version,
          ),
        ],
      }),
    ).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(DomainError);
    expect((stale as DomainError).code).toBe('CONFLICT');
    const { incidents } = tablesOf(pg.reader);
    const [row] = await pg.reader
      .select()
      .from(incidents)
      .where(and(eq(incidents.id, made.id)));
    expect(row!.description).toBe('first edit');
    expect(() => commitSync(pg.reader, effects(at))).toThrow(/SQLite-only/);
  });
});
