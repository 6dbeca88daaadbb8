import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestDb, type TestDb } from '../testing';
import { bumpSessionVersion, findByEmail, findSessionVersion } from './user';

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.close());

describe('session version (issue 13 item 6)', () => {
  test('starts at 0 and each bump ends the sessions issued before it', () => {
    const id = findByEmail(t.db, 'admin@handoff.test')!.id;
    expect(findSessionVersion(t.db, id)).toBe(0);
    expect(bumpSessionVersion(t.db, id)).toBe(1);
    expect(bumpSessionVersion(t.db, id)).toBe(2);
    expect(findSessionVersion(t.db, id)).toBe(2);
    // Only that user's.
    expect(findSessionVersion(t.db, findByEmail(t.db, 'l1@handoff.test')!.id)).toBe(0);
  });

  test('a login that is gone has no version; bumping it is NOT_FOUND', () => {
    expect(findSessionVersion(t.db, 99_999)).toBeUndefined();
    expect(() => bumpSessionVersion(t.db, 99_999)).toThrow('No login #99999.');
  });
});
