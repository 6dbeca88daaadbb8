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
    await expect(page).toHaveURL(/\/signin$/);
  });
});
