import { createIncident, setCpsPresence, setServerClock, trpcMutation } from '../support/api';
import { expect, signInAs, test, uniqueTag } from '../support/fixtures';

// Tuesday 1 December 2026 in America/Chicago (CST, UTC−6).
const tuesday10am = '2026-12-01T16:00:00.000Z';
const tuesday7pm = '2026-12-02T01:00:00.000Z';

test.describe('the L1 call console', () => {
  test.afterEach(async ({ page }) => {
    await setServerClock(page.request, null);
  });

  test('10:00 Tuesday, coned customer, work related, no CPS agent ready → Assign to CPS with the callback script', async ({
    page,
    baseURL,
  }) => {
    await setCpsPresence(baseURL!, {
      'cps@handoff.test': 'not_ready',
      'cps2@handoff.test': 'not_ready',
    });
    await signInAs(page, 'l1@handoff.test');
    await setServerClock(page.request, tuesday10am);
    const tag = uniqueTag();
    const incident = await createIncident(page, {
      customer: 'Hana Coned',
      service: 'Office 365',
      description: `Outlook keeps asking for a password (${tag})`,
    });

    await page.goto(`/incidents/${incident.number}`);
    const route = page.getByRole('region', { name: 'Route' });
    await expect(route.getByTestId('cps-ready-count')).toHaveText('0');
    await expect(route).toContainText(
      'Are you calling in for support for something related to work?',
    );
    await route.getByRole('button', { name: 'Yes' }).click();

    await expect(route.getByTestId('routing-outcome')).toHaveText('Assign to CPS');
    const script = route.getByTestId('routing-script');
    await expect(script).toContainText('Tuesday 2:00 PM');
    await expect(script).toContainText('Wednesday 10:00 AM');
    await expect(script).toContainText('608-265-6900');

    const recommended = page
      .getByRole('region', { name: 'One-step actions' })
      .getByRole('button', { name: 'Assign to CPS' });
    await expect(recommended).toHaveClass(/recommended/);
    // The recommended step's form is already open and prefilled: one click runs it.
    const form = page.getByRole('form', { name: 'Assign to CPS' });
    await expect(form).toBeVisible();
    await expect(form.getByLabel('Reason')).toHaveValue('no_cps_agents_ready');
    await expect(form.getByLabel('Callback phone')).not.toHaveValue('');
    await page.screenshot({ path: 'test-results/l1-assign-to-cps.png', fullPage: true });
    await form.getByRole('button', { name: 'Run Assign to CPS' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Assign to CPS done.' })).toBeVisible();
    await expect(
      page.getByText('Classification').locator('xpath=following-sibling::dd[1]'),
    ).toHaveText('Transfer to CPS');
    await expect(page.getByRole('region', { name: 'Promises' })).toContainText(
      'CPS contacts the customer by',
    );
    const journal = page.getByRole('list', { name: 'Journal' });
    await expect(journal).toContainText('Routing recommended Assign to CPS');

    await page.context().clearCookies();
    await signInAs(page, 'cps@handoff.test');
    await page.goto('/queues');
    const row = page.getByRole('row', { name: new RegExp(incident.number) });
    await expect(row).toContainText('Hana Coned');
    await expect(row.getByTestId('next-promise').getByTestId('countdown')).toBeVisible();
    await row.getByRole('button', { name: 'Take ownership' }).click();
    await expect(row).toContainText('Cameron CPS');
    await expect(row.getByRole('button', { name: 'Take ownership' })).toBeDisabled();
  });

  test('a CPS agent sets Ready and L1 transfers live: the agent owns it and is set Busy', async ({
    page,
    browser,
    baseURL,
  }) => {
    await setCpsPresence(baseURL!, {
      'cps@handoff.test': 'not_ready',
      'cps2@handoff.test': 'not_ready',
    });
    await signInAs(page, 'l1@handoff.test');
    await setServerClock(page.request, tuesday10am);
    await page.goto('/desk');
    await expect(page.getByTestId('cps-ready-count')).toHaveText('0');

    const cpsPage = await browser.newPage();
    await signInAs(cpsPage, 'cps2@handoff.test');
    await cpsPage.goto('/desk');
    await cpsPage.getByLabel('Presence').selectOption('ready');
    // The L1 console refreshes the count by itself, without a reload.
    await expect(page.getByTestId('cps-ready-count')).toHaveText('1', { timeout: 15_000 });
    await expect(page.getByText('(Cory CPS)')).toBeVisible();
    const incident = await createIncident(page, {
      customer: 'Elena Marsh',
      service: 'Departmental Computer Support',
      description: `Lab PC will not print (${uniqueTag()})`,
    });
    await page.goto(`/incidents/${incident.number}`);
    const route = page.getByRole('region', { name: 'Route' });
    await expect(route.getByTestId('routing-outcome')).toHaveText('Transfer to CPS (live)');
    await page
      .getByRole('region', { name: 'One-step actions' })
      .getByRole('button', { name: 'Transfer to CPS' })
      .click();
    const form = page.getByRole('form', { name: 'Transfer to CPS' });
    await form.getByLabel('Ready CPS agent').selectOption({ label: 'Cory CPS' });
    await form.getByRole('button', { name: 'Run Transfer to CPS' }).click();
    await expect(page.getByText('Owner').locator('xpath=following-sibling::dd[1]')).toContainText(
      'Cory CPS',
    );

    await cpsPage.goto('/desk');
    await expect(cpsPage.getByLabel('Presence')).toHaveValue('busy');
    await expect(cpsPage.getByRole('row', { name: new RegExp(incident.number) })).toBeVisible();
    await trpcMutation(cpsPage.request, 'presence.set', { presence: 'not_ready' });
  });

  test('19:00 Tuesday, coned AIMS customer: not critical → Assign to EAST with the EAST script; critical → Page on-call AIMS', async ({
    page,
  }) => {
    await signInAs(page, 'l1@handoff.test');
    await setServerClock(page.request, tuesday7pm);
    const quiet = await createIncident(page, {
      customer: 'Avery Aims',
      service: 'Departmental Computer Support',
      description: `Office PC slow (${uniqueTag()})`,
    });
    await page.goto(`/incidents/${quiet.number}`);
    const route = page.getByRole('region', { name: 'Route' });
    await expect(route).toContainText('critical work stoppage');
    await route.getByRole('button', { name: 'No' }).click();
    await expect(route.getByTestId('routing-outcome')).toHaveText('Assign to EAST');
    await expect(route.getByTestId('routing-script')).toContainText(
      `Your incident number is ${quiet.number}`,
    );
    await expect(route.getByTestId('routing-script')).toContainText('608-265-6900');
    await page
      .getByRole('region', { name: 'One-step actions' })
      .getByRole('button', { name: 'Assign to EAST' })
      .click();
    const east = page.getByRole('form', { name: 'Assign to EAST' });
    await east.getByLabel('Can wait until HDL2').check();
    await east
      .getByLabel('Expectation given to the customer')
      .fill('CPS will follow up when they open at 7:00 AM.');
    await east.getByRole('button', { name: 'Run Assign to EAST' }).click();
    await expect(page.getByText('Owner').locator('xpath=following-sibling::dd[1]')).toContainText(
      'EAST',
    );
    await expect(
      page.getByText('DoIT Departmental Support › Service Inquiry › Unclassified'),
    ).toBeVisible();
    await expect(page.getByRole('list', { name: 'Journal' })).toContainText(
      `Your incident number is ${quiet.number}`,
    );

    const critical = await createIncident(page, {
      customer: 'Avery Aims',
      service: 'Departmental Computer Support',
      description: `Lab server down before an exam (${uniqueTag()})`,
    });
    await page.goto(`/incidents/${critical.number}`);
    await route.getByRole('button', { name: 'Yes' }).click();
    await expect(route.getByTestId('routing-outcome')).toHaveText('Page the on-call technician');
    await expect(route.getByTestId('routing-script')).toContainText(
      'a technician will contact you within an hour',
    );
    await page
      .getByRole('region', { name: 'One-step actions' })
      .getByRole('button', { name: 'Page on-call' })
      .click();
    const pageForm = page.getByRole('form', { name: 'Page on-call' });
    await expect(pageForm.getByLabel('AIMS')).toBeChecked();
    await pageForm
      .getByLabel('Who you called')
      .selectOption({ label: 'Morgan Reyes (AIMS primary) · 608-555-7001' });
    await pageForm.getByLabel('Answered').check();
    await pageForm.getByLabel('Urgent', { exact: true }).check();
    await pageForm
      .getByLabel('Expectation given to the customer')
      .fill('The on-call technician calls within the hour.');
    await pageForm.getByRole('button', { name: 'Run Page on-call' }).click();
    await expect(
      page.getByText('Classification').locator('xpath=following-sibling::dd[1]'),
    ).toHaveText('Page on-call');
    await expect(page.getByRole('region', { name: 'Promises' })).toContainText(
      'On-call technician contacts the customer by',
    );
    await expect(page.getByRole('list', { name: 'Journal' })).toContainText('Morgan Reyes');
  });

  test('PICK 2 service, customer not coned, by phone → Send to HD ES', async ({ page }) => {
    await signInAs(page, 'l1@handoff.test');
    await setServerClock(page.request, tuesday10am);
    const incident = await createIncident(page, {
      customer: 'Priya Shah',
      service: 'Enterprise Business System',
      description: `Cannot approve timesheets (${uniqueTag()})`,
    });
    await page.goto(`/incidents/${incident.number}`);
    const route = page.getByRole('region', { name: 'Route' });
    await expect(route.getByTestId('routing-outcome')).toHaveText('Send to HD ES');
    await page
      .getByRole('region', { name: 'One-step actions' })
      .getByRole('button', { name: 'Send to HD ES' })
      .click();
    const form = page.getByRole('form', { name: 'Send to HD ES' });
    await expect(form.getByLabel('Customer e-mail')).toHaveValue('pshah@grad.wisc.edu');
    await form.getByRole('button', { name: 'Run Send to HD ES' }).click();
    await expect(form.getByText('Describe the basic troubleshooting you did')).toBeVisible();
    await form
      .getByLabel('Troubleshooting done')
      .fill('Cleared cache, tried another browser, same error.');
    await form.getByRole('button', { name: 'Run Send to HD ES' }).click();
    await expect(page.getByText('Owner').locator('xpath=following-sibling::dd[1]')).toContainText(
      'HD ES',
    );
    await expect(page.getByRole('list', { name: 'Journal' })).toContainText(
      'Cleared cache, tried another browser',
    );
  });

  test('chat about a PICK 5 service with no CPS accept → the 5-minute "CPS busy" prompt, then the 10-minute Assign to CPS', async ({
    page,
  }) => {
    await signInAs(page, 'l1@handoff.test');
    await setServerClock(page.request, tuesday10am);
    const incident = await createIncident(page, {
      customer: 'Oscar Nguyen',
      service: 'Departmental Computer Support',
      channel: 'chat',
      description: `Chat: software install (${uniqueTag()})`,
    });
    await page.goto(`/incidents/${incident.number}`);
    await expect(
      page.getByRole('region', { name: 'Route' }).getByTestId('routing-outcome'),
    ).toHaveText('Consult the CPS chat channel');
    const chat = page.getByRole('region', { name: 'Chat consult' });
    await chat.getByRole('button', { name: 'Consult the CPS chat channel' }).click();
    await expect(chat.getByTestId('consult-status')).toContainText('Waiting for a CPS agent');
    await expect(chat.getByTestId('consult-prompt')).toHaveCount(0);

    await setServerClock(page.request, '2026-12-01T16:05:00.000Z');
    await expect(chat.getByTestId('consult-prompt')).toContainText('5 minutes', {
      timeout: 15_000,
    });
    await chat.getByRole('button', { name: 'Send “CPS busy”' }).click();
    const journal = page.getByRole('list', { name: 'Journal' });
    await expect(journal).toContainText(
      'All Help Desk Contract Partner Support agents are currently assisting other customers',
    );
    await expect(journal.locator('li').filter({ hasText: 'currently assisting' })).toContainText(
      'Customer-visible',
    );

    await setServerClock(page.request, '2026-12-01T16:10:00.000Z');
    await expect(chat.getByTestId('consult-prompt')).toContainText('10 minutes', {
      timeout: 15_000,
    });
    await chat.getByRole('button', { name: 'Assign to CPS (chat not answered)' }).click();
    const form = page.getByRole('form', { name: 'Assign to CPS' });
    await expect(form.getByLabel('Reason')).toHaveValue('chat_not_answered');
    // kb 000: the customer's preferred contact is collected before the chat goes to CPS.
    await form.getByRole('radio', { name: 'Phone', exact: true }).check();
    await form.getByLabel('Phone CPS calls').fill('608-555-0199');
    await form.getByRole('button', { name: 'Run Assign to CPS' }).click();
    await expect(page.getByText('Owner').locator('xpath=following-sibling::dd[1]')).toContainText(
      'US - Help Desk CPS',
    );
    await expect(chat.getByTestId('consult-prompt')).toHaveCount(0);
  });

  test('a CPS agent accepts a chat consult from the queue page and becomes the owner', async ({
    page,
    browser,
  }) => {
    await signInAs(page, 'l1@handoff.test');
    await setServerClock(page.request, tuesday10am);
    const incident = await createIncident(page, {
      customer: 'Rosa Alvarez',
      service: 'Departmental Computer Support',
      channel: 'chat',
      description: `Chat: printer driver (${uniqueTag()})`,
    });
    await page.goto(`/incidents/${incident.number}`);
    await page
      .getByRole('region', { name: 'Chat consult' })
      .getByRole('button', { name: 'Consult the CPS chat channel' })
      .click();
    await expect(page.getByTestId('consult-status')).toContainText('Waiting');

    const cps = await browser.newPage();
    await signInAs(cps, 'cps@handoff.test');
    await cps.goto('/queues');
    const requests = cps.getByRole('region', { name: 'Consult requests' });
    const row = requests.getByRole('row', { name: new RegExp(incident.number) });
    await expect(row).toContainText('Rosa Alvarez');
    await row.getByRole('button', { name: 'Accept' }).click();
    await expect(cps).toHaveURL(new RegExp(`/incidents/${incident.number}$`));
    await expect(cps.getByText('Owner').locator('xpath=following-sibling::dd[1]')).toContainText(
      'Cameron CPS',
    );
    await expect(page.getByTestId('consult-status')).toContainText('accepted', { timeout: 15_000 });
  });
});
