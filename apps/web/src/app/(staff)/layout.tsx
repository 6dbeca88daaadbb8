import { type ReactNode } from 'react';
import { canReadReports, isStaff, roleLabels } from '@handoff/domain';
import { slaRepository } from '@handoff/db';
import { AppHeader } from '../../components/app-header';
import { KeyboardShortcuts } from '../../components/keyboard/keyboard-shortcuts';
import { LiveProvider } from '../../components/live/live-context';
import { getDb } from '../../server/db';
import { requireRole } from '../../server/guard';

export const dynamic = 'force-dynamic';

/** Every staff page: signed in, and not a customer (customers are sent to the portal). */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const session = await requireRole(isStaff);
  const mayReadReports = canReadReports(
    session.user,
    await slaRepository.teamsLedBy(getDb(), session.user.id),
  );
  return (
    <LiveProvider userId={session.user.id}>
      <AppHeader
        name={session.user.name}
        role={session.user.role}
        roleLabel={roleLabels[session.user.role]}
        mayReadReports={mayReadReports}
      />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <KeyboardShortcuts role={session.user.role} />
    </LiveProvider>
  );
}
