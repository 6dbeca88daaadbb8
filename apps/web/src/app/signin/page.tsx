import { type Metadata } from 'next';
import { redirect } from 'next/navigation';
import { homePathFor, safeCallbackPath } from '@handoff/domain';
import { getSession } from '../../server/session';
import { SignInForm } from './sign-in-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  // Only a same-site path is followed after sign-in (a deep link from an e-mail or notification).
  const callback = safeCallbackPath(typeof callbackUrl === 'string' ? callbackUrl : null);
  const session = await getSession();
  if (session) redirect(callback ?? homePathFor(session.user.role));
  return (
    <main id="main" tabIndex={-1} className="signin">
      <h1>Sign in to Handoff</h1>
      <SignInForm callbackPath={callback} />
    </main>
  );
}
