import { describe, expect, test } from 'vitest';
import { type IncidentStatus } from '../incident/schema';
import {
  defaultPotentialOutageSettings,
  detectPotentialOutages,
  parsePotentialOutageSettings,
  type AlertIncident,
} from './potential-outage';

const now = '2026-12-08T15:00:00.000Z';
/** id, service, minutes before now, linked problem, status */
const inc = (
  id: number,
  serviceId: number,
  minutesAgo: number,
  problemId: number | null = null,
  status: IncidentStatus = 'new',
): AlertIncident => ({
  id,
  number: `INC-${String(id).padStart(6, '0')}`,
  serviceId,
  createdAt: new Date(Date.parse(now) - minutesAgo * 60_000).toISOString(),
  problemId,
  status,
});
const ids = (list: AlertIncident[], settings = defaultPotentialOutageSettings) =>
  detectPotentialOutages(list, settings, now).map((a) => [
    a.serviceId,
    a.incidents.map((i) => i.id),
  ]);

describe('detectPotentialOutages (3 incidents / 30 minutes by default)', () => {
  test.each([
    [
      '3 on one service within 30 minutes → alert',
      [inc(1, 9, 25), inc(2, 9, 10), inc(3, 9, 0)],
      [[9, [1, 2, 3]]],
    ],
    [
      'exactly 30 minutes apart still counts',
      [inc(1, 9, 30), inc(2, 9, 15), inc(3, 9, 0)],
      [[9, [1, 2, 3]]],
    ],
    ['31 minutes apart → no alert', [inc(1, 9, 31), inc(2, 9, 15), inc(3, 9, 0)], []],
    ['only 2 → no alert', [inc(1, 9, 5), inc(2, 9, 0)], []],
    ['3 spread over services → no alert', [inc(1, 9, 5), inc(2, 10, 4), inc(3, 9, 0)], []],
    [
      'one of them linked to a problem → no alert',
      [inc(1, 9, 5), inc(2, 9, 4, 40), inc(3, 9, 0)],
      [],
    ],
    [
      'a linked one outside the window does not matter',
      [inc(1, 9, 120, 40), inc(2, 9, 10), inc(3, 9, 5), inc(4, 9, 0)],
      [[9, [2, 3, 4]]],
    ],
    [
      'resolved incidents do not count',
      [inc(1, 9, 5, null, 'resolved'), inc(2, 9, 4), inc(3, 9, 0)],
      [],
    ],
    ['older than a day does not count', [inc(1, 9, 1500), inc(2, 9, 1490), inc(3, 9, 1480)], []],
    [
      'two services, two alerts, latest first',
      [inc(1, 9, 200), inc(2, 9, 190), inc(3, 9, 180), inc(4, 10, 2), inc(5, 10, 1), inc(6, 10, 0)],
      [
        [10, [4, 5, 6]],
        [9, [1, 2, 3]],
      ],
    ],
    [
      'overlapping windows merge into one burst',
      [inc(1, 9, 50), inc(2, 9, 30), inc(3, 9, 25), inc(4, 9, 10), inc(5, 9, 0)],
      [[9, [1, 2, 3, 4, 5]]],
    ],
    [
      'bursts hours apart stay two alerts',
      [inc(1, 9, 300), inc(2, 9, 299), inc(3, 9, 298), inc(4, 9, 2), inc(5, 9, 1), inc(6, 9, 0)],
      [
        [9, [4, 5, 6]],
        [9, [1, 2, 3]],
      ],
    ],
  ])('%s', (_name, list, expected) => {
    expect(ids(list)).toEqual(expected);
  });

  test('thresholds are settings: 5 in 10 minutes', () => {
    const list = [inc(1, 9, 9), inc(2, 9, 8), inc(3, 9, 7), inc(4, 9, 6)];
    expect(ids(list, { minIncidents: 5, windowMinutes: 10 })).toEqual([]);
    expect(ids([...list, inc(5, 9, 0)], { minIncidents: 5, windowMinutes: 10 })).toEqual([
      [9, [1, 2, 3, 4, 5]],
    ]);
    expect(ids(list, { minIncidents: 2, windowMinutes: 1 })).toEqual([[9, [1, 2, 3, 4]]]);
  });

  test.each([
    [undefined, defaultPotentialOutageSettings],
    [
      { minIncidents: 4, windowMinutes: 60 },
      { minIncidents: 4, windowMinutes: 60 },
    ],
    [{ minIncidents: 1, windowMinutes: 60 }, defaultPotentialOutageSettings],
    ['garbage', defaultPotentialOutageSettings],
  ])('stored %j → %j', (stored, expected) => {
    expect(parsePotentialOutageSettings(stored)).toEqual(expected);
  });
});
