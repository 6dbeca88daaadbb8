import { redirect } from 'next/navigation';
import { homePathFor } from '@handoff/domain';
import { getSession } from '../server/session';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const session = await getSession();
  redirect(session ? homePathFor(session.user.role) : '/signin');
}
