import { type Metadata } from 'next';
import { type ReactNode } from 'react';
import { homeTitleFor } from '../../../components/home-titles';
import { getSession } from '../../../server/session';

/** The desk is each role's home, titled for the role: "CPS desk · Handoff", "L1 console · Handoff". */
export async function generateMetadata(): Promise<Metadata> {
  return { title: homeTitleFor((await getSession())?.user.role) };
}

export default function Layout({ children }: { children: ReactNode }) {
  return children;
}
