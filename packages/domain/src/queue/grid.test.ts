import { describe, expect, test } from 'vitest';
import { type IncidentStatus } from '../incident/schema';
import { openStatuses } from '../incident/constants';
import { promiseMarker, queueGridInputSchema, queueStatuses } from './grid';

const now = '2026-11-24T16:00:00.000Z';

describe('promiseMarker', () => {
  test.each<[string, string | null, IncidentStatus, ReturnType<typeof promiseMarker>]>([
    ['no promise', null, 'new', null],
    ['past', '2026-11-24T15:59:00.000Z', 'new', 'overdue'],
    ['exactly now', now, 'assigned', 'overdue'],
    ['in 30 minutes', '2026-11-24T16:30:00.000Z', 'in_progress', 'due_soon'],
    ['in exactly an hour', '2026-11-24T17:00:00.000Z', 'new', 'due_soon'],
    ['in two hours', '2026-11-24T18:00:00.000Z', 'new', null],
    ['past, but resolved', '2026-11-24T15:00:00.000Z', 'resolved', null],
    ['past, but closed', '2026-11-24T15:00:00.000Z', 'closed', null],
    ['not an instant', 'soon', 'new', null],
  ])('%s', (_, at, status, marker) => {
    expect(promiseMarker(at, status, now)).toBe(marker);
  });
});

describe('queue grid input', () => {
  test('defaults: open incidents, oldest first', () => {
    const input = queueGridInputSchema.parse({ teamId: 1 });
    expect(input).toMatchObject({ sort: 'age', dir: 'asc', limit: 25 });
    expect(queueStatuses(input.status)).toEqual(openStatuses);
  });
  test.each([
    ['all', null],
    ['resolved', ['resolved']],
  ] as const)('status %s', (status, statuses) => {
    expect(queueStatuses(status)).toEqual(statuses);
  });
  test('an unknown sort is refused', () => {
    expect(queueGridInputSchema.safeParse({ teamId: 1, sort: 'password' }).success).toBe(false);
  });
});
