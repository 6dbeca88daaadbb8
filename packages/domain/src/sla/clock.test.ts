import { describe, expect, test } from 'vitest';
import {
  addBusinessDays,
  addBusinessHours,
  addBusinessMs,
  addMinutes,
  businessMsBetween,
  type CalendarContext,
} from '../calendar';
import { demoGeneralHdHours } from '../calendar/opening-hours';
import {
  afterWarnings,
  clockStanding,
  dueWarnings,
  pauseClock,
  resumeClock,
  startClock,
  stopClock,
  type ClockTimes,
} from './clock';
import { promiseDue } from './kb-promises';
import { type SlaCalendar, type Target } from './schema';
import { aroundTheClock, slaCalendarsOf, targetLabel } from './target';

const h = 3_600_000;
const cps: CalendarContext = {};
const calendars = slaCalendarsOf({
  holidays: ['2026-11-26', '2026-11-27', '2026-12-25'],
  cps: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '07:00', closes: '18:00' })),
  general_hd: demoGeneralHdHours,
});

describe('open time between two instants (the calendar the clocks run on)', () => {
  test.each([
    // name, from, to, calendar, hours
    ['within one day', '2026-03-02T16:00:00Z', '2026-03-02T18:00:00Z', 'cps', 2],
    ['across a night', '2026-03-02T23:00:00Z', '2026-03-03T14:00:00Z', 'cps', 2], // Mon 17:00 → Tue 08:00 CST
    ['across a weekend', '2026-03-06T23:00:00Z', '2026-03-09T13:00:00Z', 'cps', 2], // Fri 17:00 CST → Mon 08:00 CDT
    ['over Thanksgiving', '2026-11-25T23:00:00Z', '2026-11-30T14:00:00Z', 'cps', 2], // Wed 17:00 → Mon 08:00
    ['to before from', '2026-03-02T18:00:00Z', '2026-03-02T16:00:00Z', 'cps', 0],
    ['from a closed time', '2026-03-07T16:00:00Z', '2026-03-09T14:00:00Z', 'cps', 2], // Sat → Mon 09:00 CDT
    ['spring forward, around the clock', '2026-03-08T07:00:00Z', '2026-03-08T09:00:00Z', '24x7', 2],
    ['fall back, around the clock', '2026-11-01T05:00:00Z', '2026-11-01T08:00:00Z', '24x7', 3],
    // Fri 20:00–24:00 (4 h) + Sat 09:00–21:00 (12 h) + Sun 09:00–10:00 CDT (1 h).
    [
      'General HD Friday evening to Sunday',
      '2026-03-07T02:00:00Z',
      '2026-03-08T15:00:00Z',
      'general_hd',
      17,
    ],
  ] as const)('%s', (_name, from, to, calendar, hours) => {
    expect(businessMsBetween(from, to, calendars[calendar])).toBe(hours * h);
  });
});

describe('open time added to an instant', () => {
  test.each([
    ['lands inside a day', '2026-03-02T16:00:00Z', 2 * h, 'close', '2026-03-02T18:00:00Z'],
    [
      'exactly at closing, close landing',
      '2026-03-02T16:00:00Z',
      8 * h,
      'close',
      '2026-03-03T00:00:00Z',
    ],
    [
      'exactly at closing, open landing',
      '2026-03-02T16:00:00Z',
      8 * h,
      'open',
      '2026-03-03T13:00:00Z',
    ],
    ['negative time is none', '2026-03-02T16:00:00Z', -h, 'close', '2026-03-02T16:00:00Z'],
  ] as const)('%s', (_name, at, ms, landing, expected) => {
    expect(addBusinessMs(at, ms, cps, landing)).toBe(expected);
  });
  test('defaults to the closing', () => {
    expect(addBusinessMs('2026-03-02T16:00:00Z', 8 * h)).toBe('2026-03-03T00:00:00Z');
  });
});

describe('the kb promises come from the clock engine and equal the calendar rules', () => {
  test.each([
    ['Friday 16:30', '2026-03-06T22:30:00Z'],
    ['Saturday 10:00', '2026-03-07T16:00:00Z'],
    ['Monday 07:00', '2026-03-09T12:00:00Z'],
    ['just before closing', '2026-03-09T22:59:00Z'],
    ['the day before Thanksgiving', '2026-11-25T20:00:00Z'],
    ['before the fall DST change', '2026-10-30T21:00:00Z'],
    ['a night', '2026-03-10T04:00:00Z'],
  ])('%s', (_name, at) => {
    expect(promiseDue('contactBy', at)).toBe(addBusinessHours(at, 4));
    expect(promiseDue('callIfNoContactBy', at)).toBe(addBusinessDays(at, 1));
    expect(promiseDue('respondBy', at)).toBe(addBusinessDays(at, 1));
    expect(promiseDue('techContactBy', at)).toBe(addMinutes(at, 60));
  });
  test('kb 000 examples: Friday 16:30 + 4 business hours = Monday 09:30; Saturday + 1 business day = Tuesday 07:00', () => {
    expect(promiseDue('contactBy', '2026-03-06T22:30:00Z')).toBe('2026-03-09T14:30:00Z');
    expect(promiseDue('callIfNoContactBy', '2026-03-07T16:00:00Z')).toBe('2026-03-10T12:00:00Z');
  });
  test('the promised calendar is the one given (an admin holiday moves the promise)', () => {
    expect(promiseDue('contactBy', '2026-03-06T22:30:00Z', { holidays: ['2026-03-09'] })).toBe(
      '2026-03-10T14:30:00Z',
    );
  });
});

const spec = (calendar: SlaCalendar, target: Target) => ({
  incidentId: 1,
  teamId: 2,
  kind: 'resolution' as const,
  cycle: 1,
  policyId: 3,
  calendar,
  target,
});
const hours = (amount: number): Target => ({ amount, unit: 'business_hours' });

describe('pause and resume (waiting on the customer)', () => {
  test.each([
    // name, calendar, target, start, pause, resume, due after resume
    [
      'overnight',
      'cps',
      hours(4),
      '2026-03-02T16:00:00.000Z',
      '2026-03-02T17:00:00.000Z',
      '2026-03-03T15:00:00.000Z',
      '2026-03-03T18:00:00.000Z',
    ],
    [
      'over a weekend and the spring DST change',
      'cps',
      hours(4),
      '2026-03-06T20:00:00.000Z',
      '2026-03-06T23:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-09T14:00:00.000Z',
    ],
    [
      'resumed on a holiday runs from the next opening',
      'cps',
      hours(4),
      '2026-11-25T22:00:00.000Z',
      '2026-11-25T23:00:00.000Z',
      '2026-11-26T16:00:00.000Z',
      '2026-11-30T16:00:00.000Z',
    ],
    [
      'around the clock over the fall DST change',
      '24x7',
      hours(4),
      '2026-11-01T04:00:00.000Z',
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T07:00:00.000Z',
      '2026-11-01T10:00:00.000Z',
    ],
    [
      'around the clock over the spring DST change',
      '24x7',
      hours(2),
      '2026-03-08T06:30:00.000Z',
      '2026-03-08T07:00:00.000Z',
      '2026-03-08T08:00:00.000Z',
      '2026-03-08T09:30:00.000Z',
    ],
    [
      'General HD hours over a Saturday night and the spring DST change',
      'general_hd',
      hours(3),
      '2026-03-07T01:00:00.000Z',
      '2026-03-07T02:00:00.000Z',
      '2026-03-08T02:00:00.000Z',
      '2026-03-08T15:00:00.000Z',
    ],
    [
      'a business day paused for a day',
      'cps',
      { amount: 1, unit: 'business_days' },
      '2026-03-02T16:00:00.000Z',
      '2026-03-02T18:00:00.000Z',
      '2026-03-04T13:00:00.000Z',
      '2026-03-04T22:00:00.000Z',
    ],
  ] as const)('%s', (_name, calendar, target, start, pause, resume, due) => {
    const cal = calendars[calendar];
    const started = startClock(spec(calendar, target), start, cal);
    const paused = pauseClock(started, pause, cal);
    expect(paused).toMatchObject({
      runningSince: null,
      pausedAt: pause,
      dueAt: null,
      nextWarningAt: null,
    });
    expect(clockStanding(paused, resume, cal).state).toBe('paused');
    expect(clockStanding(paused, resume, cal).usedMs).toBe(paused.usedMs);
    const resumed = resumeClock(paused, resume, cal);
    expect(resumed).toMatchObject({ runningSince: resume, pausedAt: null, dueAt: due });
  });

  test.each([
    [
      'pausing a paused clock',
      (c: ClockTimes, cal: CalendarContext) => pauseClock(c, '2026-03-02T18:00:00.000Z', cal),
    ],
    [
      'resuming a running clock',
      (c: ClockTimes, cal: CalendarContext) => resumeClock(c, '2026-03-02T18:00:00.000Z', cal),
    ],
  ])('%s changes nothing', (name, op) => {
    const cal = calendars.cps;
    const running = startClock(spec('cps', hours(4)), '2026-03-02T16:00:00.000Z', cal);
    const c = name.startsWith('pausing')
      ? pauseClock(running, '2026-03-02T17:00:00.000Z', cal)
      : running;
    expect(op(c, cal)).toBe(c);
  });

  test('a stopped clock does not resume', () => {
    const cal = calendars.cps;
    const stopped = stopClock(
      startClock(spec('cps', hours(4)), '2026-03-02T16:00:00.000Z', cal),
      '2026-03-02T17:00:00.000Z',
      cal,
    );
    expect(resumeClock(stopped, '2026-03-02T18:00:00.000Z', cal)).toBe(stopped);
  });

  test('a clock paused after its breach keeps the breach instant through the resume', () => {
    const cal = calendars.cps;
    const c = startClock(spec('cps', hours(1)), '2026-03-02T16:00:00.000Z', cal);
    const paused = pauseClock(c, '2026-03-02T18:00:00.000Z', cal);
    expect(paused.dueAt).toBe('2026-03-02T17:00:00.000Z');
    const resumed = resumeClock(paused, '2026-03-03T15:00:00.000Z', cal);
    expect(resumed.dueAt).toBe('2026-03-02T17:00:00.000Z');
    // Its 75% point is long past: the warning is due at once.
    expect(resumed.warnAt).toBe('2026-03-03T15:00:00.000Z');
  });
});

describe('stop (resolve, hand-off, replaced promise)', () => {
  const cal = calendars.cps;
  const start = '2026-03-02T16:00:00.000Z'; // Mon 10:00 CST, 4 business hours → 14:00 CST (20:00Z)
  test.each([
    ['resolved within target', '2026-03-02T19:00:00.000Z', 'done', 'met'],
    ['resolved exactly at the due', '2026-03-02T20:00:00.000Z', 'done', 'met'],
    ['resolved after the due', '2026-03-02T20:00:01.000Z', 'done', 'breached'],
    ['handed on within target', '2026-03-02T19:00:00.000Z', 'handed_off', 'handed_off'],
    ['handed on after the due', '2026-03-03T19:00:00.000Z', 'handed_off', 'breached'],
    ['promise replaced within target', '2026-03-02T19:00:00.000Z', 'superseded', 'superseded'],
  ] as const)('%s', (_name, at, reason, outcome) => {
    const c = startClock(spec('cps', hours(4)), start, cal);
    const stopped = stopClock(c, at, cal, reason);
    expect(stopped).toMatchObject({
      stoppedAt: at,
      outcome,
      runningSince: null,
      nextWarningAt: null,
    });
    expect(stopClock(stopped, '2026-03-05T00:00:00.000Z', cal)).toBe(stopped);
    expect(clockStanding(stopped, '2026-03-09T00:00:00.000Z', cal)).toMatchObject({
      state: 'stopped',
      outcome,
      breached: outcome === 'breached',
    });
  });
  test('stopped while paused counts only the time it ran', () => {
    const c = pauseClock(
      startClock(spec('cps', hours(4)), start, cal),
      '2026-03-02T17:00:00.000Z',
      cal,
    );
    const stopped = stopClock(c, '2026-03-04T17:00:00.000Z', cal);
    expect(stopped).toMatchObject({ usedMs: h, outcome: 'met' });
  });
});

describe('standing and warnings', () => {
  const cal = calendars.cps;
  const c = startClock(spec('cps', hours(4)), '2026-03-02T16:00:00.000Z', cal);
  test('a new clock knows its 75% point and due', () => {
    expect(c).toMatchObject({
      warnAt: '2026-03-02T19:00:00.000Z',
      dueAt: '2026-03-02T20:00:00.000Z',
      nextWarningAt: '2026-03-02T19:00:00.000Z',
      targetMs: 4 * h,
      targetLabel: '4 business hours',
    });
  });
  test.each([
    [
      'early',
      '2026-03-02T17:00:00.000Z',
      { atRisk: false, breached: false, remainingMs: 3 * h },
      [],
    ],
    [
      'at 75%',
      '2026-03-02T19:00:00.000Z',
      { atRisk: true, breached: false, remainingMs: h },
      ['at_risk'],
    ],
    [
      'at the due',
      '2026-03-02T20:00:00.000Z',
      { atRisk: true, breached: false, remainingMs: 0 },
      ['at_risk', 'breached'],
    ],
    [
      'after the due',
      '2026-03-03T13:00:00.000Z',
      { atRisk: false, breached: true, remainingMs: -4 * h },
      ['at_risk', 'breached'],
    ],
  ] as const)('%s', (_name, now, standing, warnings) => {
    expect(clockStanding(c, now, cal)).toMatchObject({ state: 'running', ...standing });
    expect(dueWarnings(c, now)).toEqual(warnings);
  });
  test('after the 75% warning the next one is the breach; after both, none', () => {
    const warned = { ...c, ...afterWarnings(c, ['at_risk'], '2026-03-02T19:00:00.000Z') };
    expect(warned).toMatchObject({ warnedAt: '2026-03-02T19:00:00.000Z', nextWarningAt: c.dueAt });
    expect(dueWarnings(warned, '2026-03-02T19:30:00.000Z')).toEqual([]);
    const both = { ...warned, ...afterWarnings(warned, ['breached'], '2026-03-02T20:00:00.000Z') };
    expect(both).toMatchObject({
      breachNotifiedAt: '2026-03-02T20:00:00.000Z',
      nextWarningAt: null,
    });
    expect(dueWarnings(both, '2026-03-09T00:00:00.000Z')).toEqual([]);
  });
  test('a breach warning given before the 75% one leaves the 75% one next', () => {
    expect(afterWarnings(c, ['breached'], '2026-03-02T20:00:00.000Z')).toEqual({
      warnedAt: null,
      breachNotifiedAt: '2026-03-02T20:00:00.000Z',
      nextWarningAt: c.warnAt,
    });
  });
  test('a clock resumed after both warnings were given gives none again', () => {
    const warned = {
      ...c,
      ...afterWarnings(c, ['at_risk', 'breached'], '2026-03-02T20:00:00.000Z'),
    };
    const resumed = resumeClock(
      pauseClock(warned, '2026-03-02T21:00:00.000Z', cal),
      '2026-03-03T15:00:00.000Z',
      cal,
    );
    expect(resumed.nextWarningAt).toBeNull();
    expect(dueWarnings(resumed, '2026-03-09T00:00:00.000Z')).toEqual([]);
  });
  test('a paused clock gives no warning', () => {
    expect(
      dueWarnings(pauseClock(c, '2026-03-02T17:00:00.000Z', cal), '2026-03-09T00:00:00.000Z'),
    ).toEqual([]);
  });
  test('a clock without instants gives no warning', () => {
    expect(dueWarnings({ ...c, warnAt: null, dueAt: null }, '2026-03-09T00:00:00.000Z')).toEqual(
      [],
    );
  });
});

describe('targets', () => {
  test.each([
    [{ amount: 1, unit: 'business_hours' }, '1 business hour'],
    [{ amount: 8, unit: 'business_hours' }, '8 business hours'],
    [{ amount: 1, unit: 'business_days' }, '1 business day'],
    [{ amount: 3, unit: 'business_days' }, '3 business days'],
    [{ amount: 60, unit: 'minutes' }, '60 minutes'],
  ] as const)('%o reads "%s"', (target, label) => {
    expect(targetLabel(target)).toBe(label);
  });
  test('minutes on the 24x7 calendar are clock minutes, also across a DST change', () => {
    const c = startClock(
      spec('24x7', { amount: 90, unit: 'minutes' }),
      '2026-11-01T06:00:00.000Z',
      aroundTheClock,
    );
    expect(c.dueAt).toBe('2026-11-01T07:30:00.000Z');
  });
});
