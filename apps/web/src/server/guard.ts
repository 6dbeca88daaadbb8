import { redirect } from 'next/navigation';
import { homePathFor, type Role } from '@handoff/domain';
import { getSession } from './auth';

/** Server-side page guard: no session → sign-in; a role the page is not for → that role's home. */
export async function requireRole(allowed: (role: Role) => boolean) {
  const session = await getSession();
  if (!session) redirect('/signin');
  if (!allowed(session.user.role)) redirect(homePathFor(session.user.role));
  return session;
}
