'use client';

import { useRouter } from 'next/navigation';
import { useLiveEvents } from './live-context';

/** The public /status page is rendered on the server: an outage change re-renders it in place. */
export function StatusLive() {
  const router = useRouter();
  useLiveEvents((e) => {
    if (e.entity === 'outage') router.refresh();
  });
  return null;
}
