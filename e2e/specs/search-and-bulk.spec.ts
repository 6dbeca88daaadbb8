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

// Bulk assign to a team member and bulk link to a problem: a confirmation naming the rows, then a
// result per row; a row its rules refuse says why while the others go.
test('bulk assign two incidents to a team member; bulk link refuses a row of another service and links the other', async ({
  page,
}) => {
  await signInAs(page, 'cps@handoff.test');
  const services = await trpcQuery<{ id: number }[]>(page.request, 'catalog.services', undefined);
  const create = (serviceId: number, what: string) =>
    trpcMutation<{ id: number; number: string }>(page.request, 'incident.create', {
      callerName: `Bulk ${letters()}`,
      callerPhone: '608-555-0178',
      serviceId,
      description: `The ${what} is down.`,
      channel: 'phone',
    });
  const first = await create(services[0]!.id, 'badge reader');
  const second = await create(services[1]!.id, 'kiosk');

  // Cory, the other CPS agent, assigns both of Cameron's new incidents to himself from the CPS queue.
  await page.context().clearCookies();
  await signInAs(page, 'cps2@handoff.test');
  await page.goto('/queues');
  const grid = page.getByRole('table', { name: 'Queue' });
  for (const n of [first.number, second.number])
    await grid.getByRole('checkbox', { name: `Select ${n}` }).check();
  const bulk = page.getByRole('region', { name: 'Bulk actions' });
  await bulk.getByRole('button', { name: 'Assign selected' }).click();
  const confirm = bulk.getByRole('alertdialog', { name: 'Confirm bulk action' });
  await expect(confirm).toContainText('Assign 2 incidents to the team member below');
  await expect(confirm).toContainText(`${first.number}, ${second.number}`);
  await expect(confirm.getByRole('button', { name: 'Confirm' })).toBeDisabled();
  await confirm.getByRole('combobox', { name: 'Team member' }).selectOption({ label: 'Cory CPS' });
  await confirm.getByRole('button', { name: 'Confirm' }).click();
  const outcome = bulk.getByRole('list', { name: 'Bulk results' });
  await expect(outcome).toContainText(`${first.number}: Assigned`);
  await expect(outcome).toContainText(`${second.number}: Assigned`);
  for (const n of [first.number, second.number])
    await expect(grid.getByRole('row', { name: new RegExp(n) })).toContainText('Cory CPS');

  // HDQA opens a problem of the first service; L1 links two incidents of its queue to it, and the one
  // of another service is refused (only HDQA links across services) while the other is linked.
  await page.context().clearCookies();
  await signInAs(page, 'hdqa@handoff.test');
  const seed = await create(services[0]!.id, 'badge reader network');
  const problem = await trpcMutation<{ id: number; number: string }>(
    page.request,
    'problem.create',
    {
      incidentIds: [seed.id],
      title: `Badge readers ${letters()}`,
    },
  );
  await page.context().clearCookies();
  await signInAs(page, 'l1@handoff.test');
  const sameService = await create(services[0]!.id, 'door badge reader');
  const otherService = await create(services[1]!.id, 'lobby kiosk');
  await page.goto('/queues');
  for (const n of [sameService.number, otherService.number])
    await grid.getByRole('checkbox', { name: `Select ${n}` }).check();
  await bulk.getByRole('button', { name: 'Link selected to a problem' }).click();
  await expect(confirm).toContainText('Link 2 incidents to the problem below');
  await confirm
    .getByRole('combobox', { name: 'Problem' })
    .selectOption({ value: String(problem.id) });
  await confirm.getByRole('button', { name: 'Confirm' }).click();
  await expect(outcome).toContainText(`${sameService.number}: Linked`);
  await expect(outcome.locator('li.refused')).toHaveText(
    `${otherService.number}: ${problem.number} is about another service than ${otherService.number}; ask HDQA to link it.`,
  );
});
