import { effects, incidentEvent, incidentUpdate, type Incident } from '@handoff/domain';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { changesSince, latestChangeId } from '../change-feed';
import { type Db } from '../client';
import { commitSync } from '../commit/commit';
import { findClocks } from '../repositories/sla';
import { incidents, journalEntries } from '../schema';
import { createTestDb, type TestDb } from '../testing';
import { buildIncident, buildSlaPolicy, buildTeam, buildUser } from '../testing/builders';

let t: TestDb;
let db: Db;
beforeEach(() => {
  t = createTestDb({ seed: false });
  db = t.db;
});
afterEach(() => t.close());

const change = (incident: Incident, set: Partial<Incident>, at: string) =>
  commitSync(db, (read) => {
    const current = read.select().from(incidents).where(eq(incidents.id, incident.id)).get()!;
    const next = { ...set, version: current.version + 1, updatedAt: at };
    return effects(at, {
      writes: [incidentUpdate(current, next, current.version)],
      events: [incidentEvent(current.id, 'edited', null, current, next)],
    });
  });

const slaDue = (id: number) =>
  db
    .select({ due: incidents.slaDueAt, key: incidents.nextBreachAt })
    .from(incidents)
    .where(eq(incidents.id, id))
    .get();

describe('the commit keeps every written incident’s clocks', () => {
  test('in the same commit: started, paused, resumed, stopped, with the queue’s breach key and a slaClock event', async () => {
    const team = await buildTeam(db);
    await buildSlaPolicy(db, { teamId: team.id });
    const agent = await buildUser(db, {}, [team.id]);
    const incident = await buildIncident(db, {
      ownerTeamId: team.id,
      createdAt: '2026-03-02T12:00:00.000Z',
    });

    const before = latestChangeId(db);
    const started = change(incident, { description: 'More detail' }, '2026-03-02T12:00:00.000Z');
    expect((await findClocks(db, incident.id)).map((c) => [c.kind, c.dueAt])).toEqual([
      ['resolution', '2026-03-02T20:00:00.000Z'],
      ['first_response', '2026-03-02T13:00:00.000Z'],
    ]);
    expect(slaDue(incident.id)).toEqual({
      due: '2026-03-02T13:00:00.000Z',
      key: '2026-03-02T13:00:00.000Z',
    });
    expect(changesSince(db, before)).toMatchObject([
      { entity: 'incident', entityId: incident.id, kind: 'edited' },
      { entity: 'slaClock', entityId: incident.id, kind: 'clocks_changed', teamIds: [team.id] },
    ]);
    expect(started.changeIds).toHaveLength(2);

    change(incident, { ownerAgentId: agent.id, status: 'in_progress' }, '2026-03-02T12:30:00.000Z');
    change(incident, { status: 'pending_customer' }, '2026-03-02T13:00:00.000Z');
    expect(
      (await findClocks(db, incident.id)).map((c) => [c.kind, c.outcome, c.runningSince]),
    ).toEqual([
      ['resolution', null, null],
      ['first_response', 'met', null],
    ]);
    expect(slaDue(incident.id)).toEqual({ due: null, key: '~' });

    change(incident, { status: 'in_progress' }, '2026-03-02T15:00:00.000Z');
    // 1 h used before the pause: 7 h left from 15:00.
    expect(slaDue(incident.id)?.due).toBe('2026-03-02T22:00:00.000Z');
    change(incident, { status: 'resolved' }, '2026-03-02T16:00:00.000Z');
    expect((await findClocks(db, incident.id))[0]).toMatchObject({
      outcome: 'met',
      usedMs: 2 * 3_600_000,
    });
    expect(slaDue(incident.id)?.due).toBeNull();
  });

  test('a commit that changes no clock announces no clock event', async () => {
    const incident = await buildIncident(db);
    const before = latestChangeId(db);
    change(incident, { description: 'x' }, '2026-03-02T12:00:00.000Z');
    expect(changesSince(db, before).map((c) => c.entity)).toEqual(['incident']);
    expect(await findClocks(db, incident.id)).toEqual([]);
  });

  test('a commit that fails rolls its clocks back with it', async () => {
    const team = await buildTeam(db);
    await buildSlaPolicy(db, { teamId: team.id });
    const incident = await buildIncident(db, { ownerTeamId: team.id });
    const before = latestChangeId(db);
    expect(() =>
      commitSync(db, (read) => {
        const current = read.select().from(incidents).where(eq(incidents.id, incident.id)).get()!;
        return effects('2026-03-02T12:00:00.000Z', {
          writes: [incidentUpdate(current, { version: 2, updatedAt: 'x' }, 1)],
          // A journal entry by a user who does not exist: FOREIGN KEY, after the clocks were written.
          journal: [
            {
              entity: 'incident',
              id: current.id,
              entry: {
                kind: 'note',
                visibility: 'internal',
                body: 'x',
                authorId: 999_999,
                data: null,
                createdAt: 'x',
              },
            },
          ],
        });
      }),
    ).toThrow();
    expect(await findClocks(db, incident.id)).toEqual([]);
    expect(changesSince(db, before)).toEqual([]);
    expect(db.select().from(journalEntries).all()).toEqual([]);
  });

  test('a kb promise on the incident runs as a clock with the promised due', async () => {
    const team = await buildTeam(db);
    const incident = await buildIncident(db, { ownerTeamId: team.id });
    change(
      incident,
      { promises: { techContactBy: '2026-03-02T13:00:00Z' } },
      '2026-03-02T12:00:00.000Z',
    );
    expect(await findClocks(db, incident.id)).toMatchObject([
      {
        kind: 'tech_contact_by',
        promisedAt: '2026-03-02T13:00:00Z',
        dueAt: '2026-03-02T13:00:00.000Z',
      },
    ]);
  });
});
