// Issue 14 items 7, 8: administrators edit departments, holidays, both desks' hours and the HD
// leadership contacts on /admin; routing reads the change at once, each change is audited, and a
// promise already stored keeps its time.
import { describe, expect, test } from 'vitest';
import { TRPCError } from '@trpc/server';
import { isDepartmentalComputer } from '@handoff/domain';
import { incidentRepository, routingDataRepository, tablesOf, type Db } from '@handoff/db';
import { buildIncident } from '@handoff/db/testing/builders';
import { callerFor, fixedClock, rejectionOf, useSeededDbs } from '../test-callers';

const dbs = useSeededDbs();
const admin = (db: Db) => callerFor(db, 'admin@handoff.test', fixedClock());
const newestAudit = async (db: Db, n: number) =>
  (await (await admin(db)).admin.auditLog({})).items.slice(0, n);
const departmental = async (db: Db, computer: string) =>
  isDepartmentalComputer(computer, (await routingDataRepository.routingContext(db)).departments);

describe('departments', () => {
  test('putting GRAD on the contract list makes GRAD-0042 departmental, audited per field', async () => {
    const { db } = dbs;
    expect(await departmental(db, 'GRAD-0042')).toBe(false);
    const { routingData } = (await admin(db)).admin;
    const grad = (await routingData()).departments.find((d) => d.shortName === 'GRAD')!;
    await (await admin(db)).admin.saveDepartment({ ...grad, contractPartner: true, program: 'ds' });
    expect(await departmental(db, 'GRAD-0042')).toBe(true);
    expect(await newestAudit(db, 2)).toMatchObject([
      {
        entity: 'department',
        entityKey: String(grad.id),
        field: 'program',
        fromValue: null,
        toValue: 'ds',
      },
      {
        entity: 'department',
        entityKey: String(grad.id),
        field: 'contractPartner',
        fromValue: 'false',
        toValue: 'true',
      },
    ]);
  });

  test('a new department with its short name routes its computers; a duplicate short name is refused', async () => {
    const { db } = dbs;
    const zoo = {
      name: 'Zoology',
      shortName: 'ZOO',
      contractPartner: true,
      program: null,
      primaryTechPartner: false,
    };
    await (await admin(db)).admin.saveDepartment(zoo);
    expect(await departmental(db, 'ZOO-12')).toBe(true);
    const e = await rejectionOf(
      (await admin(db)).admin.saveDepartment({ ...zoo, name: 'Zoo Two', shortName: 'zoo' }),
    );
    expect(e).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Another department has the short name zoo.',
    });
  });
});

describe('holidays and hours', () => {
  test('a new holiday is audited, and an incident’s stored promise keeps its time', async () => {
    const { db } = dbs;
    const promises = { callIfNoContactBy: '2026-11-25T16:00:00Z' };
    const incident = await buildIncident(db, { promises });
    await (await admin(db)).admin.addHoliday({ date: '2026-11-25', name: 'Snow day' });
    expect((await routingDataRepository.calendarOf(db)).holidays).toContain('2026-11-25');
    expect((await incidentRepository.findById(db, incident.id))!.promises).toEqual(promises);
    await (await admin(db)).admin.removeHoliday({ date: '2026-11-25' });
    expect((await routingDataRepository.calendarOf(db)).holidays).not.toContain('2026-11-25');
    expect(await newestAudit(db, 2)).toMatchObject([
      { entity: 'holiday', entityKey: '2026-11-25', fromValue: 'Snow day', toValue: null },
      { entity: 'holiday', entityKey: '2026-11-25', fromValue: null, toValue: 'Snow day' },
    ]);
    const again = await rejectionOf(
      (await admin(db)).admin.addHoliday({ date: '2026-11-26', name: 'Twice' }),
    );
    expect(again).toMatchObject({
      code: 'BAD_REQUEST',
      message: '2026-11-26 is already a holiday (Thanksgiving Day).',
    });
  });

  test('the General Help Desk’s hours are kept like CPS’s, audited as text', async () => {
    const { db } = dbs;
    const week = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '07:00', closes: '22:00' }));
    await (await admin(db)).admin.setOpeningHours({ desk: 'general_hd', week });
    expect(await routingDataRepository.findHours(db, 'general_hd')).toEqual(week);
    expect(await routingDataRepository.findHours(db, 'cps')).toHaveLength(5);
    expect(await newestAudit(db, 1)).toMatchObject([
      {
        entity: 'opening_hours',
        entityKey: 'general_hd',
        field: 'week',
        toValue: 'Monday–Friday 7am–10pm',
      },
    ]);
  });

  test('hours that close before they open are refused and change nothing', async () => {
    const { db } = dbs;
    const before = await routingDataRepository.findHours(db, 'cps');
    const e = await rejectionOf(
      (await admin(db)).admin.setOpeningHours({
        desk: 'cps',
        week: [{ weekday: 1, opens: '18:00', closes: '07:00' }],
      }),
    );
    expect(e).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await routingDataRepository.findHours(db, 'cps')).toEqual(before);
  });
});

describe('HD leadership contacts', () => {
  test('added, edited and removed, each audited', async () => {
    const { db } = dbs;
    await (
      await admin(db)
    ).admin.saveLeadershipContact({
      name: 'Pat Lead',
      contact: 'Teams: Pat Lead',
      position: 9,
    });
    const pat = (await (await admin(db)).admin.routingData()).leadership.find(
      (c) => c.name === 'Pat Lead',
    )!;
    await (await admin(db)).admin.saveLeadershipContact({ ...pat, contact: '608-555-0199' });
    await (await admin(db)).admin.removeLeadershipContact({ id: pat.id });
    expect((await routingDataRepository.findLeadership(db)).map((c) => c.name)).not.toContain(
      'Pat Lead',
    );
    expect(await newestAudit(db, 3)).toMatchObject([
      {
        entity: 'leadership',
        field: 'contact',
        fromValue: 'Pat Lead: 608-555-0199',
        toValue: null,
      },
      {
        entity: 'leadership',
        entityKey: String(pat.id),
        field: 'contact',
        fromValue: 'Teams: Pat Lead',
        toValue: '608-555-0199',
      },
      { entity: 'leadership', field: 'position', toValue: '9' },
    ]);
  });
});

test.each(['l1@handoff.test', 'hdqa@handoff.test', 'cps@handoff.test'])(
  '%s may not change routing data',
  async (email) => {
    const { db } = dbs;
    const caller = await callerFor(db, email, fixedClock());
    for (const call of [
      caller.admin.addHoliday({ date: '2026-12-02', name: 'Mine' }),
      caller.admin.setOpeningHours({ desk: 'cps', week: [] }),
      caller.admin.saveLeadershipContact({ name: 'X', contact: 'Y' }),
    ]) {
      const e = await rejectionOf(call);
      expect(e).toBeInstanceOf(TRPCError);
      expect((e as TRPCError).code).toBe('FORBIDDEN');
    }
    expect(await routingDataRepository.findHours(db, 'cps')).toHaveLength(5);
    expect((await db.select().from(tablesOf(db).holidays)).map((h) => h.date)).not.toContain(
      '2026-12-02',
    );
  },
);
