import { describe, expect, test } from 'vitest';
import { type Actor } from '../roles';
import {
  addHoliday,
  removeHoliday,
  removeLeadershipContact,
  saveDepartment,
  saveLeadershipContact,
  setOpeningHours,
} from './routing-data-admin';
import { type DepartmentRow } from './routing-data-entity';

const now = '2026-12-01T15:00:00.000Z';
const admin: Actor = { id: 1, name: 'Alex Admin', role: 'admin', teamIds: [], customerId: null };
const grad: DepartmentRow = {
  id: 5,
  name: 'Graduate School',
  shortName: 'GRAD',
  contractPartner: false,
  program: null,
  primaryTechPartner: false,
  emailDomains: [],
};
const cae: DepartmentRow = {
  ...grad,
  id: 6,
  name: 'Computer-Aided Engineering',
  shortName: 'CAE',
  contractPartner: true,
};
const all = [grad, cae];
const audit = (
  entityKey: string,
  field: string,
  fromValue: string | null,
  toValue: string | null,
  entity = 'department',
) => ({
  op: 'insert',
  entity: 'adminAudit',
  values: { actorId: 1, entity, entityKey, field, fromValue, toValue, at: now },
});

describe('saveDepartment', () => {
  test('an edit updates only the changed fields, one audit row each', () => {
    const e = saveDepartment(admin, { ...grad, contractPartner: true, program: 'aims' }, all, now);
    expect(e.writes).toEqual([
      {
        op: 'update',
        entity: 'department',
        id: 5,
        set: { contractPartner: true, program: 'aims' },
      },
      audit('5', 'contractPartner', 'false', 'true'),
      audit('5', 'program', null, 'aims'),
    ]);
  });

  test('nothing changed writes nothing', () => {
    expect(saveDepartment(admin, grad, all, now).writes).toEqual([]);
  });

  test('a new department is inserted with every field audited under its short name', () => {
    const zoo = {
      name: 'Zoology',
      shortName: 'ZOO',
      contractPartner: true,
      program: null,
      primaryTechPartner: false,
    };
    const e = saveDepartment(admin, zoo, all, now);
    expect(e.writes[0]).toEqual({
      op: 'insert',
      entity: 'department',
      values: zoo,
      ref: 'department',
    });
    expect(e.writes.slice(1)).toHaveLength(5);
    expect(e.writes[1]).toEqual(audit('ZOO', 'name', null, 'Zoology'));
  });

  test.each([
    ['a missing department', { ...grad, id: 99 }, 'No department #99.'],
    [
      'another department’s short name, in any case',
      { ...grad, shortName: 'cae' },
      'Another department has the short name cae.',
    ],
    [
      'another department’s name',
      { ...grad, name: 'computer-aided engineering' },
      'Another department is called computer-aided engineering.',
    ],
  ])('refuses %s', (_, input, message) => {
    expect(() => saveDepartment(admin, input, all, now)).toThrow(message);
  });
});

describe('holidays, hours, leadership', () => {
  test.each([
    [
      'adding a holiday twice',
      () =>
        addHoliday(
          admin,
          { date: '2026-11-26', name: 'X' },
          { date: '2026-11-26', name: 'Thanksgiving' },
          now,
        ),
      '2026-11-26 is already a holiday (Thanksgiving).',
    ],
    [
      'removing a day that is no holiday',
      () => removeHoliday(admin, '2026-12-02', undefined, now),
      '2026-12-02 is not a holiday.',
    ],
    [
      'editing a missing contact',
      () =>
        saveLeadershipContact(
          admin,
          { id: 4, name: 'A', contact: 'B', position: 0 },
          undefined,
          now,
        ),
      'No contact #4.',
    ],
    [
      'removing a missing contact',
      () => removeLeadershipContact(admin, 4, undefined, now),
      'No contact #4.',
    ],
  ])('refuses %s', (_, run, message) => {
    expect(run).toThrow(message);
  });

  test('a holiday added and removed is audited by its date', () => {
    const h = { date: '2026-12-24', name: 'Winter break' };
    expect(addHoliday(admin, h, undefined, now).writes).toEqual([
      { op: 'insert', entity: 'holiday', values: h },
      audit('2026-12-24', 'name', null, 'Winter break', 'holiday'),
    ]);
    expect(removeHoliday(admin, h.date, h, now).writes).toEqual([
      { op: 'delete', entity: 'holiday', where: { date: h.date }, expectRows: 1 },
      audit('2026-12-24', 'name', 'Winter break', null, 'holiday'),
    ]);
  });

  test('new hours replace the week, audited as the text the scripts read; the same hours write nothing', () => {
    const before = [{ weekday: 1, opens: '07:00', closes: '18:00' }];
    const week = [
      { weekday: 6, opens: '09:00', closes: '21:00' },
      { weekday: 1, opens: '07:00', closes: '20:00' },
    ];
    expect(setOpeningHours(admin, 'general_hd', before, week, now).writes).toEqual([
      { op: 'delete', entity: 'openingHours', where: { desk: 'general_hd' } },
      {
        op: 'insert',
        entity: 'openingHours',
        values: { desk: 'general_hd', weekday: 1, opens: '07:00', closes: '20:00' },
      },
      {
        op: 'insert',
        entity: 'openingHours',
        values: { desk: 'general_hd', weekday: 6, opens: '09:00', closes: '21:00' },
      },
      audit(
        'general_hd',
        'week',
        'Monday 7am–6pm',
        'Monday 7am–8pm; Saturday 9am–9pm',
        'opening_hours',
      ),
    ]);
    expect(setOpeningHours(admin, 'cps', before, before, now).writes).toEqual([]);
  });

  test('a contact edit audits the changed field only', () => {
    const pat = { id: 3, name: 'Pat', contact: 'Teams', position: 0 };
    expect(
      saveLeadershipContact(admin, { ...pat, contact: '608-555-0100' }, pat, now).writes,
    ).toEqual([
      { op: 'update', entity: 'leadershipContact', id: 3, set: { contact: '608-555-0100' } },
      audit('3', 'contact', 'Teams', '608-555-0100', 'leadership'),
    ]);
  });
});
