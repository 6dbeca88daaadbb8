'use client';

import { type ReactNode } from 'react';
import { z } from 'zod';
import { TRPCProvider } from '../trpc/react';

// zod compiles object parsers with `new Function` after probing whether eval is allowed; under our
// CSP (no 'unsafe-eval') the caught probe is still reported as a violation, so parse without it.
z.config({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  return <TRPCProvider>{children}</TRPCProvider>;
}
