import { NextResponse, type NextRequest } from 'next/server';

/** The header the page guard reads to send a signed-out visitor back here after sign-in. */
export const requestPathHeader = 'x-handoff-path';

/** Passes the requested path to server components (a layout cannot see it otherwise). */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(requestPathHeader, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/((?!api/|_next/|favicon.ico).*)'] };
