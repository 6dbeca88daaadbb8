import { expect, signInAs, test } from '../support/fixtures';

// Issue 18: an administrator changes a team's leads on /admin; the change is in the admin audit log.

test('an administrator adds and removes a team lead, and the audit log says so', async ({
  page,
}) => {
  await signInAs(page, 'admin@handoff.test');
  await page.goto('/admin');
  const leads = page.getByRole('table', { name: 'Team leads' });
  const cps = leads.getByRole('row', { name: /^US - Help Desk CPS/ });
  const names = cps.getByTestId('team-leads').locator('span');
  await expect(names).toHaveText(['Cameron CPS Remove']);

  await cps.getByLabel('New lead of US - Help Desk CPS').selectOption({ label: 'Cory CPS' });
  await cps.getByRole('button', { name: 'Add lead' }).click();
  await expect(names).toHaveText(['Cameron CPS Remove', 'Cory CPS Remove']);
  const log = page.getByRole('table', { name: 'Admin audit log' });
  await expect(
    log.getByRole('row', { name: /Team lead.*US - Help Desk CPS.*Cory CPS/ }).first(),
  ).toBeVisible();

  await cps.getByRole('button', { name: 'Remove Cory CPS as lead of US - Help Desk CPS' }).click();
  await expect(names).toHaveText(['Cameron CPS Remove']);
});
