import { describe, expect, test } from 'vitest';
import { hashPassword, hashPasswordSync, verifyPassword, verifySignIn } from './password';

describe('passwords (issue 13 item 5)', () => {
  test('verifying runs off the event loop: other work runs while scrypt does', async () => {
    const stored = hashPasswordSync('handoff-demo');
    const order: string[] = [];
    const check = verifyPassword('handoff-demo', stored).then((ok) => order.push(`verified ${ok}`));
    setImmediate(() => order.push('other request'));
    await check;
    expect(order).toEqual(['other request', 'verified true']);
  });

  test('async and sync hashes verify alike; a wrong password does not', async () => {
    for (const stored of [await hashPassword('s3cret'), hashPasswordSync('s3cret')]) {
      expect(await verifyPassword('s3cret', stored)).toBe(true);
      expect(await verifyPassword('s3cret!', stored)).toBe(false);
    }
  });

  test('an unknown address (no stored hash) is refused after the same scrypt work', async () => {
    const order: string[] = [];
    const check = verifySignIn('anything', undefined).then((ok) => order.push(`signed in ${ok}`));
    setImmediate(() => order.push('scrypt still running'));
    await check;
    expect(order).toEqual(['scrypt still running', 'signed in false']);
    expect(await verifySignIn('s3cret', hashPasswordSync('s3cret'))).toBe(true);
  });
});
