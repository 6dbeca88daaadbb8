// Writes docs/screenshots/reports-1366-light.png (the team lead's dashboard on the seeded history) and
// incident-clocks-1366-light.png (an incident's SLA clocks) for the README's SLA section (issue 18).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { signInAs } from '../support/fixtures';

const out = join(dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

test('the dashboard and an incident’s clocks', async ({ page }) => {
  test.setTimeout(90_000);
  mkdirSync(out, { recursive: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });

  await signInAs(page, 'hdqa@handoff.test').catch(() => signInAs(page, 'hdqa@handoff.test'));
  await page.goto('/reports');
  await expect(page.getByTestId('report-summary')).toContainText(/\d+ contacts/);
  await expect(page.getByRole('figure', { name: 'Contacts by hour of day' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Loading/ })).toHaveCount(0);
  await page.screenshot({
    path: join(out, 'reports-1366-light.png'),
    fullPage: true,
    animations: 'disabled',
  });

  await page.context().clearCookies();
  await signInAs(page, 'l1@handoff.test').catch(() => signInAs(page, 'l1@handoff.test'));
  await page.goto('/queues');
  await page
    .getByRole('link', { name: /^INC-\d{6}$/ })
    .first()
    .click();
  const clocks = page.getByRole('table', { name: 'SLA clocks' });
  await expect(clocks.getByTestId('sla-clock').first()).toBeVisible();
  await clocks.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: join(out, 'incident-clocks-1366-light.png'),
    animations: 'disabled',
  });
});
