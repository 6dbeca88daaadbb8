// The user Help Online acts as, created on first use (its own small commit) so databases seeded
// before it existed keep working.
import { effects, insertRow, type Actor } from '@handoff/domain';
import { type Db } from './client';
import { commit } from './commit';
import { findPortalSystemActor, portalSystemUserRow } from './repositories/portal';

export async function ensurePortalSystemActor(db: Db, now: string): Promise<Actor> {
  const found = await findPortalSystemActor(db);
  if (found) return found;
  await commit(db, effects(now, { writes: [insertRow('user', { ...portalSystemUserRow })] }));
  return (await findPortalSystemActor(db))!;
}
