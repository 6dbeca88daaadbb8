import { describe, expect, test } from 'vitest';
import { reopen } from './reopen';
import { domainErrorOf, envFor, validInput } from './test-fixtures';

describe('reopen (DOMAIN.md §5)', () => {
  test.each([
    ['resolved, owned by an agent', 'resolved', 10, 'in_progress'],
    ['closed, owned by an agent', 'closed', 10, 'in_progress'],
    ['closed, in a team queue', 'closed', null, 'assigned'],
  ] as const)('%s → %s', (_name, status, ownerAgentId, expected) => {
    const result = reopen(
      envFor('tier2', { incident: { status, ownerAgentId } }),
      validInput.reopen,
    );
    expect(result.changes.status).toBe(expected);
    expect(result.journal.map((j) => [j.kind, j.visibility, j.body])).toEqual([
      ['system', 'internal', 'Reopened by Test tier2.'],
      ['note', 'internal', 'The customer says it broke again.'],
    ]);
  });

  test('no reason → VALIDATION reason', () => {
    const error = domainErrorOf(() =>
      reopen(envFor('l1', { incident: { status: 'closed' } }), {
        ...validInput.reopen,
        reason: '',
      }),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION',
      fields: { reason: 'Say why the incident is reopened' },
    });
  });
});
