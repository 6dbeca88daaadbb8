'use client';

import { ErrorBanner, Loading } from '@handoff/ui';
import { AdminAuditLog } from '../../../components/admin-audit-log';
import { AlertSettings } from '../../../components/alert-settings';
import { OncallEditor } from '../../../components/oncall-editor';
import { OrganisationAdmin } from '../../../components/organisation-admin';
import { SignInLockouts } from '../../../components/sign-in-lockouts';
import { SlaPoliciesAdmin } from '../../../components/sla-policies-admin';
import { SupportGroupsAdmin } from '../../../components/support-groups-admin';
import { TeamLeadsAdmin } from '../../../components/team-leads-admin';
import { UserLoginsAdmin } from '../../../components/user-logins-admin';
import { DepartmentsAdmin } from '../../../components/routing-data/departments-admin';
import { HolidaysAdmin } from '../../../components/routing-data/holidays-admin';
import { LeadershipAdmin } from '../../../components/routing-data/leadership-admin';
import { OpeningHoursAdmin } from '../../../components/routing-data/opening-hours-admin';
import { homeIntros } from '../../../components/home-titles';
import { api } from '../../../trpc/react';

/** Admin home: who has which role, and the teams. Editing comes with the capabilities that need it. */
export default function AdminPage() {
  const q = api.admin.overview.useQuery();
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorBanner message={q.error.message} />;
  return (
    <>
      <h1>Administration</h1>
      <p className="home-intro">{homeIntros.admin}</p>
      <UserLoginsAdmin />
      <SignInLockouts />
      <OncallEditor />
      <OrganisationAdmin />
      <SupportGroupsAdmin />
      <AlertSettings />
      <DepartmentsAdmin />
      <HolidaysAdmin />
      <OpeningHoursAdmin />
      <LeadershipAdmin />
      <SlaPoliciesAdmin />
      <TeamLeadsAdmin />
      <h2>Teams</h2>
      <table aria-label="Teams">
        <thead>
          <tr>
            <th>Team</th>
            <th>Kind</th>
            <th>About</th>
          </tr>
        </thead>
        <tbody>
          {q.data?.teams.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>{t.kind}</td>
              <td>{t.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <AdminAuditLog />
    </>
  );
}
