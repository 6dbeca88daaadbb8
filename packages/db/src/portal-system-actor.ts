// The user Help Online acts as, created on first use (its own small commit) so databases seeded
// before it existed keep working.
import { effects, insertRow, type Actor } from '@handoff/domain';
import { type Db } from './client';
import { commitSync } from './commit';
import { findPortalSystemActor, portalSystemUserRow } from './repositories/portal';

export function ensurePortalSystemActor(db: Db, now: string): Actor {
  const found = findPortalSystemActor(db);
  if (found) return found;
  commitSync(db, effects(now, { writes: [insertRow('user', { ...portalSystemUserRow })] }));
  return findPortalSystemActor(db)!;
}
