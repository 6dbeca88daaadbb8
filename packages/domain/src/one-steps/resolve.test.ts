import { describe, expect, test } from 'vitest';
import { resolve } from './resolve';
import { domainErrorOf, envFor, now, validInput } from './test-fixtures';

describe('resolve (DOMAIN.md §5)', () => {
  test('resolves with a customer-visible resolution and tells the customer', () => {
    const result = resolve(envFor('es'), validInput.resolve);
    expect(result.changes).toEqual({ status: 'resolved', version: 4, updatedAt: now });
    expect(result.audit).toEqual([
      { actorId: 10, field: 'status', fromValue: 'new', toValue: 'resolved', version: 4, at: now },
    ]);
    expect(result.journal.map((j) => [j.kind, j.visibility, j.body])).toEqual([
      ['system', 'internal', 'Resolved by Test es.'],
      ['note', 'customer', 'We reset your password.'],
    ]);
    expect(result.notifications).toEqual([
      expect.objectContaining({
        audience: 'customer',
        targetId: null,
        template: 'resolved',
        subject: 'INC-000001 is resolved',
      }),
    ]);
    expect(result.notifications[0]?.body).toMatch(
      /^We reset your password\.\n\nIf the issue still occurs/,
    );
  });

  test('no resolution → VALIDATION resolutionNote', () => {
    const error = domainErrorOf(() =>
      resolve(envFor('l1'), { ...validInput.resolve, resolutionNote: ' ' }),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION',
      fields: { resolutionNote: 'Write the resolution the customer will read' },
    });
  });
});
