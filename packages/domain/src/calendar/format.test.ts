import { describe, expect, test } from 'vitest';
import { cpsHoursText, deskHoursText, formatLocal, formatPromise } from './format';

describe('formatLocal: help-desk local time for scripts', () => {
  test.each([
    ['afternoon', '2026-02-10T20:00:00Z', 'Tuesday 2:00 PM'],
    ['morning', '2026-02-11T16:00:00Z', 'Wednesday 10:00 AM'],
    ['midnight', '2026-02-11T06:00:00Z', 'Wednesday 12:00 AM'],
    ['noon', '2026-02-11T18:00:00Z', 'Wednesday 12:00 PM'],
    ['after the March DST change (CDT)', '2026-03-09T14:30:00Z', 'Monday 9:30 AM'],
    ['after the November DST change (CST)', '2026-11-02T15:30:00Z', 'Monday 9:30 AM'],
  ])('%s', (_name, at, expected) => {
    expect(formatLocal(at)).toBe(expected);
  });

  test('withDate adds the calendar date', () => {
    expect(formatLocal('2026-02-10T20:00:00Z', { withDate: true })).toBe(
      'Tuesday, February 10, 2:00 PM',
    );
  });
});

describe('formatPromise: weekday alone within the coming week', () => {
  test('five days ahead: weekday only', () => {
    expect(formatPromise('2026-11-30T15:00:00Z', '2026-11-25T22:00:00Z')).toBe('Monday 9:00 AM');
  });
  test('six or more days ahead: with the date, so "Monday" cannot mean the wrong Monday', () => {
    expect(formatPromise('2026-02-23T13:00:00Z', '2026-02-13T22:00:00Z')).toBe(
      'Monday, February 23, 7:00 AM',
    );
  });
});

test('cpsHoursText', () => {
  expect(cpsHoursText).toBe('Monday–Friday, 7:00 AM to 6:00 PM Central time');
});

test.each([
  ['no data: CPS standard hours', undefined, 'Monday–Friday 7am–6pm Central time'],
  [
    'hours an administrator kept',
    [
      { weekday: 1, opens: '08:00', closes: '17:30' },
      { weekday: 6, opens: '09:00', closes: '12:00' },
    ],
    'Monday 8am–5:30pm; Saturday 9am–12pm Central time',
  ],
])('deskHoursText: %s', (_name, hours, text) => {
  expect(deskHoursText(hours)).toBe(text);
});
