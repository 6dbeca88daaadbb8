import { createFirstAdmin, firstAdminSchema } from '@handoff/domain';
import { type Db } from '../client';
import { commitSync } from '../commit';
import { hashPasswordSync } from '../password';
import { countActiveAdminsSync } from '../repositories/admin-audit';
import { isEmailInUseSync } from '../repositories/user';

/**
 * The first administrator of a deployment (`npm run admin:create`): refused for a weak password,
 * while an active administrator exists (unless `force`), or when the address is in use. Audited.
 */
export function createAdminLogin(
  db: Db,
  raw: { email: string; name: string; password: string; force?: boolean },
  now: string,
): { id: number; email: string } {
  const input = firstAdminSchema.parse(raw);
  // Hashing takes a moment on purpose; the domain refuses a weak password before it is stored.
  const passwordHash = hashPasswordSync(raw.password);
  const committed = commitSync(db, (read) =>
    createFirstAdmin(
      { ...input, password: raw.password, passwordHash, force: raw.force ?? false },
      { admins: countActiveAdminsSync(read), emailInUse: isEmailInUseSync(read, input.email) },
      now,
    ),
  );
  const row = committed.row('user', { ref: 'user' });
  return { id: row.id, email: row.email };
}
