import { type Metadata } from 'next';
import { type ReactNode } from 'react';
import { roleLabels } from '@handoff/domain';
import { AppHeader } from '../../components/app-header';
import { LiveProvider } from '../../components/live/live-context';
import { requireRole } from '../../server/guard';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: { default: 'My cases', template: '%s · Handoff' } };

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const session = await requireRole((r) => r === 'customer');
  return (
    <LiveProvider userId={session.user.id}>
      <AppHeader
        name={session.user.name}
        role={session.user.role}
        roleLabel={roleLabels[session.user.role]}
        mayReadReports={false}
      />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </LiveProvider>
  );
}
