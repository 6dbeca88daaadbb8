import { getDb } from './db';
import { createSignInThrottle, type SignInThrottle } from './sign-in-throttle';

/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For hop (Next's server
 * and a reverse proxy append theirs), so a client cannot pick its own by sending the header.
 */
export function clientAddress(req: Request): string {
  const hops = (req.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.at(-1) ?? req.headers.get('x-real-ip') ?? 'unknown';
}

/**
 * Runs next-auth's credentials callback unless the account or the client is locked out (429 with
 * Retry-After and a message saying when to try again); counts its failures and forgives the
 * account's on success.
 */
export async function throttledSignIn(
  req: Request,
  signIn: (req: Request) => Promise<Response>,
  {
    throttle = createSignInThrottle(getDb()),
    now = Date.now,
  }: { throttle?: SignInThrottle; now?: () => number } = {},
): Promise<Response> {
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const field = form?.get('email');
  const email = typeof field === 'string' ? field.trim().toLowerCase() : '';
  const client = clientAddress(req);
  const locked = await throttle.check(email, client, now());
  if (locked) {
    // next-auth's client reads the error from `url`; the form shows it as it is.
    const url = new URL('/signin', req.url);
    url.searchParams.set('error', locked.message);
    return Response.json(
      { url: url.toString(), message: locked.message },
      { status: 429, headers: { 'Retry-After': String(locked.retryAfterSeconds) } },
    );
  }
  const res = await signIn(req);
  if (res.status === 401) await throttle.failed(email, client, now());
  else if (res.ok) await throttle.succeeded(email, now());
  return res;
}
