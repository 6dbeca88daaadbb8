import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { homePathFor, safeCallbackPath, type Role } from '@handoff/domain';
import { getSession } from './session';

/** Where a signed-out visitor goes: the sign-in page, remembering the deep link they followed. */
export function signInPathFor(requested: string | null): string {
  const callback = safeCallbackPath(requested);
  return callback && callback !== '/'
    ? `/signin?callbackUrl=${encodeURIComponent(callback)}`
    : '/signin';
}

/** Server-side page guard: no session → sign-in (then back here); a role the page is not for → that role's home. */
export async function requireRole(allowed: (role: Role) => boolean) {
  const session = await getSession();
  if (!session) redirect(signInPathFor((await headers()).get('x-handoff-path')));
  if (!allowed(session.user.role)) redirect(homePathFor(session.user.role));
  return session;
}
