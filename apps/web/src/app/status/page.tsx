import { type Metadata } from 'next';
import Link from 'next/link';
import { helpDeskPhone } from '@handoff/domain';
import { LiveProvider } from '../../components/live/live-context';
import { StatusLive } from '../../components/live/status-live';
import { OutageGroups } from '../../components/outage-card';
import { now } from '../../server/clock';
import { getDb } from '../../server/db';
import { publicBoard } from '../../server/routers/outage';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Service status' };

/** The public status page (kb 001): planned, active and recently resolved outages. No sign-in. */
export default async function StatusPage() {
  const board = await publicBoard(getDb(), now());
  return (
    <main id="main" tabIndex={-1}>
      <h1>Service status</h1>
      <p className="muted">
        Known outages of DoIT services. If your problem is listed here, we are already working on
        it. Otherwise contact the Help Desk at {helpDeskPhone}.{' '}
        <Link href="/signin">Staff sign-in</Link>
      </p>
      <OutageGroups board={board} />
      <LiveProvider>
        <StatusLive />
      </LiveProvider>
    </main>
  );
}
