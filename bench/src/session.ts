// Signs a demo user in over HTTP, the way a browser does, and returns the cookie header to send.
import { demoPassword } from '@handoff/db';

function mergeCookies(jar: Map<string, string>, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
}

export async function signIn(base: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  mergeCookies(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookie(),
      origin: base,
    },
    body: new URLSearchParams({ csrfToken, email, password: demoPassword, json: 'true' }),
  });
  mergeCookies(jar, res);
  const check = await fetch(`${base}/api/trpc/me.get`, { headers: { cookie: cookie() } });
  if (!check.ok) throw new Error(`Signing in as ${email} failed: me.get answered ${check.status}`);
  return cookie();
}
