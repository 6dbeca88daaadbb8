// Issue 13 item 10: a create retried with the same idempotency key (a lost response) returns the
// first result and creates nothing; the same key with another payload is refused; another actor's
// key is theirs alone; an expired key creates again. One block per create.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { TRPCError } from '@trpc/server';
import { count } from 'drizzle-orm';
import { idempotencyTtlHours } from '@handoff/domain';
import { changeFeed, first, idempotencyRepository, tablesOf, type Db } from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { callerFor, fixedClock, rejectionOf, useSeededDbs } from '../test-callers';

const dbs = useSeededDbs();
const rowsIn = async (db: Db, table: 'incidents' | 'outbox' | 'idempotencyKeys') =>
  (await first(db.select({ n: count() }).from(tablesOf(db)[table])))!.n;
const incidents = (db: Db) => rowsIn(db, 'incidents');
const outbox = (db: Db) => rowsIn(db, 'outbox');
const at = '2026-11-24T16:00:00.000Z';
const later = (hours: number) => new Date(Date.parse(at) + hours * 3_600_000).toISOString();

const creates = {
  'incident.create': {
    who: ['l1@handoff.test', 'hdqa@handoff.test'],
    run: async (db: Db, email: string, input: object, now = at) =>
      (await callerFor(db, email, fixedClock(now))).incident.create({
        callerName: 'Oscar Nguyen',
        callerPhone: '608-555-0101',
        callerEmail: 'onguyen@grad.wisc.edu',
        customerId: demoKeys(db).customer('onguyen').id,
        serviceId: demoKeys(db).service('Canvas').id,
        description: 'Canvas course shows "unauthorized" for a TA.',
        channel: 'email',
        ...input,
      }),
  },
  'case.create': {
    who: ['customer@handoff.test', 'coned@handoff.test'],
    run: async (db: Db, email: string, input: object, now = at) =>
      (await callerFor(db, email, fixedClock(now))).case.create({
        serviceId: demoKeys(db).service('Remote Desktop Gateway').id,
        description: 'Remote Desktop Gateway refuses my connection since this morning.',
        preferredContact: 'email',
        workRelated: true,
        ...input,
      }),
  },
  'partner.submit': {
    who: ['rita@badgerhealth.example', 'bao@badgerhealth.example'],
    run: async (db: Db, email: string, input: object, now = at) =>
      (await callerFor(db, email, fixedClock(now))).partner.submit({
        description: 'The scheduling app logs me out every minute.',
        ...input,
      }),
  },
} as const;

describe.each(Object.entries(creates))('%s with an idempotency key', (_, create) => {
  const [me, other] = create.who;

  test('a retry returns the first result and creates nothing (no row, mail or change)', async () => {
    const { db } = dbs;
    const key = randomUUID();
    const firstResult = await create.run(db, me, { idempotencyKey: key });
    const counts = {
      incidents: await incidents(db),
      outbox: await outbox(db),
      feed: await changeFeed.findLatestChangeId(db),
    };
    const retry = await create.run(db, me, { idempotencyKey: key });
    expect(retry).toEqual(firstResult);
    expect({
      incidents: await incidents(db),
      outbox: await outbox(db),
      feed: await changeFeed.findLatestChangeId(db),
    }).toEqual(counts);
  });

  test('without a key every submission creates (as before)', async () => {
    const { db } = dbs;
    const before = await incidents(db);
    const a = await create.run(db, me, {});
    const b = await create.run(db, me, {});
    expect(b.id).not.toBe(a.id);
    expect(await incidents(db)).toBe(before + 2);
  });

  test('the same key with another payload is refused with a clear message, creating nothing', async () => {
    const { db } = dbs;
    const key = randomUUID();
    await create.run(db, me, { idempotencyKey: key });
    const before = await incidents(db);
    const e = await rejectionOf(
      create.run(db, me, { idempotencyKey: key, description: 'Something else entirely.' }),
    );
    expect(e).toBeInstanceOf(TRPCError);
    expect(e).toMatchObject({
      code: 'BAD_REQUEST',
      message:
        'This retry key was already used for a different request. Reload the form and submit it again.',
    });
    expect(await incidents(db)).toBe(before);
  });

  test('another actor’s same key is their own create', async () => {
    const { db } = dbs;
    const key = randomUUID();
    const mine = await create.run(db, me, { idempotencyKey: key });
    const theirs = await create.run(db, other, { idempotencyKey: key });
    expect(theirs.id).not.toBe(mine.id);
  });

  test(`a key expires after ${idempotencyTtlHours} hours: the same request then creates again`, async () => {
    const { db } = dbs;
    const key = randomUUID();
    const firstResult = await create.run(db, me, { idempotencyKey: key });
    const stillSame = await create.run(
      db,
      me,
      { idempotencyKey: key },
      later(idempotencyTtlHours - 1),
    );
    expect(stillSame.id).toBe(firstResult.id);
    const again = await create.run(db, me, { idempotencyKey: key }, later(idempotencyTtlHours));
    expect(again.id).not.toBe(firstResult.id);
    // The new create is remembered under the key now.
    const third = await create.run(db, me, { idempotencyKey: key }, later(idempotencyTtlHours + 1));
    expect(third.id).toBe(again.id);
  });

  test('a key that is not a UUID is refused', async () => {
    const e = await rejectionOf(create.run(dbs.db, me, { idempotencyKey: 'retry-1' }));
    expect(e).toMatchObject({ code: 'BAD_REQUEST' });
  });
});

test('expired keys are pruned', async () => {
  const { db } = dbs;
  await creates['incident.create'].run(db, 'l1@handoff.test', { idempotencyKey: randomUUID() });
  await creates['incident.create'].run(
    db,
    'l1@handoff.test',
    { idempotencyKey: randomUUID() },
    later(20),
  );
  expect(await idempotencyRepository.pruneExpired(db, later(24))).toBe(1);
  expect(await rowsIn(db, 'idempotencyKeys')).toBe(1);
});
