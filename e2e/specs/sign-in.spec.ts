import { expect, signInAs, test } from '../support/fixtures';

test.describe('sign-in and role homes', () => {
  test('an L1 agent signs in through the form and lands on the L1 console', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/signin$/);
    await page.getByLabel('E-mail').fill('l1@handoff.test');
    await page.getByLabel('Password').fill('handoff-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/desk$/);
    await expect(page.getByRole('heading', { name: 'L1 console' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'New incident' }).first()).toBeVisible();
  });

  test('a wrong password shows an error and stays on the sign-in page', async ({ page }) => {
    await page.goto('/signin');
    await page.getByLabel('E-mail').fill('l1@handoff.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.error-banner')).toContainText('do not match');
    await expect(page).toHaveURL(/\/signin$/);
  });

  test('signed-out visitors are sent to sign-in from any page, and procedures say UNAUTHORIZED', async ({
    page,
  }) => {
    for (const path of ['/desk', '/queues', '/incidents/new', '/portal', '/admin']) {
      await page.goto(path);
      // The page asked for is remembered, to return there after sign-in (issue 14 item 14).
      await expect(page).toHaveURL(`/signin?callbackUrl=${encodeURIComponent(path)}`);
    }
    const res = await page.request.get('/api/trpc/me.get');
    expect(res.status()).toBe(401);
  });

  test('a customer who types an agent URL is sent to the portal', async ({ page }) => {
    await signInAs(page, 'customer@handoff.test');
    for (const path of ['/desk', '/queues', '/incidents/new', '/admin']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/portal$/);
    }
    await expect(page.getByRole('heading', { name: /my cases/i })).toBeVisible();
  });

  test('each role lands on its own home', async ({ page }) => {
    const homes: [string, RegExp, string][] = [
      ['hdqa@handoff.test', /\/desk$/, 'HDQA home'],
      ['cps@handoff.test', /\/desk$/, 'CPS desk'],
      ['admin@handoff.test', /\/admin$/, 'Administration'],
      ['tp@handoff.test', /\/portal$/, 'Help Online: my cases'],
    ];
    for (const [email, url, heading] of homes) {
      await page.context().clearCookies();
      await signInAs(page, email);
      await page.goto('/');
      await expect(page).toHaveURL(url);
      await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    }
  });

  test('signing out ends the session', async ({ page }) => {
    await signInAs(page, 'l1@handoff.test');
    await page.goto('/desk');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/signin$/);
    await page.goto('/desk');
    await expect(page).toHaveURL('/signin?callbackUrl=%2Fdesk');
  });
});

test.describe('browser protections and sign-in limits (issue 13)', () => {
  test('pages carry a nonce CSP, frame protection, nosniff and Referrer-Policy', async ({
    page,
  }) => {
    const res = await page.goto('/signin');
    const h = res!.headers();
    expect(h['content-security-policy']).toMatch(
      /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
    );
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    // The page's scripts ran under it: the form is interactive.
    await page.getByLabel('E-mail').fill('x@handoff.test');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  });

  test('a cross-site form post to tRPC is refused, nothing marked', async ({ page }) => {
    await signInAs(page, 'l1@handoff.test');
    const res = await page.request.post('/api/trpc/notification.markRead', {
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      multipart: { id: '1' },
    });
    expect(res.status()).toBe(403);
  });

  test('after 5 wrong passwords the right one hears 429 and when to try again, until an admin clears it', async ({
    page,
  }) => {
    const email = 'cps2@handoff.test';
    const attempt = async (password: string) => {
      const csrf = (await (await page.request.get('/api/auth/csrf')).json()) as {
        csrfToken: string;
      };
      return page.request.post('/api/auth/callback/credentials', {
        form: { csrfToken: csrf.csrfToken, email, password, json: 'true' },
      });
    };
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong-${i}`)).status()).toBe(401);
    const locked = await attempt('handoff-demo');
    expect(locked.status()).toBe(429);
    expect(Number(locked.headers()['retry-after'])).toBeGreaterThan(800);
    // The form shows the server's message.
    await page.goto('/signin');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill('handoff-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.error-banner')).toContainText(
      'Too many failed sign-ins. Try again in 15 minutes',
    );
    // The admin clears it on /admin.
    await signInAs(page, 'admin@handoff.test');
    await page.goto('/admin');
    await page.getByRole('button', { name: `Clear lockout of ${email}` }).click();
    await expect(page.getByRole('button', { name: `Clear lockout of ${email}` })).toHaveCount(0);
    await page.context().clearCookies();
    await signInAs(page, email);
  });

  test('a signed-out token no longer works (a copy of the cookie is refused)', async ({ page }) => {
    await signInAs(page, 'admin@handoff.test');
    const cookies = await page.context().cookies();
    expect((await page.request.get('/api/trpc/admin.overview')).status()).toBe(200);
    const csrf = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    await page.request.post('/api/auth/signout', {
      form: { csrfToken: csrf.csrfToken, json: 'true' },
    });
    await page.context().clearCookies();
    await page.context().addCookies(cookies);
    expect((await page.request.get('/api/trpc/admin.overview')).status()).toBe(401);
  });
});
