import { expect, signInAs, test } from '../support/fixtures';

// Issue 18: an administrator changes a team's leads on /admin; the change is in the admin audit log.

test('an administrator adds and removes a team lead, and the audit log says so', async ({
  page,
}) => {
  await signInAs(page, 'admin@handoff.test');
  await page.goto('/admin');
  const leads = page.getByRole('table', { name: 'Team leads' });
  const cps = leads.getByRole('row', { name: /^US - Help Desk CPS/ });
  await expect(cps).toContainText('Cameron CPS');
  await expect(cps).not.toContainText('Cory CPS');

  await cps
    .getByLabel('New lead of US - Help Desk CPS')
    .selectOption({ label: 'Cory CPS (cps2@handoff.test)' });
  await cps.getByRole('button', { name: 'Add lead' }).click();
  await expect(cps).toContainText('Cory CPS');
  const log = page.getByRole('table', { name: 'Admin audit log' });
  await expect(
    log.getByRole('row', { name: /Team lead.*US - Help Desk CPS.*Cory CPS/ }).first(),
  ).toBeVisible();

  await cps.getByRole('button', { name: 'Remove Cory CPS as lead of US - Help Desk CPS' }).click();
  await expect(cps).not.toContainText('Cory CPS');
  await expect(cps).toContainText('Cameron CPS');
});
