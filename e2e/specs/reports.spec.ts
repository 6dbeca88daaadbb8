import { expect, signInAs, test } from '../support/fixtures';

// Issue 18: the team lead's dashboard on the seeded demo history, and an incident's SLA clocks.

test('HDQA reads the dashboard on the seeded history, filters by team and exports a table as CSV', async ({
  page,
}) => {
  await signInAs(page, 'hdqa@handoff.test');
  await page.goto('/desk');
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  const summary = page.getByTestId('report-summary');
  await expect(summary).toContainText(/\d{3} contacts/);
  await expect(page.getByRole('figure', { name: 'Contacts by hour of day' })).toBeVisible();
  await expect(
    page.getByRole('figure', { name: 'SLA met % per team and week (resolution)' }),
  ).toBeVisible();
  const promises = page.getByRole('table', { name: 'Promises kept' });
  await expect(promises.getByRole('row', { name: /CPS contact-by/ })).toContainText(/\d+/);

  const all = await summary.textContent();
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'US - Help Desk CPS' });
  await expect(summary).not.toHaveText(all ?? '');

  await page.getByText('Table: Ping-pong routes').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Ping-pong routes as CSV' }).click();
  expect((await download).suggestedFilename()).toBe('ping-pong-routes.csv');
});

test('a team lead (no HDQA, no administrator) finds the Reports link and reaches the dashboard', async ({
  page,
}) => {
  // The seeded lead of US - Help Desk CPS: the link comes from leading a team, not from the role.
  await signInAs(page, 'cps@handoff.test');
  await page.goto('/desk');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Reports' })
    .click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await expect(page.getByTestId('report-summary')).toContainText(/\d+ contacts/);
});

for (const size of [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
])
  test(`the team lead's way to the dashboard fits ${size.width} px`, async ({ page }) => {
    await page.setViewportSize(size);
    await signInAs(page, 'cps@handoff.test');
    await page.goto('/desk');
    // Below tablet-landscape width the navigation folds into the Menu button.
    if (size.width < 1024) await page.getByRole('button', { name: 'Menu' }).click();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Reports' })
      .click();
    await expect(page.getByTestId('report-summary')).toContainText(/\d+ contacts/);
    await expect(page.getByTestId('response-times-rounding')).toBeVisible();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, 'the page is wider than the window').toBeLessThanOrEqual(innerWidth);
  });

test('an L1 agent is refused the dashboard', async ({ page }) => {
  await signInAs(page, 'l1@handoff.test');
  await page.goto('/desk');
  await expect(page.getByRole('link', { name: 'Team queues' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Reports' })).toHaveCount(0);
  await page.goto('/reports');
  await expect(
    page.getByText('Reports are for team leads, HDQA and administrators.'),
  ).toBeVisible();
});

test('an incident shows its SLA clocks', async ({ page }) => {
  await signInAs(page, 'l1@handoff.test');
  await page.goto('/queues');
  await page
    .getByRole('link', { name: /^INC-\d{6}$/ })
    .first()
    .click();
  const clocks = page.getByRole('table', { name: 'SLA clocks' });
  await expect(clocks.getByTestId('sla-clock').first()).toBeVisible();
  await expect(clocks).toContainText('Resolution');
});
