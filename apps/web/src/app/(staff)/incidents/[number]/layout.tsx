import { type Metadata } from 'next';
import { type ReactNode } from 'react';

/** The page is named for its record: "INC-000014 · Handoff". */
export async function generateMetadata({
  params,
}: {
  params: Promise<{ number: string }>;
}): Promise<Metadata> {
  return { title: decodeURIComponent((await params).number).toUpperCase() };
}

export default function Layout({ children }: { children: ReactNode }) {
  return children;
}
