// Issue 14 item 8: opening hours and holidays are data the calendar is given.
import { describe, expect, test } from 'vitest';
import { addBusinessDays, addBusinessHours, isCpsOpen, nextCpsOpening } from './business-calendar';
import {
  cpsStandardHours,
  dayHoursSchema,
  demoGeneralHdHours,
  hoursText,
  type WeeklyHours,
  weeklyHoursSchema,
} from './opening-hours';

// Tuesday 10 February 2026 (CST, -06:00).
const tue = (time: string) => `2026-02-10T${time}-06:00`;
const earlyFriday: WeeklyHours = [
  ...cpsStandardHours.filter((d) => d.weekday !== 5),
  { weekday: 5, opens: '07:30', closes: '12:00' },
];
const nightDesk: WeeklyHours = [{ weekday: 2, opens: '07:00', closes: '24:00' }];

describe('the calendar reads the hours it is given', () => {
  test.each([
    ['standard hours, Tuesday 07:00', tue('07:00:00'), cpsStandardHours, true],
    ['no hours given = the standard CPS hours', tue('18:00:00'), undefined, false],
    ['a desk open until midnight, Tuesday 23:59', tue('23:59:00'), nightDesk, true],
    ['a desk open until midnight, Tuesday 06:59', tue('06:59:00'), nightDesk, false],
    ['a weekday not listed is closed', '2026-02-11T10:00:00-06:00', nightDesk, false],
    ['Friday 07:15, opening at 07:30', '2026-02-13T07:15:00-06:00', earlyFriday, false],
    ['Friday 11:59, closing at noon', '2026-02-13T11:59:00-06:00', earlyFriday, true],
    ['Friday 12:00, closing at noon', '2026-02-13T12:00:00-06:00', earlyFriday, false],
  ])('%s → open %s', (_name, at, hours, open) => {
    expect(isCpsOpen(at, hours ? { hours } : {})).toBe(open);
  });

  test('the next opening follows the data: Friday opens at 07:30', () => {
    expect(nextCpsOpening('2026-02-13T06:00:00-06:00', { hours: earlyFriday })).toBe(
      '2026-02-13T13:30:00Z',
    );
  });

  test('4 business hours from Friday 10:00 with a noon close → Monday 09:00', () => {
    expect(addBusinessHours('2026-02-13T10:00:00-06:00', 4, { hours: earlyFriday })).toBe(
      '2026-02-16T15:00:00Z',
    );
  });

  test('a midnight close walks into the next open day', () => {
    // Tuesday 22:00 + 3 hours: 2 hours to midnight, the last hour next Tuesday from 07:00.
    expect(addBusinessHours(tue('22:00:00'), 3, { hours: nightDesk })).toBe('2026-02-17T14:00:00Z');
  });

  test('a holiday an administrator adds moves the promise; one made before keeps its time', () => {
    const madeBefore = addBusinessDays(tue('10:00:00'), 1, { holidays: [] });
    expect(madeBefore).toBe('2026-02-11T16:00:00Z');
    expect(addBusinessDays(tue('10:00:00'), 1, { holidays: ['2026-02-11'] })).toBe(
      '2026-02-12T16:00:00Z',
    );
    // The promise made earlier is a stored value: nothing recomputes it.
    expect(madeBefore).toBe('2026-02-11T16:00:00Z');
  });

  test('hours that leave no open day fail loudly', () => {
    expect(() => nextCpsOpening(tue('10:00:00'), { hours: [] })).toThrow(
      /leave no business day within three years/,
    );
  });
});

describe('opening-hours schemas', () => {
  test.each([
    [{ weekday: 1, opens: '07:00', closes: '18:00' }, true],
    [{ weekday: 7, opens: '00:00', closes: '24:00' }, true],
    [{ weekday: 0, opens: '07:00', closes: '18:00' }, false],
    [{ weekday: 1, opens: '7am', closes: '18:00' }, false],
    [{ weekday: 1, opens: '18:00', closes: '07:00' }, false],
    [{ weekday: 1, opens: '24:00', closes: '24:00' }, false],
  ])('%o → valid %s', (day, ok) => {
    expect(dayHoursSchema.safeParse(day).success).toBe(ok);
  });

  test('a weekday listed twice is refused', () => {
    const twice = [cpsStandardHours[0], cpsStandardHours[0]];
    expect(weeklyHoursSchema.safeParse(twice).error?.issues[0]?.message).toBe(
      'Each weekday is listed once',
    );
    expect(weeklyHoursSchema.safeParse(demoGeneralHdHours).success).toBe(true);
  });
});

describe('hoursText', () => {
  test.each([
    [cpsStandardHours, 'Monday–Friday 7am–6pm'],
    [demoGeneralHdHours, 'Monday–Friday 7am–midnight; Saturday–Sunday 9am–9pm'],
    [earlyFriday, 'Monday–Thursday 7am–6pm; Friday 7:30am–12pm'],
    [[{ weekday: 3, opens: '00:00', closes: '12:30' }], 'Wednesday 12am–12:30pm'],
    [
      [
        { weekday: 1, opens: '07:00', closes: '18:00' },
        { weekday: 3, opens: '07:00', closes: '18:00' },
      ],
      'Monday 7am–6pm; Wednesday 7am–6pm',
    ],
    [[], 'closed every day'],
  ])('%#: %s', (hours, text) => {
    expect(hoursText(hours)).toBe(text);
  });
});
