import { type Metadata } from 'next';
import { type ReactNode } from 'react';
import { can } from '@handoff/domain';
import { requireRole } from '../../../server/guard';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s · Handoff' } };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireRole((r) => can(r, 'admin.manage'));
  return <>{children}</>;
}
