'use client';

import { useState } from 'react';
import { ErrorBanner, Loading } from '@handoff/ui';
import { api } from '../trpc/react';

/**
 * Each team's leads (issue 18): told when the team's SLA clock breaches, and see /reports. An
 * administrator adds or removes one at a time; each change is audited and shown in the admin log.
 */
export function TeamLeadsAdmin() {
  const q = api.sla.teamLeads.useQuery();
  const utils = api.useUtils();
  const [adding, setAdding] = useState<Record<number, string>>({});
  const set = api.sla.setTeamLeads.useMutation({
    onSuccess: async () => {
      setAdding({});
      await Promise.all([q.refetch(), utils.admin.auditLog.invalidate()]);
    },
  });
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorBanner message={q.error.message} />;
  const teams = q.data?.teams ?? [];
  const candidates = q.data?.candidates ?? [];
  const leadsOf = (teamId: number) =>
    (teams.find((t) => t.id === teamId)?.leads ?? []).map((l) => l.userId);
  return (
    <section aria-label="Team leads">
      <h2>Team leads</h2>
      <p>A team’s leads are told when one of its SLA clocks breaches, and may open the reports.</p>
      <ErrorBanner message={set.error?.message ?? null} />
      <table aria-label="Team leads">
        <thead>
          <tr>
            <th>Team</th>
            <th>Leads</th>
          </tr>
        </thead>
        <tbody>
          {teams.map((t) => {
            const choice = adding[t.id] ?? '';
            const current = leadsOf(t.id);
            return (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td data-testid="team-leads">
                  {t.leads.length === 0
                    ? 'No lead'
                    : t.leads.map((l) => (
                        <span key={l.userId}>
                          {l.name}{' '}
                          <button
                            type="button"
                            disabled={set.isPending}
                            aria-label={`Remove ${l.name} as lead of ${t.name}`}
                            onClick={() =>
                              set.mutate({
                                teamId: t.id,
                                userIds: current.filter((id) => id !== l.userId),
                              })
                            }
                          >
                            Remove
                          </button>{' '}
                        </span>
                      ))}
                  <form
                    aria-label={`Add a lead to ${t.name}`}
                    onSubmit={(e) => {
                      e.preventDefault();
                      if (choice !== '')
                        set.mutate({ teamId: t.id, userIds: [...current, Number(choice)] });
                    }}
                  >
                    <select
                      aria-label={`New lead of ${t.name}`}
                      value={choice}
                      onChange={(e) => setAdding((a) => ({ ...a, [t.id]: e.target.value }))}
                    >
                      <option value="">Add a lead…</option>
                      {candidates
                        .filter((c) => !current.includes(c.id))
                        .map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.name}
                          </option>
                        ))}
                    </select>{' '}
                    <button type="submit" disabled={set.isPending || choice === ''}>
                      Add lead
                    </button>
                  </form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
