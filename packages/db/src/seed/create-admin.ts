import { createFirstAdmin, firstAdminSchema } from '@handoff/domain';
import { type Db } from '../client';
import { commit } from '../commit';
import { hashPassword } from '../password';
import { countActiveAdmins } from '../repositories/admin-audit';
import { isEmailInUse } from '../repositories/user';

/**
 * The first administrator of a deployment (`npm run admin:create`): refused for a weak password,
 * while an active administrator exists (unless `force`), or when the address is in use. Audited.
 * On either engine (`db` may be a PostgreSQL Reader).
 */
export async function createAdminLogin(
  db: Db,
  raw: { email: string; name: string; password: string; force?: boolean },
  now: string,
): Promise<{ id: number; email: string }> {
  const input = firstAdminSchema.parse(raw);
  // Hashing takes a moment on purpose; the domain refuses a weak password before it is stored.
  const passwordHash = await hashPassword(raw.password);
  const committed = await commit(db, async (read) =>
    createFirstAdmin(
      { ...input, password: raw.password, passwordHash, force: raw.force ?? false },
      { admins: await countActiveAdmins(read), emailInUse: await isEmailInUse(read, input.email) },
      now,
    ),
  );
  const row = committed.row('user', { ref: 'user' });
  return { id: row.id, email: row.email };
}
