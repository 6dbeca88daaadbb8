'use client';

import { ErrorBanner, Loading } from '@handoff/ui';
import { api } from '../trpc/react';

const kindLabel = { account: 'Account', client: 'Client address' } as const;

/** Who is locked out of sign-in now (too many wrong passwords), with a button to let them try again. */
export function SignInLockouts() {
  const q = api.admin.lockouts.useQuery();
  const clear = api.admin.clearLockout.useMutation({ onSuccess: () => void q.refetch() });
  return (
    <>
      <h2>Sign-in lockouts</h2>
      {q.isLoading ? (
        <Loading />
      ) : q.error ? (
        <ErrorBanner message={q.error.message} />
      ) : q.data && q.data.length > 0 ? (
        <table aria-label="Sign-in lockouts">
          <thead>
            <tr>
              <th>Locked</th>
              <th>Who</th>
              <th>Failed sign-ins</th>
              <th>Until</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {q.data.map((l) => (
              <tr key={`${l.kind}:${l.id}`}>
                <td>{kindLabel[l.kind]}</td>
                <td>{l.id}</td>
                <td>{l.failures}</td>
                <td>{new Date(l.lockedUntil).toLocaleString()}</td>
                <td>
                  <button
                    type="button"
                    disabled={clear.isPending}
                    onClick={() => clear.mutate({ kind: l.kind, id: l.id })}
                  >
                    Clear lockout of {l.id}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Nobody is locked out of sign-in.</p>
      )}
      <ErrorBanner message={clear.error?.message ?? null} />
    </>
  );
}
