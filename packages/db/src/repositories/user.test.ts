import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { endOwnSessions } from '@handoff/domain';
import { commit } from '../commit';
import { createTestDb, type TestDb } from '../testing';
import { buildUser } from '../testing/builders';
import { findTarget } from './admin-audit';
import { findSessionVersion } from './user';

let t: TestDb;
beforeEach(() => {
  t = createTestDb({ seed: false });
});
afterEach(() => t.close());

const now = '2026-12-01T10:00:00.000Z';
const endSessions = (id: number) =>
  commit(t.db, async (read) => endOwnSessions(await findTarget(read, id), now));

describe('session version (issue 13 item 6)', () => {
  test('starts at 0 and each sign-out ends the sessions issued before it', async () => {
    const { id } = await buildUser(t.db, { role: 'admin' });
    const other = await buildUser(t.db);
    expect(await findSessionVersion(t.db, id)).toBe(0);
    await endSessions(id);
    expect(await findSessionVersion(t.db, id)).toBe(1);
    await endSessions(id);
    expect(await findSessionVersion(t.db, id)).toBe(2);
    // Only that user's.
    expect(await findSessionVersion(t.db, other.id)).toBe(0);
  });

  test('a login that is gone has no version; ending its sessions writes nothing', async () => {
    expect(await findSessionVersion(t.db, 99_999)).toBeUndefined();
    expect((await endSessions(99_999)).changeIds).toEqual([]);
  });
});
