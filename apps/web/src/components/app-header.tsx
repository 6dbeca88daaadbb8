'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Suspense, useEffect, useState } from 'react';
import { signOut } from './sign-out';
import { can, type Role } from '@handoff/domain';
import { UnreadCount } from './unread-count';
import { PresenceToggle } from './presence-toggle';
import { SearchBox } from './search-box';
import { ConnectionIndicator } from './live/connection-indicator';
import { LiveToasts } from './live/live-toasts';

interface NavItem {
  href: string;
  label: string;
  show: (role: Role, who: { mayReadReports: boolean }) => boolean;
}

const nav: NavItem[] = [
  { href: '/desk', label: 'My desk', show: (r) => r !== 'customer' && r !== 'admin' },
  { href: '/incidents/new', label: 'New incident', show: (r) => can(r, 'incident.create') },
  { href: '/queues', label: 'Team queues', show: (r) => can(r, 'queue.read') },
  { href: '/tp-review', label: 'TP review', show: (r) => can(r, 'queue.tpReview') },
  { href: '/notifications', label: 'Notifications', show: (r) => can(r, 'notification.read') },
  { href: '/problems', label: 'Problems', show: (r) => can(r, 'problem.read') },
  { href: '/outages', label: 'Outages', show: (r) => can(r, 'outage.read') },
  { href: '/status', label: 'Service status', show: (r) => r === 'customer' },
  // Team leads, HDQA and administrators: canReadReports, decided on the server (it knows who leads).
  { href: '/reports', label: 'Reports', show: (_r, who) => who.mayReadReports },
  { href: '/admin', label: 'Admin', show: (r) => can(r, 'admin.manage') },
  { href: '/admin/mail', label: 'Mail', show: (r) => can(r, 'mail.manage') },
  { href: '/portal', label: 'My cases', show: (r) => r === 'customer' },
  { href: '/portal/new', label: 'New case', show: (r) => can(r, 'case.create') },
];

export function AppHeader({
  name,
  role,
  roleLabel,
  mayReadReports,
}: {
  name: string;
  role: Role;
  roleLabel: string;
  /** `canReadReports` of the signed-in user: the permission table and the teams they lead. */
  mayReadReports: boolean;
}) {
  const pathname = usePathname();
  // Below tablet-landscape width the navigation folds into a Menu button (issue 19 item 2).
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [pathname]);
  return (
    <header className="app-header" data-menu-open={open ? 'true' : 'false'}>
      <Link className="brand" href="/">
        Handoff
      </Link>
      <ConnectionIndicator />
      <button
        type="button"
        className="menu-toggle"
        aria-expanded={open}
        aria-controls="app-menu"
        onClick={() => setOpen((o) => !o)}
      >
        Menu
      </button>
      <div id="app-menu" className="header-menu">
        <nav aria-label="Main">
          {nav
            .filter((n) => n.show(role, { mayReadReports }))
            .map((n) => (
              <Link
                key={n.href}
                href={n.href}
                aria-current={pathname === n.href ? 'page' : undefined}
              >
                {n.label}
                {n.href === '/notifications' ? <UnreadCount /> : null}
              </Link>
            ))}
        </nav>
        {can(role, 'incident.read') ? (
          <Suspense fallback={null}>
            <SearchBox action={role === 'customer' ? '/portal/search' : '/search'} />
          </Suspense>
        ) : null}
        {can(role, 'presence.set') ? <PresenceToggle /> : null}
        <span className="who">
          {name} · {roleLabel}
        </span>
        <button type="button" onClick={() => void signOut('/signin')}>
          Sign out
        </button>
      </div>
      <LiveToasts follows={can(role, 'incident.readInternal')} />
    </header>
  );
}
