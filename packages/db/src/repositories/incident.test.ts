import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createIncident, DomainError, type Actor, type IncidentStatus } from '@handoff/domain';
import { type Db } from '../client';
import { auditEvents, counters, incidents, journalEntries } from '../schema';
import { createTestDb, demoKeys, incidentRows, type TestDb } from '../testing';
import { buildService, nextIncidentNumber } from '../testing/builders';
import * as incidentRepository from './incident';
import * as teamRepository from './team';
import * as userRepository from './user';

let t: TestDb;
let db: Db;
let l1: Actor;
beforeEach(async () => {
  t = createTestDb();
  db = t.db;
  l1 = (await userRepository.findActorById(
    db,
    (await userRepository.findByEmail(db, 'l1@handoff.test'))!.id,
  ))!;
});
afterEach(() => t.close());

let tick = 0;
const at = () => new Date(Date.parse('2026-11-25T09:00:00.000Z') + 60_000 * tick++).toISOString();

function drafts({
  ownerTeamId = l1.teamIds[0]!,
  serviceId = demoKeys(db).service('DoIT Departmental Support').id,
  description = 'Printer jam.',
} = {}) {
  return createIncident({
    input: {
      callerName: 'Casey Customer',
      callerPhone: '608-555-0100',
      serviceId,
      description,
      channel: 'phone',
    },
    actor: l1,
    now: at(),
    ownerTeamId,
  });
}

const countOf = (table: typeof incidents | typeof journalEntries | typeof auditEvents) =>
  db.select({ n: count() }).from(table).get()!.n;
const counterValue = () =>
  db.select().from(counters).where(eq(counters.name, 'incident')).get()?.value;

describe('createDb', () => {
  test.each([
    ['journal_mode', 'wal'],
    ['foreign_keys', 1],
    ['busy_timeout', 5000],
  ])('%s is %s', (pragma, value) => {
    expect(db.$client.pragma(pragma, { simple: true })).toBe(value);
  });
});

describe('create', () => {
  test('numbers follow the seed and every draft row is stored', async () => {
    const number = await nextIncidentNumber(db);
    const row = incidentRows.create(db, drafts());
    expect(row).toMatchObject({ number, status: 'new', version: 1 });
    expect(await incidentRepository.findJournal(db, row.id)).toHaveLength(1);
    expect(await incidentRepository.findAudit(db, row.id)).toEqual([
      expect.objectContaining({ field: 'status', toValue: 'new', version: 1 }),
    ]);
  });

  test.each([
    [
      'a journal entry by a user who does not exist (foreign key)',
      (d: ReturnType<typeof drafts>) => void (d.journal[0]!.authorId = 999_999),
    ],
    [
      'an audit row without a field (NOT NULL)',
      (d: ReturnType<typeof drafts>) => void ((d.audit[0] as { field: unknown }).field = null),
    ],
  ])('a failure part-way (%s) leaves nothing behind', async (_name, spoil) => {
    const bad = drafts();
    spoil(bad);
    const counterBefore = counterValue();
    const number = await nextIncidentNumber(db);
    const before = {
      incidents: countOf(incidents),
      journal: countOf(journalEntries),
      audit: countOf(auditEvents),
    };
    expect(() => incidentRows.create(db, bad)).toThrow(/constraint failed/);
    expect({
      incidents: countOf(incidents),
      journal: countOf(journalEntries),
      audit: countOf(auditEvents),
    }).toEqual(before);
    expect(counterValue()).toBe(counterBefore);
    // The number the failed create took is handed out again, so no gap appears.
    expect(incidentRows.create(db, drafts()).number).toBe(number);
  });
});

describe('update', () => {
  test('writes changes and audit at the expected version', () => {
    const row = incidentRows.create(db, drafts());
    const updated = incidentRows.update(db, {
      id: row.id,
      expectedVersion: 1,
      changes: { description: 'Paper jam, tray 2.', version: 2 },
      audit: [
        {
          actorId: l1.id,
          field: 'description',
          fromValue: row.description,
          toValue: 'Paper jam, tray 2.',
          version: 2,
          at: at(),
        },
      ],
    });
    expect(updated).toMatchObject({ description: 'Paper jam, tray 2.', version: 2 });
  });

  test('a stale expectedVersion throws CONFLICT and changes neither the row nor the audit', async () => {
    const row = incidentRows.create(db, drafts());
    incidentRows.update(db, {
      id: row.id,
      expectedVersion: 1,
      changes: { callerName: 'First writer', version: 2 },
      audit: [],
    });
    const before = await incidentRepository.findById(db, row.id);
    const auditBefore = await incidentRepository.findAudit(db, row.id);
    const journalBefore = await incidentRepository.findJournal(db, row.id);

    let caught: unknown;
    try {
      incidentRows.update(db, {
        id: row.id,
        expectedVersion: 1,
        changes: { callerName: 'Second writer', version: 2 },
        journal: [
          {
            kind: 'note',
            visibility: 'internal',
            body: 'stale',
            authorId: l1.id,
            data: null,
            createdAt: at(),
          },
        ],
        audit: [
          {
            actorId: l1.id,
            field: 'callerName',
            fromValue: 'Casey Customer',
            toValue: 'Second writer',
            version: 2,
            at: at(),
          },
        ],
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Reload') });
    expect(await incidentRepository.findById(db, row.id)).toEqual(before);
    expect(before).toMatchObject({ callerName: 'First writer', version: 2 });
    expect(await incidentRepository.findAudit(db, row.id)).toEqual(auditBefore);
    expect(await incidentRepository.findJournal(db, row.id)).toEqual(journalBefore);
  });
});

describe('findJournalPage', () => {
  test('pages the journal newest first by keyset, each entry once; a customer page holds only customer-visible entries', async () => {
    const row = incidentRows.create(db, drafts());
    incidentRows.insertJournal(
      db,
      row.id,
      Array.from({ length: 7 }, (_, i) => ({
        kind: 'note' as const,
        visibility: i % 2 === 0 ? ('customer' as const) : ('internal' as const),
        body: `note ${i}`,
        authorId: null,
        data: null,
        createdAt: at(),
      })),
    );
    const all = await incidentRepository.findJournal(db, row.id);
    expect(all).toHaveLength(8);
    const first = await incidentRepository.findJournalPage(db, row.id, { limit: 3 });
    expect(first.items.map((j) => j.id)).toEqual(all.slice(0, 3).map((j) => j.id));
    const seen = [...first.items];
    let cursor = first.nextCursor;
    while (cursor !== null) {
      const page = await incidentRepository.findJournalPage(db, row.id, { cursor, limit: 3 });
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(seen.map((j) => j.id)).toEqual(all.map((j) => j.id));
    const customer = await incidentRepository.findJournalPage(db, row.id, {
      limit: 3,
      customerOnly: true,
    });
    expect(customer.items.map((j) => j.body)).toEqual(['note 6', 'note 4', 'note 2']);
    expect(customer.nextCursor).not.toBeNull();
  });
});

describe('list', () => {
  const hdqa = async () => (await teamRepository.findByName(db, 'HDQA'))!.id;
  const statuses: IncidentStatus[] = ['new', 'assigned', 'in_progress'];

  async function createQueue(n: number) {
    const team = await hdqa();
    const services = [(await buildService(db)).id, (await buildService(db)).id] as const;
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const d = drafts({
        ownerTeamId: team,
        serviceId: services[i % 2]!,
        description: `Queue item ${i}`,
      });
      ids.push(
        incidentRows.create(db, {
          ...d,
          incident: { ...d.incident, status: statuses[i % 3]! },
        }).id,
      );
    }
    return { team, ids, services };
  }

  async function pageAll(
    filter: Omit<Parameters<typeof incidentRepository.list>[1], 'limit' | 'cursor'>,
    limit: number,
    between?: () => void,
  ) {
    const pages: { id: number; createdAt: string }[][] = [];
    let cursor: number | undefined;
    for (;;) {
      const page = await incidentRepository.list(db, { ...filter, cursor, limit });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      pages.push(page.items);
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
      between?.();
    }
    return pages;
  }

  test('pages return every row exactly once, newest first', async () => {
    const { team, ids } = await createQueue(30);
    const pages = await pageAll({ ownerTeamIds: [team] }, 7);
    expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 2]);
    const seen = pages.flat();
    expect(seen.map((r) => r.id)).toEqual([...ids].reverse());
    expect(seen.map((r) => r.createdAt)).toEqual(
      seen
        .map((r) => r.createdAt)
        .sort()
        .reverse(),
    );
  });

  test('an incident created between pages neither repeats nor shifts the later pages', async () => {
    const { team, ids } = await createQueue(15);
    const pages = await pageAll(
      { ownerTeamIds: [team] },
      4,
      () => void incidentRows.create(db, drafts({ ownerTeamId: team })),
    );
    expect(pages.flat().map((r) => r.id)).toEqual([...ids].reverse());
  });

  // `service` picks one of the queue's two services (createQueue alternates them).
  test.each<[string, { statuses?: IncidentStatus[]; service?: 0 | 1 }, (i: number) => boolean]>([
    ['status', { statuses: ['assigned'] as IncidentStatus[] }, (i: number) => i % 3 === 1],
    ['service', { service: 1 }, (i: number) => i % 2 === 1],
    [
      'status and service',
      { statuses: ['new'] as IncidentStatus[], service: 0 },
      (i: number) => i % 3 === 0 && i % 2 === 0,
    ],
  ])('filters by %s across pages', async (_name, { service, ...filter }, expected) => {
    const { team, ids, services } = await createQueue(30);
    const serviceId = service === undefined ? {} : { serviceId: services[service] };
    const pages = await pageAll({ ownerTeamIds: [team], ...filter, ...serviceId }, 3);
    expect(pages.flat().map((r) => r.id)).toEqual(ids.filter((_id, i) => expected(i)).reverse());
  });

  test('an empty team list matches nothing rather than everything', async () => {
    expect((await incidentRepository.list(db, { ownerTeamIds: [], limit: 50 })).items).toEqual([]);
  });

  /** The SQL `list` really sends for a filter, and SQLite's plan for it. */
  async function planFor(filter: Parameters<typeof incidentRepository.list>[1]) {
    const prepare = vi.spyOn(db.$client, 'prepare');
    await incidentRepository.list(db, filter);
    const sql = String(prepare.mock.calls.at(-1)![0]);
    prepare.mockRestore();
    const params = sql.split('?').length - 1;
    return (
      db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array<number>(params).fill(1)) as {
        detail: string;
      }[]
    ).map((r) => r.detail);
  }

  // The plan depends on the filter's shape only (every parameter is bound to 1 above): any team id.
  test.each([
    ['team queue', { ownerTeamIds: [999], limit: 25 }, /USING INDEX incidents_team_queue_idx/],
    [
      'team queue, next page',
      { ownerTeamIds: [999], cursor: 100, limit: 25 },
      /USING INDEX incidents_team_(queue|status)_idx/,
    ],
    [
      'team queue by status',
      { ownerTeamIds: [999], statuses: ['new' as const], cursor: 100, limit: 25 },
      /USING INDEX incidents_team_status_idx/,
    ],
  ])(
    'the %s walks an index in order, without scanning or sorting the table',
    async (_name, filter, index) => {
      await createQueue(30);
      const plan = await planFor(filter);
      expect(plan.find((d) => d.includes(' incidents '))).toMatch(index);
      expect(plan.join('\n')).not.toMatch(/SCAN incidents|TEMP B-TREE/);
    },
  );
});

describe('concurrent creates from separate processes', () => {
  const worker = resolve(
    dirname(fileURLToPath(import.meta.url)),
    '../testing/create-incidents-worker.ts',
  );
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

  function startWorker(path: string, n: number, name: string) {
    const child = spawn(process.execPath, ['--import', tsx, worker, path, String(n), name], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const ready = new Promise<void>((ok) => {
      const check = () => (out.startsWith('ready\n') ? ok() : child.stdout.once('data', check));
      check();
    });
    const done = new Promise<string[]>((ok, fail) =>
      child.on('exit', (code) =>
        code === 0
          ? ok(JSON.parse(out.slice('ready\n'.length)) as string[])
          : fail(new Error(`worker ${name} exited ${code}: ${err}`)),
      ),
    );
    return { child, ready, done };
  }

  test('four processes creating 25 each get 100 distinct, consecutive numbers', async () => {
    const counterBefore = counterValue() ?? 0;
    const incidentsBefore = countOf(incidents);
    const workers = ['a', 'b', 'c', 'd'].map((name) => startWorker(t.path, 25, name));
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.child.stdin.end('go\n');
    const results = await Promise.all(workers.map((w) => w.done));

    expect(results.map((r) => r.length)).toEqual([25, 25, 25, 25]);
    const all = results.flat();
    const expected = Array.from(
      { length: 100 },
      (_, i) => `INC-${String(counterBefore + 1 + i).padStart(6, '0')}`,
    );
    expect([...all].sort()).toEqual(expected);
    // Each worker's own numbers rise, and the rows in the file agree with what the workers saw.
    for (const r of results) expect(r).toEqual([...r].sort());
    expect(countOf(incidents)).toBe(incidentsBefore + 100);
    expect(counterValue()).toBe(counterBefore + 100);
  }, 60_000);
});
