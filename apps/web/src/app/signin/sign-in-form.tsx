'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { ErrorBanner, Field } from '@handoff/ui';

export function SignInForm({ callbackPath }: { callbackPath: string | null }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await signIn('credentials', { email, password, redirect: false });
    if (!res || res.error) {
      setBusy(false);
      // 429: locked out for a while (the message says until when); a deactivated login says so.
      setError(
        res?.error && res.error !== 'CredentialsSignin'
          ? res.error
          : 'That e-mail and password do not match an account. Check both and try again.',
      );
      return;
    }
    // Back to the deep link that asked for sign-in (validated on the server), else each role's home.
    window.location.assign(callbackPath ?? '/');
  }

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorBanner message={error} />
      <Field id="email" label="E-mail" required>
        <input
          id="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
          autoFocus
        />
      </Field>
      <Field id="password" label="Password" required>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </Field>
      <div className="actions">
        <button className="primary" type="submit" disabled={busy || !email || !password}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}
