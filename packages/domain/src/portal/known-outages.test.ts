import { describe, expect, test } from 'vitest';
import { currentOutagesFor, type KnownOutage } from './known-outages';

const now = '2026-11-24T16:00:00.000Z';
const outage = (number: string, over: Partial<KnownOutage>): KnownOutage => ({
  number,
  status: 'active',
  summary: `${number} summary`,
  serviceIds: [9],
  startsAt: '2026-11-24T14:00:00.000Z',
  expectedEndAt: null,
  ...over,
});

describe('currentOutagesFor ("is this already known?")', () => {
  const outages = [
    outage('OUT-1', {}),
    outage('OUT-2', { serviceIds: [3] }),
    outage('OUT-3', {
      status: 'planned',
      startsAt: '2026-11-24T15:00:00.000Z',
      expectedEndAt: '2026-11-24T18:00:00.000Z',
    }),
    outage('OUT-4', {
      status: 'planned',
      startsAt: '2026-11-25T15:00:00.000Z',
      expectedEndAt: '2026-11-25T18:00:00.000Z',
    }),
    outage('OUT-5', {
      status: 'planned',
      startsAt: '2026-11-23T15:00:00.000Z',
      expectedEndAt: '2026-11-23T18:00:00.000Z',
    }),
    outage('OUT-6', { serviceIds: [4, 9], expectedEndAt: '2026-11-24T17:00:00.000Z' }),
    outage('OUT-7', { status: 'planned', startsAt: null }),
  ];
  test('active ones and planned ones under way, for the chosen services, soonest end first', () => {
    expect(currentOutagesFor(outages, [9], now).map((o) => o.number)).toEqual([
      'OUT-6',
      'OUT-3',
      'OUT-1',
    ]);
  });
  test('another service sees only its own', () => {
    expect(currentOutagesFor(outages, [3], now).map((o) => o.number)).toEqual(['OUT-2']);
  });
  test('no services, no outages', () => {
    expect(currentOutagesFor(outages, [], now)).toEqual([]);
  });
});
