import { describe, expect, test } from 'vitest';
import { close } from './close';
import { envFor, now, validInput } from './test-fixtures';

describe('close (DOMAIN.md §5)', () => {
  test('a resolved incident closes', () => {
    const result = close(envFor('hdqa', { incident: { status: 'resolved' } }), validInput.close);
    expect(result.changes).toEqual({ status: 'closed', version: 4, updatedAt: now });
    expect(result.audit.map((a) => [a.field, a.fromValue, a.toValue])).toEqual([
      ['status', 'resolved', 'closed'],
    ]);
    expect(result.journal.map((j) => j.body)).toEqual(['Closed by Test hdqa.']);
    expect(result.notifications).toEqual([]);
  });
});
