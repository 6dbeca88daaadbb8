import { redirect } from 'next/navigation';
import { homePathFor } from '@handoff/domain';
import { getSession } from '../../server/auth';
import { SignInForm } from './sign-in-form';

export const dynamic = 'force-dynamic';

export default async function SignInPage() {
  const session = await getSession();
  if (session) redirect(homePathFor(session.user.role));
  return (
    <main className="signin">
      <h1>Sign in to Handoff</h1>
      <SignInForm />
    </main>
  );
}
