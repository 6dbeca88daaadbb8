import { describe, expect, test } from 'vitest';
import { dayOf, newSchedule, nextOpening } from './day-windows';
import { cpsStandardHours } from './opening-hours';

const zone = 'America/Chicago';
const at = (iso: string): number => Date.parse(iso);

describe('day windows: each local day computed once, as instants', () => {
  test.each([
    [
      'a CST weekday',
      '2026-02-10T12:00:00Z',
      '2026-02-10',
      '2026-02-10T06:00:00Z',
      24,
      '13:00',
      '00:00',
    ],
    [
      'the March DST Sunday is 23 hours',
      '2026-03-08T12:00:00Z',
      '2026-03-08',
      '2026-03-08T06:00:00Z',
      23,
      null,
      null,
    ],
    [
      'the November DST Sunday is 25 hours',
      '2026-11-01T12:00:00Z',
      '2026-11-01',
      '2026-11-01T05:00:00Z',
      25,
      null,
      null,
    ],
    [
      'a CDT weekday opens 07:00 CDT = 12:00Z',
      '2026-06-02T20:00:00Z',
      '2026-06-02',
      '2026-06-02T05:00:00Z',
      24,
      '12:00',
      '23:00',
    ],
    [
      'a holiday has no window',
      '2026-11-26T15:00:00Z',
      '2026-11-26',
      '2026-11-26T06:00:00Z',
      24,
      null,
      null,
    ],
    [
      'just before local midnight is still that day',
      '2026-02-11T05:59:59.999Z',
      '2026-02-10',
      '2026-02-10T06:00:00Z',
      24,
      '13:00',
      '00:00',
    ],
  ])('%s', (_, instant, key, start, hours, opens, closes) => {
    const s = newSchedule(zone, ['2026-11-26'], cpsStandardHours);
    const day = dayOf(s, at(instant));
    expect(day.key).toBe(key);
    expect(day.startMs).toBe(at(start));
    expect((day.endMs - day.startMs) / 3_600_000).toBe(hours);
    const hhmm = (ms: number): string => new Date(ms).toISOString().slice(11, 16);
    expect(day.window && [hhmm(day.window.opensMs), hhmm(day.window.closesMs)]).toEqual(
      opens === null ? null : [opens, closes],
    );
  });

  test('a day is computed once and then read from the cache', () => {
    const s = newSchedule(zone, [], cpsStandardHours);
    const first = dayOf(s, at('2026-02-10T12:00:00Z'));
    expect(dayOf(s, at('2026-02-10T20:00:00Z'))).toBe(first);
    expect(s.days.size).toBe(1);
  });

  test('full caches are emptied, and the days computed again are the same', () => {
    const s = newSchedule(zone, [], cpsStandardHours, { days: 2, quarters: 3 });
    const seen = ['2026-02-09', '2026-02-10', '2026-02-11', '2026-02-12'].map((d) =>
      dayOf(s, at(`${d}T15:00:00Z`)),
    );
    expect(s.days.size).toBeLessThanOrEqual(2);
    expect(s.byQuarter.size).toBeLessThanOrEqual(3);
    expect(dayOf(s, at('2026-02-09T15:00:00Z'))).toEqual(seen[0]);
  });

  test('an opening inside the repeated hour of the November change is the first one (01:30 CDT)', () => {
    const s = newSchedule(zone, [], [{ weekday: 7, opens: '01:30', closes: '03:15' }]);
    // 01:00 CST (07:00Z) comes after 01:30 CDT (06:30Z): the desk is already open.
    expect(nextOpening(s, at('2026-11-01T07:00:00Z')).at).toBe(at('2026-11-01T07:00:00Z'));
    expect(nextOpening(s, at('2026-11-01T05:00:00Z')).at).toBe(at('2026-11-01T06:30:00Z'));
    // 03:15 CST: the window is 3 h 45 min of real time.
    expect(dayOf(s, at('2026-11-01T07:00:00Z')).window?.closesMs).toBe(at('2026-11-01T09:15:00Z'));
  });
});
