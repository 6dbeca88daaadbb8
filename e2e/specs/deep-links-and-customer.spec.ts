import { expect, signInAs, test, uniqueTag } from '../support/fixtures';

// Issue 14 item 14: deep links survive sign-in; Edit incident matches a customer afterwards.
test.describe('deep links and the Customer field', () => {
  test('signed out, an incident link lands on the incident after signing in', async ({ page }) => {
    await page.goto('/incidents/INC-000002');
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fincidents%2FINC-000002$/);
    await page.getByLabel('E-mail').fill('l1@handoff.test');
    await page.getByLabel('Password').fill('handoff-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/incidents\/INC-000002$/);
    await expect(page.getByRole('heading', { name: 'INC-000002' })).toBeVisible();
  });

  test('a callbackUrl to another site is ignored: the role home instead', async ({ page }) => {
    await page.goto('/signin?callbackUrl=' + encodeURIComponent('//evil.example/x'));
    await page.getByLabel('E-mail').fill('l1@handoff.test');
    await page.getByLabel('Password').fill('handoff-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/desk$/);
  });

  test('Edit incident matches an incident from an unknown caller to a customer', async ({
    page,
  }) => {
    const tag = uniqueTag();
    await signInAs(page, 'l1@handoff.test');
    await page.goto('/incidents/new');
    await page.getByLabel('Caller name').fill('Oscar');
    await page.getByLabel('Caller phone').fill('608-555-0177');
    await page.locator('#service').selectOption('Canvas');
    await page.getByLabel('Description').fill(`Cannot see my course (${tag})`);
    await page.getByRole('button', { name: 'Create incident' }).click();
    await expect(page).toHaveURL(/\/incidents\/INC-\d{6}$/);
    await expect(page.getByText('Not matched to a customer')).toBeVisible();

    await page.getByRole('button', { name: 'Edit fields' }).click();
    const form = page.getByRole('form', { name: 'Edit incident' });
    await form.getByLabel('Customer').fill('Oscar Ngu');
    await expect(page.getByRole('option', { name: /Oscar Nguyen/ })).toBeVisible();
    await form.getByLabel('Customer').press('Enter');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Not matched to a customer')).toHaveCount(0);
    await expect(page.getByText(/Oscar Nguyen \(onguyen/)).toBeVisible();
  });
});
