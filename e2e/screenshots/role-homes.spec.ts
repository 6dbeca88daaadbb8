// Writes docs/screenshots/<role>-<width>-<scheme>.png: each role's home as a new user first sees
// it, at 1366 px and 390 px, in the light and the dark colour scheme (issue 19).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { scanCombos } from '../support/a11y';
import { signInAs } from '../support/fixtures';

const out = join(dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

const homes: [role: string, email: string, path: string][] = [
  ['l1', 'l1@handoff.test', '/desk'],
  ['hdqa', 'hdqa@handoff.test', '/desk'],
  ['cps', 'cps@handoff.test', '/desk'],
  ['es', 'es@handoff.test', '/desk'],
  ['sncc', 'sncc@handoff.test', '/desk'],
  ['technologist', 'technologist@handoff.test', '/desk'],
  ['tier2', 'tier2@handoff.test', '/desk'],
  ['partner-agent', 'partner@handoff.test', '/desk'],
  ['admin', 'admin@handoff.test', '/admin'],
  ['customer', 'customer@handoff.test', '/portal'],
];

test('every role home, 1366 and 390 px, light and dark', async ({ page }) => {
  test.setTimeout(homes.length * 30_000);
  mkdirSync(out, { recursive: true });
  for (const [role, email, path] of homes) {
    await page.context().clearCookies();
    // One retry: on a busy machine the first request to a cold route can be reset.
    await signInAs(page, email).catch(() => signInAs(page, email));
    for (const combo of scanCombos) {
      await page.setViewportSize({ width: combo.width, height: combo.height });
      await page.emulateMedia({ colorScheme: combo.colorScheme });
      await page.goto(path);
      await expect(page.locator('h1')).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: /Loading/ })).toHaveCount(0);
      // The first screenful, as it is seen: small files, and what a new user reads first.
      await page.screenshot({
        path: join(out, `${role}-${combo.width}-${combo.colorScheme}.png`),
        animations: 'disabled',
      });
    }
  }
});
