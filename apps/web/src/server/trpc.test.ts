import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { userRepository, type Db } from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { appRouter } from './root';
import { callerFor, createTestDb, rejectionOf, steppingClock, type TestDb } from './test-callers';

let t: TestDb;
let db: Db;
beforeEach(() => {
  t = createTestDb();
  db = t.db;
});
afterEach(() => t.close());

type Caller = Awaited<ReturnType<typeof callerFor>>;
/** Demo rows by natural key: Casey Customer's call, the US - Help Desk team. */
const caseysCall = () => demoKeys(db).incident('Forgot NetID password after returning from leave.');
const helpDesk = () => demoKeys(db).team('US - Help Desk').id;
const contact = {
  callerName: 'Oscar Nguyen',
  callerPhone: '608-555-0101',
  get serviceId() {
    return demoKeys(db).service('Canvas').id;
  },
  description: 'Canvas access.',
  channel: 'phone' as const,
};

describe('authentication', () => {
  test.each<[string, (c: Caller) => Promise<unknown>]>([
    ['me.get', (c) => c.me.get()],
    ['incident.create', (c) => c.incident.create(contact)],
    ['incident.byNumber', (c) => c.incident.byNumber({ number: caseysCall().number })],
    ['incident.mine', (c) => c.incident.mine({})],
    ['queue.list', (c) => c.queue.list({ teamId: helpDesk() })],
    ['catalog.services', (c) => c.catalog.services()],
    ['customer.search', (c) => c.customer.search({ text: 'casey' })],
    ['admin.overview', (c) => c.admin.overview()],
  ])('%s without a signed-in user → UNAUTHORIZED', async (_name, call) => {
    expect(await rejectionOf(call(await callerFor(db, null)))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});

describe('authorization: a role without the permission gets FORBIDDEN', () => {
  test.each<[string, string, (c: Caller) => Promise<unknown>, RegExp]>([
    [
      'customer',
      'customer@handoff.test',
      (c) => c.incident.create(contact),
      /\(customer\) may not create incidents/,
    ],
    [
      'technologist',
      'technologist@handoff.test',
      (c) => c.incident.create(contact),
      /\(technologist\) may not create incidents/,
    ],
    [
      'tier2',
      'tier2@handoff.test',
      (c) => c.incident.create(contact),
      /\(tier2\) may not create incidents/,
    ],
    [
      'partner agent',
      'partner@handoff.test',
      (c) => c.incident.create(contact),
      /\(partner_agent\) may not create incidents/,
    ],
    [
      'admin',
      'admin@handoff.test',
      (c) => c.incident.create(contact),
      /\(admin\) may not create incidents/,
    ],
    [
      'l1 → admin.overview',
      'l1@handoff.test',
      (c) => c.admin.overview(),
      /\(l1\) may not administer Handoff/,
    ],
    [
      'customer → admin.overview',
      'customer@handoff.test',
      (c) => c.admin.overview(),
      /\(customer\) may not administer/,
    ],
    [
      'customer → incident.edit',
      'customer@handoff.test',
      (c) =>
        c.incident.edit({ id: caseysCall().id, expectedVersion: 1, patch: { description: 'x' } }),
      /may not edit/,
    ],
    [
      'customer → incident.mine',
      'customer@handoff.test',
      (c) => c.incident.mine({}),
      /may not list incidents they own/,
    ],
    [
      'customer → queue.list',
      'customer@handoff.test',
      (c) => c.queue.list({ teamId: helpDesk() }),
      /may not read team queues/,
    ],
    [
      'customer → customer.search',
      'customer@handoff.test',
      (c) => c.customer.search({ text: 'casey' }),
      /may not search customers/,
    ],
    [
      'l1 → incident.myCases',
      'l1@handoff.test',
      (c) => c.incident.myCases({}),
      /may not list their own cases/,
    ],
  ])('%s', async (_name, email, call, message) => {
    const before = db.$client.prepare('select count(*) as n from incidents').get();
    expect(await rejectionOf(call(await callerFor(db, email)))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(message),
    });
    expect(db.$client.prepare('select count(*) as n from incidents').get()).toEqual(before);
  });

  test('the admin may open the overview', async () => {
    const overview = await (await callerFor(db, 'admin@handoff.test')).admin.overview();
    expect(overview.users.map((u) => u.email)).toContain('l1@handoff.test');
  });

  test('me.get lists exactly what the permission table allows', async () => {
    const me = await (await callerFor(db, 'customer@handoff.test')).me.get();
    expect(me).toMatchObject({ role: 'customer', homePath: '/portal' });
    expect(me.allowed).toEqual([
      'incident.read',
      'incident.addNote',
      'case.listOwn',
      'case.create',
      'catalog.read',
      'partner.submit',
      'partner.comment',
    ]);
  });
});

describe('over HTTP, refusals land at the field', () => {
  async function post(path: string, email: string, body: unknown) {
    const user = (await userRepository.findByEmail(db, email))!;
    const actor = (await userRepository.findActorById(db, user.id))!;
    const res = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req: new Request(`http://localhost/api/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
      router: appRouter,
      createContext: () => ({ db, actor, now: steppingClock() }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { error: { message: string; data: Record<string, unknown> } },
    };
  }

  test.each([
    [
      'a malformed e-mail (zod)',
      () => ({ ...contact, callerEmail: 'nope' }),
      'Some fields need attention.',
      null,
      { callerEmail: ['Enter a valid e-mail address'] },
    ],
    [
      'an empty form (zod)',
      () => ({}),
      'Some fields need attention.',
      null,
      expect.objectContaining({
        callerName: expect.any(Array),
        callerPhone: expect.any(Array),
        serviceId: expect.any(Array),
        description: expect.any(Array),
      }),
    ],
    [
      'an unknown service (domain)',
      () => ({ ...contact, serviceId: 9999 }),
      'Choose a service from the catalog.',
      'VALIDATION',
      { serviceId: 'Choose a service from the catalog' },
    ],
  ])('%s → 400 with fieldErrors', async (_name, input, message, domainCode, fieldErrors) => {
    const { status, body } = await post('incident.create', 'l1@handoff.test', input());
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      message,
      data: { code: 'BAD_REQUEST', domainCode, fieldErrors },
    });
  });

  test('a stale edit → 409 CONFLICT carrying the domain code', async () => {
    const { status, body } = await post('incident.edit', 'l1@handoff.test', {
      id: caseysCall().id,
      expectedVersion: 99,
      patch: { description: 'x' },
    });
    expect(status).toBe(409);
    expect(body.error).toMatchObject({
      message: expect.stringContaining('Reload'),
      data: { code: 'CONFLICT', domainCode: 'CONFLICT' },
    });
  });
});
