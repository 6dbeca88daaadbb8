// Sign-in throttling (issue 13 item 5): the attack was 300 wrong passwords in 41 s, all 401, then the
// right one worked. Now the sixth try hears 429 with when to try again, even with the right password.
import { describe, expect, test } from 'vitest';
import { signInLimits } from '@handoff/domain';
import { clientAddress, throttledSignIn } from './sign-in-route';
import { createSignInThrottle } from './sign-in-throttle';

const t0 = Date.parse('2026-11-24T16:00:00.000Z');
const password = 'handoff-demo';

/** A credentials callback request, as next-auth's client posts it. */
const attempt = (email: string, pw: string, forwardedFor = '203.0.113.7') =>
  new Request('http://127.0.0.1:3000/api/auth/callback/credentials', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': forwardedFor,
    },
    body: new URLSearchParams({ email, password: pw, csrfToken: 'x', json: 'true' }),
  });

// Stands in for next-auth: 200 for the right password, 401 for any other.
const nextAuth = async (req: Request) => {
  const form = await req.formData();
  return new Response('{}', { status: form.get('password') === password ? 200 : 401 });
};

function harness() {
  const throttle = createSignInThrottle();
  let clock = t0;
  const send = (email: string, pw: string, ip?: string) =>
    throttledSignIn(attempt(email, pw, ip), nextAuth, { throttle, now: () => clock });
  return { throttle, send, advance: (ms: number) => (clock += ms) };
}

describe('sign-in throttle on the credentials callback', () => {
  test('per account: after 5 wrong passwords the right one is refused too, with 429 and when to retry', async () => {
    const { send } = harness();
    for (let i = 0; i < signInLimits.account.maxFailures; i++)
      expect((await send('l1@handoff.test', `wrong-${i}`)).status).toBe(401);
    const locked = await send('l1@handoff.test', password);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('Retry-After')).toBe('900');
    const body = (await locked.json()) as { message: string; url: string };
    expect(body.message).toBe(
      'Too many failed sign-ins. Try again in 15 minutes (at 10:15 AM), or ask an administrator to clear the lockout.',
    );
    // next-auth's client reads the error out of the url; it must parse.
    expect(new URL(body.url).searchParams.get('error')).toBe(body.message);
    // Another account from another address is not affected.
    expect((await send('hdqa@handoff.test', password, '198.51.100.2')).status).toBe(200);
  });

  test('the lock ends after 15 minutes; a success forgives the earlier failures', async () => {
    const { send, advance } = harness();
    for (let i = 0; i < 5; i++) await send('l1@handoff.test', 'wrong');
    advance(15 * 60_000);
    expect((await send('l1@handoff.test', password)).status).toBe(200);
    for (let i = 0; i < 4; i++) await send('l1@handoff.test', 'wrong');
    expect((await send('l1@handoff.test', password)).status).toBe(200);
  });

  test('per client address: one address trying many accounts is locked for every account', async () => {
    const { send } = harness();
    for (let i = 0; i < signInLimits.client.maxFailures; i++)
      await send(`guess-${i}@handoff.test`, 'wrong', '203.0.113.9');
    expect((await send('l1@handoff.test', password, '203.0.113.9')).status).toBe(429);
    expect((await send('l1@handoff.test', password, '203.0.113.10')).status).toBe(200);
  });

  test('an administrator clearing the lockout lets the account in at once', async () => {
    const { send, throttle } = harness();
    for (let i = 0; i < 5; i++) await send('l1@handoff.test', 'wrong');
    expect(throttle.lockouts(t0)).toEqual([
      {
        kind: 'account',
        id: 'l1@handoff.test',
        failures: 5,
        lockedUntil: '2026-11-24T16:15:00.000Z',
      },
    ]);
    expect(throttle.clear('account', 'l1@handoff.test')).toBe(true);
    expect((await send('l1@handoff.test', password)).status).toBe(200);
  });

  test('the client address is the last X-Forwarded-For hop, so a client cannot choose its own', () => {
    const req = (xff: string) => new Request('http://x/', { headers: { 'x-forwarded-for': xff } });
    expect(clientAddress(req('6.6.6.6, 203.0.113.7'))).toBe('203.0.113.7');
    expect(clientAddress(req('203.0.113.7'))).toBe('203.0.113.7');
    expect(clientAddress(new Request('http://x/'))).toBe('unknown');
  });
});
