'use client';

import { useState } from 'react';
import { roleLabels } from '@handoff/domain';
import { ErrorBanner, Loading } from '@handoff/ui';
import { api } from '../trpc/react';

/**
 * Every login with its role, and what an administrator does to one (issue 13 item 9): deactivate
 * (it cannot sign in, its sessions end), reactivate, and reset the password to a one-time password
 * shown here once, for the administrator to pass on.
 */
export function UserLoginsAdmin() {
  const utils = api.useUtils();
  const q = api.admin.overview.useQuery();
  const [issued, setIssued] = useState<{ name: string; password: string } | null>(null);
  const done = () => {
    void utils.admin.overview.invalidate();
    void utils.admin.auditLog.invalidate();
  };
  const deactivate = api.admin.deactivateUser.useMutation({ onSuccess: done });
  const reactivate = api.admin.reactivateUser.useMutation({ onSuccess: done });
  const reset = api.admin.resetPassword.useMutation({ onSuccess: done });
  const busy = deactivate.isPending || reactivate.isPending || reset.isPending;
  const error = deactivate.error ?? reactivate.error ?? reset.error;
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorBanner message={q.error.message} />;
  return (
    <>
      <h2>Users</h2>
      <ErrorBanner message={error?.message ?? null} />
      {issued && (
        <p role="status" className="panel">
          One-time password for {issued.name}: <code>{issued.password}</code> — tell them now; it is
          not shown again. Their sessions have ended.
        </p>
      )}
      <table aria-label="Users">
        <thead>
          <tr>
            <th>Name</th>
            <th>E-mail</th>
            <th>Role</th>
            <th>Login</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {q.data?.users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{roleLabels[u.role]}</td>
              <td>{u.deactivatedAt ? 'Deactivated' : 'Active'}</td>
              <td>
                {u.deactivatedAt ? (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => reactivate.mutate({ userId: u.id })}
                  >
                    Reactivate {u.name}
                  </button>
                ) : (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => {
                      if (window.confirm(`Deactivate ${u.name}? They are signed out at once.`))
                        deactivate.mutate({ userId: u.id });
                    }}
                  >
                    Deactivate {u.name}
                  </button>
                )}{' '}
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => {
                    if (!window.confirm(`Reset ${u.name}'s password? They are signed out at once.`))
                      return;
                    reset.mutate(
                      { userId: u.id },
                      { onSuccess: (r) => setIssued({ name: u.name, password: r.password }) },
                    );
                  }}
                >
                  Reset password of {u.name}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
