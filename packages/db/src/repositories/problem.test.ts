import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { count, eq } from 'drizzle-orm';
import {
  createIncident,
  declareOutage,
  DomainError,
  formatIncidentNumber,
  setSettingEffects,
  type Actor,
  type Incident,
} from '@handoff/domain';
import * as changeFeed from '../change-feed';
import { type Db } from '../client';
import { commitSync } from '../commit';
import { counters, incidents } from '../schema';
import { createTestDb, demoKeys, incidentRows, outageProblemRows, type TestDb } from '../testing';
import * as outageRepository from './outage';
import * as problemRepository from './problem';
import * as settingsRepository from './settings';
import * as teamRepository from './team';
import * as userRepository from './user';

let t: TestDb;
let db: Db;
let l1: Actor;
let sncc: Actor;
const now = '2026-12-08T15:00:00.000Z';
const actorOf = async (email: string) =>
  (await userRepository.findActorById(db, (await userRepository.findByEmail(db, email))!.id))!;
beforeEach(async () => {
  t = createTestDb();
  db = t.db;
  l1 = await actorOf('l1@handoff.test');
  sncc = await actorOf('sncc@handoff.test');
});
afterEach(() => t.close());

const teams = async () =>
  Object.fromEntries((await teamRepository.findAll(db)).map((x) => [x.name, x.id]));
const campusNetwork = () => demoKeys(db).service('Campus Network').id;
const uwNet = () => demoKeys(db).service('Wireless (UWNet)').id;
const drafts = (n: number, serviceId = campusNetwork()) =>
  Array.from({ length: n }, (_, i) =>
    createIncident({
      input: {
        callerName: `Caller ${i}`,
        callerEmail: `caller${i}@wisc.edu`,
        serviceId,
        description: 'No wired connection.',
        channel: 'phone',
      },
      actor: l1,
      now,
      ownerTeamId: l1.teamIds[0]!,
    }),
  );

async function newProblem(outageId: number | null = null) {
  const ownerTeamId = (await teams())['SNCC-Network']!;
  return db.transaction((tx) =>
    outageProblemRows.insertProblem(tx, {
      problem: {
        title: 'Bascom switch',
        status: 'open',
        serviceId: campusNetwork(),
        category: 'Wired › No connectivity',
        impact: '1 incident',
        symptoms: '-',
        firstSeenAt: now,
        ownerTeamId,
        outageId,
        version: 1,
        createdById: null,
        createdAt: now,
        updatedAt: now,
        resolvedAt: null,
      },
      journal: [{ kind: 'system', body: 'Created.', authorId: null, data: null, createdAt: now }],
      audit: [],
    }),
  );
}

async function newOutage(kind: 'unplanned' | 'planned' = 'unplanned') {
  const draft = declareOutage({
    input: {
      title: 'Campus network outage',
      serviceIds: [campusNetwork(), uwNet()],
      kind,
      publicSummary: 'Down.',
      ownerTeamId: (await teams())['SNCC-Network']!,
      ...(kind === 'planned'
        ? { startAt: '2026-12-09T08:00:00Z', expectedEndAt: '2026-12-09T10:00:00Z' }
        : {}),
    },
    actor: sncc,
    now,
    teams: await teams(),
  });
  return db.transaction((tx) => outageProblemRows.insertOutage(tx, draft));
}

const link = (incident: Incident, problemId: number) =>
  incidentRows.update(db, {
    id: incident.id,
    expectedVersion: incident.version,
    changes: { problemId, version: incident.version + 1 },
    audit: [],
  });

describe('incidentRows.createMany', () => {
  test('500 incidents in one transaction take consecutive numbers after the seed', () => {
    const counter = db.select().from(counters).where(eq(counters.name, 'incident')).get()!.value;
    const stored = db.select({ n: count() }).from(incidents).get()!.n;
    const rows = incidentRows.createMany(db, drafts(500));
    expect(rows.map((r) => r.number).slice(0, 2)).toEqual([
      formatIncidentNumber(counter + 1),
      formatIncidentNumber(counter + 2),
    ]);
    expect(rows.at(-1)?.number).toBe(formatIncidentNumber(counter + 500));
    expect(db.select({ n: count() }).from(incidents).get()!.n).toBe(stored + 500);
  });
});

describe('problems and outages', () => {
  test('numbers come from their own counters, after the demo problem and outages', async () => {
    expect([(await newProblem()).number, (await newProblem()).number]).toEqual([
      'PRB-000002',
      'PRB-000003',
    ]);
    expect((await newOutage()).number).toBe('OUT-000003');
  });

  test('the demo data: an active UWNet outage whose problem has the seeded UWNet incident, and a planned window', async () => {
    const board = await outageRepository.listBoard(db, {
      resolvedSince: '2000-01-01T00:00:00.000Z',
    });
    expect(board.map((o) => [o.number, o.status, o.services.map((s) => s.name)])).toEqual([
      ['OUT-000002', 'planned', ['Campus Network']],
      ['OUT-000001', 'active', ['Wireless (UWNet)']],
    ]);
    const [problem] = await problemRepository.list(db);
    expect(problem).toMatchObject({
      number: 'PRB-000001',
      ownerTeamName: 'SNCC-Network',
      outageNumber: 'OUT-000001',
      incidentCount: 1,
      openIncidentCount: 1,
    });
    const [attached] = await problemRepository.findAttached(db, problem!.id);
    const uwNetCall = demoKeys(db).incident(
      'Laptop drops UWNet every few minutes in the Grad School office.',
    );
    expect(attached?.incident).toMatchObject({ number: uwNetCall.number, version: 2 });
    expect(await problemRepository.isUnderOpenOutage(db, attached!.incident)).toBe(true);
  });

  test('isUnderOpenOutage: when the linked problem has a planned or an active outage (DOMAIN §6: open)', async () => {
    const [a, b, c] = incidentRows.createMany(db, drafts(3));
    const active = await newOutage();
    const planned = await newOutage('planned');
    const withActive = link(a!, (await newProblem(active.id)).id);
    const withPlanned = link(b!, (await newProblem(planned.id)).id);
    expect(await problemRepository.isUnderOpenOutage(db, withActive)).toBe(true);
    expect(await problemRepository.isUnderOpenOutage(db, withPlanned)).toBe(true);
    expect(await problemRepository.isUnderOpenOutage(db, c!)).toBe(false);
    db.transaction((tx) =>
      outageProblemRows.updateOutage(tx, {
        id: active.id,
        expectedVersion: 1,
        changes: { status: 'resolved', version: 2 },
        updates: [],
      }),
    );
    expect(await problemRepository.isUnderOpenOutage(db, withActive)).toBe(false);
  });

  test('findFacts carries the outage; findAttached the customer; list counts linked and open incidents', async () => {
    const outage = await newOutage();
    const problem = await newProblem(outage.id);
    const [a, b] = incidentRows.createMany(db, drafts(2));
    link(a!, problem.id);
    const linkedB = link(b!, problem.id);
    incidentRows.update(db, {
      id: b!.id,
      expectedVersion: linkedB.version,
      changes: { status: 'resolved', version: linkedB.version + 1 },
      audit: [],
    });
    expect(await problemRepository.findFacts(db, problem.id)).toEqual({
      id: problem.id,
      number: problem.number,
      title: 'Bascom switch',
      status: 'open',
      serviceId: campusNetwork(),
      ownerTeamId: problem.ownerTeamId,
      createdById: problem.createdById,
      outage: { number: outage.number, title: 'Campus network outage', status: 'active' },
    });
    expect(
      (await problemRepository.findAttached(db, problem.id)).map((x) => [
        x.incident.id,
        x.customer,
      ]),
    ).toEqual([
      [a!.id, null],
      [b!.id, null],
    ]);
    expect((await problemRepository.list(db, { statuses: ['open'] }))[0]).toMatchObject({
      number: problem.number,
      incidentCount: 2,
      openIncidentCount: 1,
      outageStatus: 'active',
    });
    expect(await problemRepository.countOpenAttached(db, problem.id)).toBe(1);
  });

  test('a stale problem write changes nothing and is a CONFLICT', async () => {
    const problem = await newProblem();
    expect(() =>
      db.transaction((tx) =>
        outageProblemRows.updateProblem(tx, {
          id: problem.id,
          expectedVersion: 7,
          changes: { title: 'x' },
          journal: [],
          audit: [],
        }),
      ),
    ).toThrow(DomainError);
    expect((await problemRepository.findById(db, problem.id))?.title).toBe('Bascom switch');
  });

  test('the outage board lists open outages and those resolved since the cut-off, with services and timeline', async () => {
    const old = await newOutage();
    db.transaction((tx) =>
      outageProblemRows.updateOutage(tx, {
        id: old.id,
        expectedVersion: 1,
        changes: { status: 'resolved', endAt: '2026-11-01T00:00:00.000Z', version: 2 },
        updates: [],
      }),
    );
    const current = await newOutage();
    const board = await outageRepository.listBoard(db, {
      resolvedSince: '2026-12-01T00:00:00.000Z',
    });
    expect(board.map((o) => o.number)).toEqual([current.number, 'OUT-000002', 'OUT-000001']);
    expect(board[0]?.services.map((s) => s.name)).toEqual(['Campus Network', 'Wireless (UWNet)']);
    expect(board[0]?.updates.map((u) => u.kind)).toEqual(['declared']);
    // Wireless (UWNet): the demo outage and this one, earliest start first.
    expect((await outageRepository.findByService(db, uwNet())).map((o) => o.number)).toEqual([
      'OUT-000001',
      current.number,
    ]);
  });
});

describe('settingsRepository', () => {
  test('unset → undefined; set twice → the last value, each set announced once', async () => {
    const key = 'alerts.potentialOutage';
    expect(await settingsRepository.get(db, key)).toBeUndefined();
    const before = changeFeed.latestChangeId(db);
    commitSync(db, setSettingEffects(key, { minIncidents: 4, windowMinutes: 20 }, l1.id, now));
    commitSync(db, setSettingEffects(key, { minIncidents: 5, windowMinutes: 20 }, l1.id, now));
    expect(await settingsRepository.get(db, key)).toEqual({ minIncidents: 5, windowMinutes: 20 });
    expect(changeFeed.changesSince(db, before)).toMatchObject([
      { entity: 'setting', kind: key, actorId: l1.id },
      { entity: 'setting', kind: key, actorId: l1.id },
    ]);
    expect(changeFeed.changesSince(db, before)).toHaveLength(2);
  });
});
