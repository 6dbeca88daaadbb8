import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import {
  addBusinessDays,
  addBusinessHours,
  addMinutes,
  businessMsBetween,
  isCpsOpen,
  nextCpsOpening,
} from './business-calendar';
import { demoHolidays, universityHolidays } from './holidays';

// Inputs are written as local wall time with the offset in force that day
// (-06:00 CST, -05:00 CDT); expectations are the UTC instants the calendar returns.

describe('isCpsOpen: half-open hours [07:00, 18:00) Mon–Fri', () => {
  test.each([
    ['Tuesday 06:59:59 is closed', '2026-02-10T06:59:59-06:00', false],
    ['Tuesday 07:00:00 is open', '2026-02-10T07:00:00-06:00', true],
    ['Tuesday 12:00 is open', '2026-02-10T12:00:00-06:00', true],
    ['Tuesday 17:59:59 is open', '2026-02-10T17:59:59-06:00', true],
    ['Tuesday 17:59:59.999 is open', '2026-02-10T17:59:59.999-06:00', true],
    ['Tuesday 18:00:00 is closed', '2026-02-10T18:00:00-06:00', false],
    ['Tuesday 23:30 (night) is closed', '2026-02-10T23:30:00-06:00', false],
    ['Wednesday 02:00 (night) is closed', '2026-02-11T02:00:00-06:00', false],
    ['Saturday 10:00 is closed', '2026-02-14T10:00:00-06:00', false],
    ['Sunday 10:00 is closed', '2026-02-15T10:00:00-06:00', false],
    ['Independence Day observed (Fri 2026-07-03) is closed', '2026-07-03T10:00:00-05:00', false],
    ['Thanksgiving 2026 is closed', '2026-11-26T10:00:00-06:00', false],
    ['Monday after the March DST change, 07:00 CDT, is open', '2026-03-09T07:00:00-05:00', true],
    [
      'Monday after the March DST change, 06:59 CDT (11:59Z), is closed',
      '2026-03-09T11:59:00Z',
      false,
    ],
    [
      'Monday after the November DST change, 07:00 CST (13:00Z), is open',
      '2026-11-02T13:00:00Z',
      true,
    ],
    [
      'Monday after the November DST change, 12:59Z (06:59 CST), is closed',
      '2026-11-02T12:59:00Z',
      false,
    ],
    [
      'a UTC instant is read in Chicago time: Tue 23:30Z = 17:30 CST, open',
      '2026-02-10T23:30:00Z',
      true,
    ],
    [
      'a UTC instant is read in Chicago time: Wed 00:00Z = Tue 18:00 CST, closed',
      '2026-02-11T00:00:00Z',
      false,
    ],
  ])('%s', (_name, at, open) => {
    expect(isCpsOpen(at)).toBe(open);
  });

  test('ctx.holidays replaces the demo list', () => {
    expect(isCpsOpen('2026-07-03T10:00:00-05:00', { holidays: [] })).toBe(true);
    expect(isCpsOpen('2026-02-10T10:00:00-06:00', { holidays: ['2026-02-10'] })).toBe(false);
  });

  test('an unparseable instant is a VALIDATION error', () => {
    expect(() => isCpsOpen('next Tuesday')).toThrow(DomainError);
    expect(() => isCpsOpen('2026-02-30T10:00:00Z')).toThrow(/Not an ISO-8601 instant/);
  });
});

describe('nextCpsOpening', () => {
  test.each([
    ['open now: the same instant', '2026-02-10T10:00:00-06:00', '2026-02-10T16:00:00Z'],
    ['07:00 exactly: the same instant', '2026-02-10T07:00:00-06:00', '2026-02-10T13:00:00Z'],
    [
      '06:59:59 on a business day: 07:00 that day',
      '2026-02-10T06:59:59-06:00',
      '2026-02-10T13:00:00Z',
    ],
    [
      'midnight on a business day: 07:00 that day',
      '2026-02-10T00:00:00-06:00',
      '2026-02-10T13:00:00Z',
    ],
    ['18:00 exactly: 07:00 the next day', '2026-02-10T18:00:00-06:00', '2026-02-11T13:00:00Z'],
    ['Tuesday night: Wednesday 07:00', '2026-02-10T22:00:00-06:00', '2026-02-11T13:00:00Z'],
    ['Friday 18:00: Monday 07:00', '2026-02-13T18:00:00-06:00', '2026-02-16T13:00:00Z'],
    ['Saturday: Monday 07:00', '2026-02-14T10:00:00-06:00', '2026-02-16T13:00:00Z'],
    ['Sunday 06:00: Monday 07:00', '2026-02-15T06:00:00-06:00', '2026-02-16T13:00:00Z'],
    [
      'Wednesday before Thanksgiving, evening: Monday after',
      '2026-11-25T19:00:00-06:00',
      '2026-11-30T13:00:00Z',
    ],
    [
      'Thursday 2026-07-02 evening: Monday 2026-07-06 (July 3 observed)',
      '2026-07-02T19:00:00-05:00',
      '2026-07-06T12:00:00Z',
    ],
    [
      'Christmas 2027 observed Thu–Fri: Monday 2027-12-27',
      '2027-12-22T19:00:00-06:00',
      '2027-12-27T13:00:00Z',
    ],
    ['year end 2027: Monday 2028-01-03', '2027-12-29T19:00:00-06:00', '2028-01-03T13:00:00Z'],
    [
      'Saturday before the March DST change: Monday 07:00 CDT',
      '2026-03-07T10:00:00-06:00',
      '2026-03-09T12:00:00Z',
    ],
    [
      'inside the missing DST hour (Sun 08:30Z): Monday 07:00 CDT',
      '2026-03-08T08:30:00Z',
      '2026-03-09T12:00:00Z',
    ],
    [
      'Saturday before the November DST change: Monday 07:00 CST',
      '2026-10-31T10:00:00-05:00',
      '2026-11-02T13:00:00Z',
    ],
    [
      'inside the repeated November hour (Sun 06:30Z = 01:30 CDT): Monday 07:00 CST',
      '2026-11-01T06:30:00Z',
      '2026-11-02T13:00:00Z',
    ],
  ])('%s', (_name, at, expected) => {
    expect(nextCpsOpening(at)).toBe(expected);
  });

  test('a holiday list covering every weekday for years fails loudly instead of looping', () => {
    const holidays: string[] = [];
    for (let d = DateTime.fromISO('2026-02-01'); d.year < 2030; d = d.plus({ days: 1 }))
      holidays.push(d.toFormat('yyyy-MM-dd'));
    expect(() => nextCpsOpening('2026-02-10T10:00:00-06:00', { holidays })).toThrow(
      /leave no business day within three years/,
    );
  });
});

describe('addBusinessHours: walks only through open time', () => {
  test.each([
    [
      'spec example: Friday 16:30 + 4 h = Monday 09:30',
      '2026-02-13T16:30:00-06:00',
      4,
      '2026-02-16T15:30:00Z',
    ],
    [
      'within one day: Tuesday 10:00 + 4 h = 14:00',
      '2026-02-10T10:00:00-06:00',
      4,
      '2026-02-10T20:00:00Z',
    ],
    [
      'ending exactly at 18:00 stays on that day',
      '2026-02-10T14:00:00-06:00',
      4,
      '2026-02-11T00:00:00Z',
    ],
    [
      'one minute past the close rolls to 07:01 next day',
      '2026-02-10T14:01:00-06:00',
      4,
      '2026-02-11T13:01:00Z',
    ],
    ['06:59:59 start begins at 07:00', '2026-02-10T06:59:59-06:00', 1, '2026-02-10T14:00:00Z'],
    ['17:59:59 start has one second today', '2026-02-10T17:59:59-06:00', 1, '2026-02-11T13:59:59Z'],
    ['18:00 start begins next morning', '2026-02-10T18:00:00-06:00', 1, '2026-02-11T14:00:00Z'],
    [
      'start at night: Tuesday 22:00 + 4 h = Wednesday 11:00',
      '2026-02-10T22:00:00-06:00',
      4,
      '2026-02-11T17:00:00Z',
    ],
    [
      'start on a weekend: Saturday 10:00 + 4 h = Monday 11:00',
      '2026-02-14T10:00:00-06:00',
      4,
      '2026-02-16T17:00:00Z',
    ],
    [
      'fractional hours: Tuesday 10:00 + 0.5 h = 10:30',
      '2026-02-10T10:00:00-06:00',
      0.5,
      '2026-02-10T16:30:00Z',
    ],
    [
      'zero hours while open: the same instant',
      '2026-02-10T10:00:00-06:00',
      0,
      '2026-02-10T16:00:00Z',
    ],
    [
      'zero hours while closed: the next opening',
      '2026-02-14T10:00:00-06:00',
      0,
      '2026-02-16T13:00:00Z',
    ],
    [
      'several days: Monday 10:00 + 15 h = Tuesday 14:00',
      '2026-02-09T10:00:00-06:00',
      15,
      '2026-02-10T20:00:00Z',
    ],
    [
      '11 h from the opening ends at that close',
      '2026-02-10T07:00:00-06:00',
      11,
      '2026-02-11T00:00:00Z',
    ],
    [
      'a week of hours: Monday 07:00 + 55 h = Friday 18:00',
      '2026-02-09T07:00:00-06:00',
      55,
      '2026-02-14T00:00:00Z',
    ],
    [
      'holiday mid-walk: Wednesday before Thanksgiving 16:00 + 4 h = Monday 09:00',
      '2026-11-25T16:00:00-06:00',
      4,
      '2026-11-30T15:00:00Z',
    ],
    [
      'holiday mid-walk: Thursday 2026-07-02 17:00 + 4 h = Monday 10:00 CDT',
      '2026-07-02T17:00:00-05:00',
      4,
      '2026-07-06T15:00:00Z',
    ],
    [
      'March DST: Friday 16:30 CST + 4 h = Monday 09:30 CDT',
      '2026-03-06T16:30:00-06:00',
      4,
      '2026-03-09T14:30:00Z',
    ],
    [
      'November DST: Friday 16:30 CDT + 4 h = Monday 09:30 CST',
      '2026-10-30T16:30:00-05:00',
      4,
      '2026-11-02T15:30:00Z',
    ],
  ])('%s', (_name, at, hours, expected) => {
    expect(addBusinessHours(at, hours)).toBe(expected);
  });

  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s hours', (hours) => {
    expect(() => addBusinessHours('2026-02-10T10:00:00-06:00', hours)).toThrow(DomainError);
  });
});

describe('addBusinessDays: same local clock time on the next business day', () => {
  test.each([
    ['Tuesday 10:00 + 1 = Wednesday 10:00', '2026-02-10T10:00:00-06:00', 1, '2026-02-11T16:00:00Z'],
    [
      'spec example: Saturday 10:00 + 1 = Tuesday 07:00',
      '2026-02-14T10:00:00-06:00',
      1,
      '2026-02-17T13:00:00Z',
    ],
    ['Friday 17:00 + 1 = Monday 17:00', '2026-02-13T17:00:00-06:00', 1, '2026-02-16T23:00:00Z'],
    ['Friday 16:30 + 1 = Monday 16:30', '2026-02-13T16:30:00-06:00', 1, '2026-02-16T22:30:00Z'],
    [
      'start at night: Tuesday 20:00 + 1 = Thursday 07:00',
      '2026-02-10T20:00:00-06:00',
      1,
      '2026-02-12T13:00:00Z',
    ],
    [
      'start before opening: Tuesday 05:00 + 1 = Wednesday 07:00',
      '2026-02-10T05:00:00-06:00',
      1,
      '2026-02-11T13:00:00Z',
    ],
    [
      '18:00 start: Tuesday 18:00 + 1 = Thursday 07:00',
      '2026-02-10T18:00:00-06:00',
      1,
      '2026-02-12T13:00:00Z',
    ],
    [
      'zero days while closed: the next opening',
      '2026-02-10T20:00:00-06:00',
      0,
      '2026-02-11T13:00:00Z',
    ],
    [
      'five days: Monday 09:00 + 5 = next Monday 09:00',
      '2026-02-09T09:00:00-06:00',
      5,
      '2026-02-16T15:00:00Z',
    ],
    [
      'holiday mid-walk: Wednesday before Thanksgiving 10:00 + 1 = Monday 10:00',
      '2026-11-25T10:00:00-06:00',
      1,
      '2026-11-30T16:00:00Z',
    ],
    [
      'holidays on both sides of a weekend: Tuesday 2027-12-21 + 3 = Tuesday 2027-12-28',
      '2027-12-21T09:00:00-06:00',
      3,
      '2027-12-28T15:00:00Z',
    ],
    [
      'March DST: Friday 10:00 CST + 1 = Monday 10:00 CDT',
      '2026-03-06T10:00:00-06:00',
      1,
      '2026-03-09T15:00:00Z',
    ],
    [
      'November DST: Friday 10:00 CDT + 1 = Monday 10:00 CST',
      '2026-10-30T10:00:00-05:00',
      1,
      '2026-11-02T16:00:00Z',
    ],
  ])('%s', (_name, at, days, expected) => {
    expect(addBusinessDays(at, days)).toBe(expected);
  });

  test('ctx.holidays is honoured', () => {
    expect(addBusinessDays('2026-02-10T10:00:00-06:00', 1, { holidays: ['2026-02-11'] })).toBe(
      '2026-02-12T16:00:00Z',
    );
  });

  test.each([-1, 1.5, Number.NaN])('rejects %s days', (days) => {
    expect(() => addBusinessDays('2026-02-10T10:00:00-06:00', days)).toThrow(DomainError);
  });
});

describe('addMinutes: clock time, not business time', () => {
  test('an hour across the March DST change is one real hour', () => {
    expect(addMinutes('2026-03-08T01:30:00-06:00', 60)).toBe('2026-03-08T08:30:00Z');
  });
  test('an hour across the November DST change is one real hour', () => {
    expect(addMinutes('2026-11-01T01:30:00-05:00', 60)).toBe('2026-11-01T07:30:00Z');
  });
});

describe('demo holidays (UW–Madison 2026, 2027)', () => {
  test('eleven holidays a year, each observed on a weekday, sorted and unique', () => {
    const years = demoHolidays.map((d) => d.slice(0, 4));
    expect(years.filter((y) => y === '2026')).toHaveLength(11);
    // 2027 also holds New Year's Day 2028, observed on Friday 2027-12-31.
    expect(years.filter((y) => y === '2027')).toHaveLength(12);
    expect([...demoHolidays].sort()).toEqual(demoHolidays);
    expect(new Set(demoHolidays).size).toBe(demoHolidays.length);
    for (const date of demoHolidays) expect(DateTime.fromISO(date).weekday).toBeLessThanOrEqual(5);
  });

  test('names travel with the dates', () => {
    expect(universityHolidays.find((h) => h.date === '2026-11-27')?.name).toBe(
      'Day after Thanksgiving',
    );
  });
});

describe('the calendar is computed once per context and then read from cache', () => {
  const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    opens: '00:00',
    closes: '24:00',
  }));

  test('an equal context loaded afresh gives the same answers; a changed one does not', () => {
    const at = '2026-12-23T10:00:00-06:00';
    expect(addBusinessDays(at, 1, { holidays: [] })).toBe('2026-12-24T16:00:00Z');
    expect(addBusinessDays(at, 1, { holidays: [] })).toBe('2026-12-24T16:00:00Z');
    expect(addBusinessDays(at, 1, { holidays: ['2026-12-24'] })).toBe('2026-12-25T16:00:00Z');
    const ctx = { holidays: ['2026-12-24', '2026-12-25'] };
    expect(addBusinessDays(at, 1, ctx)).toBe('2026-12-28T16:00:00Z');
    expect(addBusinessDays(at, 1, ctx)).toBe('2026-12-28T16:00:00Z');
  });

  test('many different contexts each keep their own answer', () => {
    for (let n = 0; n < 130; n++) {
      const hours = [
        { weekday: 2, opens: '07:00', closes: `${String(8 + (n % 16)).padStart(2, '0')}:00` },
      ];
      expect(
        businessMsBetween('2026-02-10T00:00:00-06:00', '2026-02-11T00:00:00-06:00', {
          hours,
          holidays: [`${2030 + n}-01-01`],
        }),
      ).toBe((1 + (n % 16)) * 3_600_000);
    }
  });

  test.each([
    [
      'Saturday 10:00 CST + 1 = the March DST Sunday 10:00 CDT',
      '2026-03-07T16:00:00Z',
      '2026-03-08T15:00:00Z',
    ],
    [
      'the March DST Sunday 10:00 CDT + 1 = Monday 10:00 CDT',
      '2026-03-08T15:00:00Z',
      '2026-03-09T15:00:00Z',
    ],
    [
      'Saturday 10:00 CDT + 1 = the November DST Sunday 10:00 CST',
      '2026-10-31T15:00:00Z',
      '2026-11-01T16:00:00Z',
    ],
  ])('open every day, a DST day keeps the clock time: %s', (_, at, expected) => {
    expect(addBusinessDays(at, 1, { hours: everyDay })).toBe(expected);
  });

  test.each([
    ['31 April', '2026-04-31T10:00:00Z'],
    ['29 February in a common year', '2027-02-29T10:00:00Z'],
    ['hour 25', '2026-04-30T25:00:00Z'],
    ['not a date', 'tomorrow'],
  ])('an instant that is not a date is refused (%s), as before', (_, at) => {
    expect(() => isCpsOpen(at)).toThrow(/Not an ISO-8601 instant/);
  });

  test.each([
    ['29 February in a leap year', '2028-02-29T16:00:00Z', true],
    ['a local time without an offset is read as Chicago time', '2026-02-10T07:00:00', true],
    ['the same local time, one minute early', '2026-02-10T06:59:00', false],
  ])('%s', (_, at, open) => {
    expect(isCpsOpen(at)).toBe(open);
  });
});
