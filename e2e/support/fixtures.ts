import { test as base, expect, type Page } from '@playwright/test';
import { A11yRecorder } from './a11y';

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

/**
 * Every spec runs with the app's Content-Security-Policy on and fails on a violation (issue 13
 * item 7): Chromium reports each one on the console, and a listener for `securitypolicyviolation`
 * names the directive and what was blocked.
 */
export const test = base.extend<{ cspViolations: string[]; a11y: A11yRecorder }>({
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(
            `Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || 'the page'}:${e.lineNumber}`,
          );
        });
      });
      await use(violations);
      expect(violations, "Content Security Policy violations on this test's pages").toEqual([]);
    },
    { auto: true },
  ],
  // Issue 19: axe (WCAG 2 A/AA) on every page this test visited, 1366/390 px, light/dark.
  a11y: [
    async ({ page, browser, baseURL }, use, testInfo) => {
      const recorder = new A11yRecorder(new URL(baseURL!).origin, testInfo);
      recorder.watchPage(page);
      const unwatch = recorder.watchBrowser(browser);
      await use(recorder);
      unwatch();
      await recorder.flushAll();
      expect(recorder.problems, "accessibility problems on this test's pages").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
