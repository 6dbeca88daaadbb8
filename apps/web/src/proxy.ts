import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, hstsHeader, isHttps } from './server/security-headers';

/** The header the page guard reads to send a signed-out visitor back here after sign-in. */
export const requestPathHeader = 'x-handoff-path';

/**
 * Every page gets a fresh nonce and the CSP naming it: Next reads the nonce from the request's
 * Content-Security-Policy header and puts it on the scripts it renders (pages are dynamic).
 * HSTS only over https. The headers that need no nonce come from next.config.ts for every path.
 * The requested path is passed on too, since a layout cannot see it otherwise.
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  requestHeaders.set(requestPathHeader, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  if (isHttps(request)) response.headers.set(hstsHeader.key, hstsHeader.value);
  return response;
}

export const config = {
  // Pages and API routes; not Next's static files (next.config.ts headers cover those).
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
  ],
};
