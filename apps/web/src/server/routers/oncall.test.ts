// The AIMS and GDS on-call contacts (kb 001): read by agents who page, edited by admins.
import { describe, expect, test } from 'vitest';
import { count } from 'drizzle-orm';
import { first, tablesOf } from '@handoff/db';
import { callerFor, fixedClock, refusalOf, snapshotOf, useSeededDbs } from '../test-callers';
import {
  demo,
  l1,
  newIncident,
  tuesday19,
  handedOnAnyway,
  withoutRouting,
} from './one-step-scenarios';

const dbs = useSeededDbs();
const admin = () => callerFor(dbs.db, 'admin@handoff.test');
const contacts = async () =>
  (await first(dbs.db.select({ n: count() }).from(tablesOf(dbs.db).oncallContacts)))!.n;
const kim = {
  schedule: 'gds' as const,
  name: 'Kim Lee (GDS third)',
  phone: '608-555-7103',
  position: 3,
};

describe('oncall', () => {
  test('L1 lists the contacts by schedule and call order', async () => {
    const list = await (await callerFor(dbs.db, l1)).oncall.list();
    expect(list.map((c) => [c.schedule, c.position, c.name, c.phone])).toEqual([
      ['aims', 1, 'Morgan Reyes (AIMS primary)', '608-555-7001'],
      ['aims', 2, 'Jordan Blake (AIMS backup)', '608-555-7002'],
      ['gds', 1, 'Riley Chen (GDS primary)', '608-555-7101'],
      ['gds', 2, 'Sasha Patel (GDS backup)', '608-555-7102'],
    ]);
  });

  test('an admin creates, updates and removes a contact', async () => {
    const seeded = (await (await admin()).oncall.list()).map((c) => c.id);
    const created = await (await admin()).oncall.create(kim);
    expect(created).toEqual({ id: expect.any(Number), ...kim });
    expect(seeded).not.toContain(created.id);
    expect((await (await callerFor(dbs.db, l1)).oncall.list()).at(-1)).toEqual(created);

    const updated = await (
      await admin()
    ).oncall.update({
      id: created.id,
      ...kim,
      phone: ' (608) 555-7104 ',
      position: 0,
    });
    expect(updated).toEqual({ ...created, phone: '(608) 555-7104', position: 0 });
    // Position 0 now comes first among the GDS contacts.
    expect((await (await admin()).oncall.list()).filter((c) => c.schedule === 'gds')[0]).toEqual(
      updated,
    );

    expect(await (await admin()).oncall.remove({ id: created.id })).toEqual({ id: created.id });
    expect(await contacts()).toBe(4);
  });

  test('a page uses the contact as the admin left it', async () => {
    const { db } = dbs;
    await (
      await admin()
    ).oncall.update({
      id: demo(db).oncall.aimsPrimary,
      schedule: 'aims',
      name: 'Morgan Reyes (AIMS primary)',
      phone: '608-555-7009',
      position: 1,
    });
    const { id, number } = await newIncident(dbs.db, tuesday19, {
      callerName: 'Avery Aims',
      customerId: demo(db).customer.averyAims,
    });
    await (
      await callerFor(dbs.db, l1, fixedClock(tuesday19))
    ).oneStep.pageOncall({
      ...handedOnAnyway,
      incidentId: id,
      expectedVersion: 1,
      schedule: 'aims',
      contactId: demo(db).oncall.aimsPrimary,
      result: 'answered',
      expectation: 'A technician calls you within the hour.',
    });
    expect(withoutRouting((await snapshotOf(dbs.db, id)).journal)[0]!.body).toBe(
      `Paged the AIMS on-call (Morgan Reyes (AIMS primary), 608-555-7009): answered. Told them: “A case came in: ${number}. Customer: Avery Aims, 608-555-0108. Problem: Printer in room 210 prints blank pages.”`,
    );
  });

  test.each([
    ['a malformed phone', { phone: '12' }, { phone: 'Enter a phone number such as 608-555-0100' }],
    [
      'a phone with letters',
      { phone: '608-CALL-NOW' },
      { phone: 'Enter a phone number such as 608-555-0100' },
    ],
    ['no name', { name: '  ' }, { name: 'Give the technician’s name' }],
    ['an unknown schedule', { schedule: 'sncc' }, { schedule: 'Choose the AIMS or GDS schedule' }],
  ])('create with %s → BAD_REQUEST at the field, nothing stored', async (_name, change, fields) => {
    const refusal = await refusalOf(
      (await admin()).oncall.create({ ...kim, ...(change as Partial<typeof kim>) }),
    );
    expect(refusal).toMatchObject({ code: 'BAD_REQUEST', fields });
    expect(await contacts()).toBe(4);
  });

  test('update with a bad phone → BAD_REQUEST, the contact unchanged', async () => {
    const before = await (await admin()).oncall.list();
    const refusal = await refusalOf(
      (await admin()).oncall.update({ id: 1, schedule: 'aims', name: 'Morgan Reyes', phone: 'x' }),
    );
    expect(refusal).toMatchObject({
      code: 'BAD_REQUEST',
      fields: { phone: 'Enter a phone number such as 608-555-0100' },
    });
    expect(await (await admin()).oncall.list()).toEqual(before);
  });

  test.each(['update', 'remove'] as const)(
    '%s of a contact that does not exist → NOT_FOUND',
    async (what) => {
      const call =
        what === 'update'
          ? (await admin()).oncall.update({ id: 99, ...kim })
          : (await admin()).oncall.remove({ id: 99 });
      expect(await refusalOf(call)).toMatchObject({
        code: 'NOT_FOUND',
        message: 'That on-call contact no longer exists.',
      });
    },
  );

  test.each(['l1', 'hdqa', 'cps', 'sncc'])(
    '%s creating, updating or removing → FORBIDDEN, nothing changed',
    async (role) => {
      const caller = await callerFor(dbs.db, `${role}@handoff.test`);
      const before = await caller.oncall.list();
      for (const call of [
        caller.oncall.create(kim),
        caller.oncall.update({ id: 1, ...kim }),
        caller.oncall.remove({ id: 1 }),
      ]) {
        expect(await refusalOf(call)).toMatchObject({
          code: 'FORBIDDEN',
          message: `Your role (${role}) may not edit the on-call schedules.`,
        });
      }
      expect(await caller.oncall.list()).toEqual(before);
    },
  );

  test('a customer cannot read the on-call contacts', async () => {
    expect(
      await refusalOf((await callerFor(dbs.db, 'customer@handoff.test')).oncall.list()),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});
