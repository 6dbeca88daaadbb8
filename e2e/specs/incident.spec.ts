import { expect, signInAs, test, uniqueTag } from '../support/fixtures';

test.describe('the first incident, end to end', () => {
  test('L1 creates an incident, finds it in My open incidents, opens it and adds a note', async ({
    page,
  }) => {
    const tag = uniqueTag();
    await signInAs(page, 'l1@handoff.test');
    await page.goto('/incidents/new');

    // Submitting empty shows the messages at the fields, from the shared schema.
    await page.getByRole('button', { name: 'Create incident' }).click();
    await expect(page.getByText('Caller name is required')).toBeVisible();
    await expect(page.locator('#service-error')).toHaveText('Choose a service');
    await expect(page.getByText('Describe the issue')).toBeVisible();

    // Customer typeahead: keyboard picks the match and shows the routing flags.
    await page.getByLabel('Customer').fill('Dana Dep');
    await expect(page.getByRole('option', { name: /Dana Departmental/ })).toBeVisible();
    await page.getByLabel('Customer').press('Enter');
    await expect(page.getByTestId('selected-customer')).toContainText('Coned');
    await expect(page.getByTestId('selected-customer')).toContainText('DS');
    await expect(page.getByLabel('Caller name')).toHaveValue('Dana Departmental');

    await page.locator('#service').selectOption('Departmental Computer Support');
    await page.locator('#category').selectOption('Software');
    await page.getByLabel('Description').fill(`Cannot install SPSS on CAE-4411 (${tag})`);
    await page.getByLabel('Computer name').fill('CAE-4411');
    await page
      .getByLabel('First journal note (internal)')
      .fill('Customer called from the Engineering Hall lab.');
    await page.getByRole('button', { name: 'Create incident' }).click();

    await expect(page).toHaveURL(/\/incidents\/INC-\d{6}$/);
    const number = page.url().split('/').pop()!;
    await expect(page.getByRole('heading', { name: number })).toBeVisible();
    await expect(
      page.getByText('Departmental Computer Support › Software › Installation'),
    ).toBeVisible();

    await page.goto('/desk');
    const row = page.getByRole('row', { name: new RegExp(number) });
    await expect(row).toBeVisible();
    await expect(row).toContainText('Dana Departmental');
    await row.getByRole('link', { name: number }).click();

    await expect(page).toHaveURL(new RegExp(`/incidents/${number}$`));
    await page.getByLabel('Add a note').fill(`Walked the customer through the installer (${tag})`);
    await page.getByRole('radio', { name: 'Customer-visible' }).check();
    await page.getByRole('button', { name: 'Add note' }).click();
    const journal = page.getByRole('list', { name: 'Journal' });
    await expect(
      journal.getByText(`Walked the customer through the installer (${tag})`),
    ).toBeVisible();
    await expect(journal.locator('li').first()).toContainText('Customer-visible');
    await expect(journal).toContainText('Customer called from the Engineering Hall lab.');
  });

  test('a stale edit is refused with a conflict and nothing is overwritten', async ({
    browser,
  }) => {
    const first = await browser.newPage();
    const second = await browser.newPage();
    await signInAs(first, 'l1@handoff.test');
    await signInAs(second, 'hdqa@handoff.test');
    await first.goto('/desk');
    const number = (await first.getByRole('row').nth(1).getByRole('link').first().textContent())!;
    await first.goto(`/incidents/${number}`);
    await second.goto(`/incidents/${number}`);

    await first.getByRole('button', { name: 'Edit fields' }).click();
    await second.getByRole('button', { name: 'Edit fields' }).click();
    await first.getByLabel('Computer name').fill('FIRST-WRITER');
    await first.getByRole('button', { name: 'Save changes' }).click();
    await expect(first.getByText('FIRST-WRITER').first()).toBeVisible();

    await second.getByLabel('Computer name').fill('SECOND-WRITER');
    await second.getByRole('button', { name: 'Save changes' }).click();
    await expect(second.locator('.error-banner')).toContainText('changed by someone else');
    await second.getByRole('button', { name: 'Reload the incident' }).click();
    await expect(second.getByText('FIRST-WRITER').first()).toBeVisible();
    await expect(second.getByText('SECOND-WRITER')).toHaveCount(0);
    await expect(second.getByRole('table', { name: 'History' })).toContainText('FIRST-WRITER');
  });

  test('team queue lists the team’s open incidents and filters by status', async ({ page }) => {
    await signInAs(page, 'cps@handoff.test');
    await page.goto('/queues');
    await expect(page.getByRole('heading', { name: 'US - Help Desk CPS queue' })).toBeVisible();
    // Other specs hand tagged incidents to CPS in the shared e2e database: count the demo data's.
    const demoRows = page.getByRole('row').filter({ hasNotText: /e2e-/ });
    await expect(demoRows).toHaveCount(3);
    await page.getByLabel('Status', { exact: true }).selectOption('in_progress');
    await expect(demoRows).toHaveCount(2);
    await expect(demoRows.nth(1)).toContainText('Avery Aims');
  });
});
