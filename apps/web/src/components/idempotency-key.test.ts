import { describe, expect, test } from 'vitest';
import { idempotencyKeySchema } from '@handoff/domain';
import { idempotencyKeeper, uuid } from './idempotency-key';

describe('idempotencyKeeper', () => {
  test('a retry of the same values keeps the key; changed values get a new one', () => {
    let n = 0;
    const withKey = idempotencyKeeper(() => `key-${++n}`);
    expect(withKey({ description: 'Printer jammed' }).idempotencyKey).toBe('key-1');
    expect(withKey({ description: 'Printer jammed' }).idempotencyKey).toBe('key-1');
    expect(withKey({ description: 'Printer jammed again' }).idempotencyKey).toBe('key-2');
    expect(withKey({ description: 'Printer jammed' })).toEqual({
      description: 'Printer jammed',
      idempotencyKey: 'key-3',
    });
  });

  test('uuid() is a v4 UUID the server schema accepts', () => {
    const key = uuid();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(idempotencyKeySchema.safeParse(key).success).toBe(true);
    expect(uuid()).not.toBe(key);
  });
});
