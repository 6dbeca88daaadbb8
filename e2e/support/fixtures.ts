import { test as base, expect, type Page } from '@playwright/test';

export const demoPassword = 'handoff-demo';

/** Signs in over HTTP (next-auth's credentials callback), sharing cookies with the page. */
export async function signInAs(page: Page, email: string, password = demoPassword): Promise<void> {
  const csrf = await page.request.get('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true' },
  });
  expect(res.ok()).toBeTruthy();
  const session = (await (await page.request.get('/api/auth/session')).json()) as {
    user?: { email?: string };
  };
  expect(session.user?.email).toBe(email);
}

/** A short unique tag so each test's data is its own in the shared e2e database. */
export const uniqueTag = (): string =>
  `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

export const test = base;
export { expect };
