import { cookies } from 'next/headers';
import { userRepository } from '@handoff/db';
import { sessionClaimsFrom } from './auth';
import { getDb } from './db';

/** The signed-in user's session, or null (also when the session was ended since it was issued). */
export async function getSession() {
  const jar = await cookies();
  const claims = await sessionClaimsFrom((name) => jar.get(name)?.value);
  if (!claims || (await userRepository.findSessionVersion(getDb(), claims.uid)) !== claims.sv)
    return null;
  return {
    user: { id: claims.uid, name: claims.name ?? '', email: claims.email ?? '', role: claims.role },
    expires: new Date(claims.exp * 1000).toISOString(),
  };
}
