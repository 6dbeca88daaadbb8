import { trpcMutation, trpcQuery } from '../support/api';
import { expect, signInAs, test } from '../support/fixtures';

// Issue 15: find an incident by a caller's surname and by a word of its description, open it, then
// take two incidents at once from the queue grid.
const letters = () =>
  Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join(
    '',
  );

test('search by surname and by a description word → open → bulk take ownership of two incidents', async ({
  page,
}) => {
  const surname = `Quorvex${letters()}`;
  const word = `zephyrine${letters()}`;
  // Cameron (CPS) takes two calls; both sit in the CPS queue, owned by Cameron.
  await signInAs(page, 'cps@handoff.test');
  const services = await trpcQuery<{ id: number }[]>(page.request, 'catalog.services', undefined);
  const made: { id: number; number: string }[] = [];
  for (const [i, caller] of [`Orla ${surname}`, 'Ben Other'].entries())
    made.push(
      await trpcMutation(page.request, 'incident.create', {
        callerName: caller,
        callerPhone: '608-555-0177',
        serviceId: services[0]!.id,
        description: `The ${word} badge reader ${i === 0 ? 'beeps' : 'blinks'} twice.`,
        channel: 'phone',
      }),
    );
  const first = made[0]!;
  const second = made[1]!;

  // Cory, the other CPS agent, finds them.
  await page.context().clearCookies();
  await signInAs(page, 'cps2@handoff.test');
  await page.goto('/queues');
  await expect(page.getByRole('heading', { name: 'US - Help Desk CPS queue' })).toBeVisible();
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Search incidents' });
  await expect(box).toBeFocused();
  await box.fill(surname.toLowerCase());
  await box.press('Enter');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results).toContainText(first.number);
  await expect(results.locator('mark')).toHaveText([surname]);

  await box.fill(word.slice(0, 12));
  await box.press('Enter');
  await expect(results.getByRole('listitem')).toHaveCount(2);
  await results.getByRole('link', { name: first.number }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${first.number}$`));
  await expect(page.getByRole('main')).toContainText(first.number);

  // Back in the queue grid: select both and take ownership in one go.
  await page.goto('/queues');
  const grid = page.getByRole('table', { name: 'Queue' });
  for (const n of [first.number, second.number])
    await grid.getByRole('checkbox', { name: `Select ${n}` }).check();
  const bulk = page.getByRole('region', { name: 'Bulk actions' });
  await bulk.getByRole('button', { name: 'Take ownership of selected' }).click();
  const confirm = bulk.getByRole('alertdialog', { name: 'Confirm bulk action' });
  await expect(confirm).toContainText('Take ownership of 2 incidents');
  await expect(confirm).toContainText(first.number);
  await expect(confirm).toContainText(second.number);
  await confirm.getByRole('button', { name: 'Confirm' }).click();
  const outcome = bulk.getByRole('list', { name: 'Bulk results' });
  await expect(outcome).toContainText(`${first.number}: Taken`);
  await expect(outcome).toContainText(`${second.number}: Taken`);
  for (const n of [first.number, second.number])
    await expect(grid.getByRole('row', { name: new RegExp(n) })).toContainText('Cory CPS');
});
