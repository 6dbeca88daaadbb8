// Sign-in throttling (issue 13 item 5): the attack was 300 wrong passwords in 41 s, all 401, then the
// right one worked. Now the sixth try hears 429 with when to try again, even with the right password.
import { afterAll, describe, expect, test } from 'vitest';
import { signInLimits } from '@handoff/domain';
import { createDb, type Db } from '@handoff/db';
import { createTestDb } from '@handoff/db/testing';
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

const opened: { close: () => void }[] = [];
afterAll(() => opened.forEach((d) => d.close()));

/** A fresh database, and the throttle over it; `db` given = another connection to the same file. */
function harness(db?: Db) {
  const own = db ? null : createTestDb({ seed: false });
  if (own) opened.push(own);
  const throttle = createSignInThrottle(db ?? own!.db);
  let clock = t0;
  const send = (email: string, pw: string, ip?: string) =>
    throttledSignIn(attempt(email, pw, ip), nextAuth, { throttle, now: () => clock });
  return { throttle, send, path: own?.path, advance: (ms: number) => (clock += ms) };
}

/** Two throttles on two connections to one database file, as two server processes have. */
function twoProcesses() {
  const first = harness();
  const other = createDb(first.path!);
  opened.push({ close: () => other.$client.close() });
  return [first, harness(other)] as const;
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

  test('the lockouts list names a locked account until its lock ends', async () => {
    const { send, throttle } = harness();
    for (let i = 0; i < 5; i++) await send('l1@handoff.test', 'wrong');
    expect(await throttle.lockouts(t0)).toEqual([
      {
        kind: 'account',
        id: 'l1@handoff.test',
        failures: 5,
        lockedUntil: '2026-11-24T16:15:00.000Z',
      },
    ]);
    expect(await throttle.lockouts(t0 + 15 * 60_000)).toEqual([]);
  });

  // With HANDOFF_PROCESSES=2 each process has its own connection: counting in one process's memory
  // gave a guesser 5 tries per process. The counters are shared through the database now.
  test('server processes on one database share the counters: 5 failures spread over two lock both', async () => {
    const [first, second] = twoProcesses();
    for (let i = 0; i < signInLimits.account.maxFailures; i++)
      expect((await (i % 2 ? second : first).send('l1@handoff.test', 'wrong')).status).toBe(401);
    expect((await first.send('l1@handoff.test', password)).status).toBe(429);
    expect((await second.send('l1@handoff.test', password)).status).toBe(429);
  });

  test('racing failures from two connections are all counted (each counts inside its commit)', async () => {
    const [first, second] = twoProcesses();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? second : first).send(`spray-${i}@handoff.test`, 'wrong', '203.0.113.77'),
      ),
    );
    expect(await second.throttle.check('x@handoff.test', '203.0.113.77', t0)).toBeNull();
    for (let i = 20; i < signInLimits.client.maxFailures; i++)
      await first.send(`spray-${i}@handoff.test`, 'wrong', '203.0.113.77');
    expect((await second.send('l1@handoff.test', password, '203.0.113.77')).status).toBe(429);
  });

  test('the client address is the last X-Forwarded-For hop, so a client cannot choose its own', () => {
    const req = (xff: string) => new Request('http://x/', { headers: { 'x-forwarded-for': xff } });
    expect(clientAddress(req('6.6.6.6, 203.0.113.7'))).toBe('203.0.113.7');
    expect(clientAddress(req('203.0.113.7'))).toBe('203.0.113.7');
    expect(clientAddress(new Request('http://x/'))).toBe('unknown');
  });
});
