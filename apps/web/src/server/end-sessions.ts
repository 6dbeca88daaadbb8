// Ends every session of a login (sign-out everywhere): the domain decides (endOwnSessions), the
// commit module writes the new session version, the audit row and the `user` change event.
import { endOwnSessions } from '@handoff/domain';
import { adminAuditRepository, commit, type Db } from '@handoff/db';
import { now as serverNow } from './clock';

export const endSessions = (db: Db, userId: number, now: string = serverNow()) =>
  commit(db, async (read) =>
    endOwnSessions(await adminAuditRepository.findTarget(read, userId), now),
  );
