// Issue 17: polling is gone. An open desk page that nobody touches sends no requests while nothing
// changes: its data arrives over the one live connection (SSE) when something does. Before, 18
// refetchInterval pollers in 15 files read every 5–30 s.
import { type Page } from '@playwright/test';
import { expect, signInAs, test } from '../support/fixtures';

/** tRPC requests the page sends during `ms` of idling, the live subscription excepted. */
async function requestsWhileIdle(page: Page, ms: number): Promise<string[]> {
  const seen: string[] = [];
  const record = (r: { url: () => string }) => {
    const url = r.url();
    if (url.includes('/api/') && !url.includes('live.changes')) seen.push(url);
  };
  page.on('request', record);
  await page.waitForTimeout(ms);
  page.off('request', record);
  return seen;
}

for (const [who, path, heading] of [
  ['l1@handoff.test', '/desk', 'L1 console'],
  ['cps@handoff.test', '/desk', 'CPS desk'],
  ['hdqa@handoff.test', '/desk', 'HDQA home'],
  ['l1@handoff.test', '/queues', null],
] as const) {
  test(`an idle ${path} of ${who} sends no request for 12 s (no polling)`, async ({ page }) => {
    await signInAs(page, who);
    await page.goto(path);
    if (heading) await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    await expect(page.getByRole('status', { name: /Live updates: Live/ })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await requestsWhileIdle(page, 12_000)).toEqual([]);
  });
}
