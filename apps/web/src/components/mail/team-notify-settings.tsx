'use client';

import { teamNotifyLabels, teamNotifySettings, type TeamNotify } from '@handoff/domain';
import { ErrorBanner, Loading } from '@handoff/ui';
import { api } from '../../trpc/react';

/** Per team: is every member e-mailed when the team is assigned an incident or its customer writes? */
export function TeamNotifySettings() {
  const utils = api.useUtils();
  const teams = api.mail.teams.useQuery();
  const set = api.mail.setTeamNotify.useMutation({
    onSuccess: () => void utils.mail.teams.invalidate(),
  });
  if (teams.isLoading) return <Loading />;
  return (
    <section aria-label="Team notifications">
      <ErrorBanner message={teams.error?.message ?? set.error?.message} />
      <table aria-label="Team e-mail">
        <thead>
          <tr>
            <th>Team</th>
            <th>Members</th>
            <th>E-mail notifications</th>
          </tr>
        </thead>
        <tbody>
          {teams.data?.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>{t.members}</td>
              <td>
                <select
                  aria-label={`E-mail notifications for ${t.name}`}
                  value={t.notify}
                  disabled={set.isPending}
                  onChange={(e) =>
                    set.mutate({ teamId: t.id, notify: e.target.value as TeamNotify })
                  }
                >
                  {teamNotifySettings.map((s) => (
                    <option key={s} value={s}>
                      {teamNotifyLabels[s]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
