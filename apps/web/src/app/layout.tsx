import { type Metadata } from 'next';
import { type ReactNode } from 'react';
import './globals.css';
import { Providers } from './providers';

// Every page renders per request, so each gets the nonce of its Content-Security-Policy (proxy.ts).
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  // Each page names itself (issue 19): "INC-000014 · Handoff", "Reports · Handoff".
  title: { default: 'Handoff', template: '%s · Handoff' },
  description: 'Help desk incidents, routed right.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
