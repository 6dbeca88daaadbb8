'use client';

import { useRouter } from 'next/navigation';
import { ErrorBanner, Time } from '@handoff/ui';
import { api } from '../trpc/react';

/** Open chat consults for the CPS or ES team, oldest first; accepting one makes you the owner. */
export function ConsultRequests({ team }: { team: 'cps' | 'es' }) {
  const router = useRouter();
  const utils = api.useUtils();
  const list = api.consult.listOpen.useQuery({ team });
  const accept = api.consult.accept.useMutation({
    onSuccess: async (r) => {
      await utils.invalidate();
      router.push(`/incidents/${r.number}`);
    },
  });
  const rows = list.data ?? [];
  return (
    <section className="panel" aria-label="Consult requests">
      <h2 style={{ marginTop: 0 }}>Chat consult requests</h2>
      <ErrorBanner message={list.error?.message ?? accept.error?.message} />
      {rows.length === 0 ? (
        <p className="empty">No one is waiting in the chat channel.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Incident</th>
              <th>Summary</th>
              <th>Waiting since</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td>{c.number}</td>
                <td>
                  {c.customerName ?? c.callerName} · {c.serviceName}: {c.description.slice(0, 80)}
                </td>
                <td>
                  <Time at={c.openedAt} /> by {c.openedByName}
                </td>
                <td>
                  <button
                    type="button"
                    className="primary"
                    disabled={accept.isPending}
                    onClick={() => accept.mutate({ consultId: c.id })}
                  >
                    Accept
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
