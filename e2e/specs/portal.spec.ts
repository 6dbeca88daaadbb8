import { setServerClock } from '../support/api';
import { expect, signInAs, test, uniqueTag } from '../support/fixtures';

// Tuesday 1 December 2026, 10:00 in America/Chicago (CST, UTC−6): technologists respond by Wednesday 10:00.
const tuesday10am = '2026-12-01T16:00:00.000Z';

test.describe('Help Online, the self-service portal', () => {
  test('a customer creates a case; an agent adds an internal and a customer-visible note; the customer sees only the second', async ({
    page,
    browser,
  }) => {
    const tag = uniqueTag();
    await signInAs(page, 'customer@handoff.test');
    await page.goto('/portal');
    await expect(page.getByRole('region', { name: 'Known outages for my services' })).toBeVisible();
    await page.getByRole('link', { name: 'New case' }).first().click();
    await expect(page).toHaveURL(/\/portal\/new$/);

    // Submitting an empty form shows the messages at the fields.
    await page.getByRole('button', { name: 'Submit case' }).click();
    await expect(page.locator('#service-error')).toHaveText('Choose a service');
    await expect(page.locator('#description-error')).toHaveText('Describe the problem');

    // Banners are explained in plain words, and "is this already known?" is checked for the service.
    await page.locator('#service').selectOption('Departmental Computer Support');
    await expect(page.locator('#service-error')).toHaveCount(0);
    await expect(page.getByTestId('service-banner')).toContainText(
      'Departmental support: for departments with a support contract',
    );
    await page.locator('#service').selectOption('Remote Desktop Gateway');
    await expect(page.getByTestId('service-banner')).toHaveCount(0);
    await expect(
      page.getByRole('region', { name: 'Is this already known?' }).getByTestId('no-known-outages'),
    ).toHaveText('No known outage affects this service right now.');

    await page.getByLabel('What is happening?').fill(`The gateway rejects my password (${tag})`);
    await page.getByRole('radio', { name: 'Phone' }).check();
    await page.locator('#phone').fill('608-555-0177');
    await page.getByLabel(/^Attachments/).setInputFiles({
      name: 'error.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`Error 0x1234 (${tag})`),
    });
    await expect(page.getByRole('list', { name: 'Files to attach' })).toContainText('error.txt');
    await page.screenshot({ path: 'test-results/portal-new-case.png', fullPage: true });
    await page.getByRole('button', { name: 'Submit case' }).click();

    await expect(page).toHaveURL(/\/portal\/incidents\/INC-\d{6}$/);
    const number = page.url().split('/').pop()!;
    await expect(page.getByRole('heading', { name: number })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Journal' })).toContainText(
      'We received your case. The Help Desk will contact you by phone at 608-555-0177',
    );
    await expect(page.getByRole('list', { name: 'Attachments' })).toContainText('error.txt');

    // My cases lists it with its status and owner team.
    await page.goto('/portal');
    const row = page.getByRole('row', { name: new RegExp(number) });
    await expect(row).toContainText('New');
    await expect(row).toContainText('US - Help Desk');

    // An agent opens it, reads the attachment, and adds an internal then a customer-visible note.
    const agent = await browser.newPage();
    await signInAs(agent, 'l1@handoff.test');
    await agent.goto(`/incidents/${number}`);
    await expect(agent.getByText('Help Online routing: In the US - Help Desk queue')).toBeVisible();
    const href = await agent
      .getByRole('region', { name: 'Attachments' })
      .getByRole('link', { name: 'error.txt' })
      .getAttribute('href');
    const download = await agent.request.get(href!);
    expect(download.status()).toBe(200);
    expect(await download.text()).toBe(`Error 0x1234 (${tag})`);

    const internal = `Internal: checked the gateway logs, account flagged (${tag})`;
    const visible = `We unlocked your account; please try again (${tag})`;
    await agent.getByLabel('Add a note').fill(internal);
    await agent.getByRole('radio', { name: 'Internal' }).check();
    await agent.getByRole('button', { name: 'Add note' }).click();
    await expect(agent.getByRole('list', { name: 'Journal' })).toContainText(internal);
    await agent.getByLabel('Add a note').fill(visible);
    await agent.getByRole('radio', { name: 'Customer-visible' }).check();
    await agent.getByRole('button', { name: 'Add note' }).click();
    await expect(agent.getByRole('list', { name: 'Journal' })).toContainText(visible);
    await agent.close();

    await page.goto(`/portal/incidents/${number}`);
    const journal = page.getByRole('list', { name: 'Journal' });
    await expect(journal).toContainText(visible);
    await expect(page.getByText(internal)).toHaveCount(0);
    await expect(page.getByText('Help Online routing')).toHaveCount(0);
    expect(await page.content()).not.toContain('account flagged');

    // Another customer cannot fetch the file.
    const other = await browser.newPage();
    await signInAs(other, 'tp@handoff.test');
    expect((await other.request.get(href!)).status()).toBe(404);
    await other.close();
  });
});

test.describe('Primary Tech Partner triage (kb 004)', () => {
  test.afterEach(async ({ page }) => {
    await setServerClock(page.request, null);
  });

  test('incomplete case → HD requests more information → the TP answers → mission critical → escalated; technologists see the respond-by', async ({
    page,
    browser,
  }) => {
    const tag = uniqueTag();
    await signInAs(page, 'tp@handoff.test');
    await setServerClock(page.request, tuesday10am);

    // The TP files a case without saying how many people are affected.
    await page.goto('/portal/new');
    await page.locator('#service').selectOption('Remote Desktop Gateway');
    await page
      .getByLabel('What is happening?')
      .fill(`The Remote Desktop Gateway refuses connections from our office (${tag})`);
    await page.getByRole('button', { name: 'Submit case' }).click();
    await expect(page).toHaveURL(/\/portal\/incidents\/INC-\d{6}$/);
    const number = page.url().split('/').pop()!;

    // HD finds it in the TP review queue, incomplete.
    const hd = await browser.newPage();
    await signInAs(hd, 'l1@handoff.test');
    await hd.goto('/tp-review');
    const row = hd.getByRole('row', { name: new RegExp(number) });
    await expect(row).toContainText('Incomplete');
    await expect(row.locator('li.missing')).toHaveText(['People affected: not known']);
    await row.getByRole('link', { name: number }).click();
    await expect(hd.getByRole('region', { name: 'Primary TP review' })).toContainText('In review');

    const actions = hd.getByRole('region', { name: 'One-step actions' });
    await expect(actions.getByRole('button', { name: 'Mark mission critical' })).toBeDisabled();
    await actions.getByRole('button', { name: 'Request more information' }).click();
    const ask = hd.getByRole('form', { name: 'Request more information' });
    await ask
      .getByLabel(/Question for the customer/)
      .fill('How many people in your office cannot connect?');
    await ask.getByRole('button', { name: 'Run Request more information' }).click();
    await expect(
      hd.getByRole('status').filter({ hasText: 'Request more information done.' }),
    ).toBeVisible();
    await expect(hd.getByRole('heading', { name: number })).toContainText('Pending customer');
    await hd.goto('/tp-review');
    await expect(hd.getByRole('row', { name: new RegExp(number) })).toHaveCount(0);

    // The TP answers in the portal.
    await page.reload();
    await expect(page.getByTestId('waiting-for-you')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Journal' })).toContainText(
      'How many people in your office cannot connect?',
    );
    await page.getByLabel('Your answer').fill('All 14 of us in the dean’s office.');
    await page.getByLabel('How many people are affected?').fill('14');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'your answer went to the Help Desk' }),
    ).toBeVisible();
    await expect(page.getByTestId('waiting-for-you')).toHaveCount(0);

    // Back in review, complete; HD marks it mission critical and escalates it.
    await hd.reload();
    const back = hd.getByRole('row', { name: new RegExp(number) });
    await expect(back).toContainText('Complete');
    await expect(back).toContainText('People affected: 14 (more than one: mission critical)');
    await hd.screenshot({ path: 'test-results/tp-review-queue.png', fullPage: true });
    await back.getByRole('link', { name: number }).click();
    await hd
      .getByRole('region', { name: 'One-step actions' })
      .getByRole('button', { name: 'Mark mission critical' })
      .click();
    await hd
      .getByRole('form', { name: 'Mark mission critical' })
      .getByRole('button', { name: 'Run Mark mission critical' })
      .click();
    await expect(hd.getByRole('region', { name: 'Primary TP review' })).toContainText(
      'Mission critical: escalate to technologists',
    );
    await hd
      .getByRole('region', { name: 'One-step actions' })
      .getByRole('button', { name: 'Escalate to technologists' })
      .click();
    const escalate = hd.getByRole('form', { name: 'Escalate to technologists' });
    await escalate
      .getByLabel('Why it is mission critical')
      .fill('Fourteen staff cannot reach the gateway; DRMT pool suspected.');
    await escalate.getByRole('button', { name: 'Run Escalate to technologists' }).click();
    await expect(
      hd.getByRole('status').filter({ hasText: 'Escalate to technologists done.' }),
    ).toBeVisible();
    await expect(hd.getByRole('region', { name: 'Promises' })).toContainText(
      'Technologists respond by',
    );
    await hd.close();

    // The technologists' queue shows it with the respond-by time and its countdown.
    const tech = await browser.newPage();
    await signInAs(tech, 'technologist@handoff.test');
    await tech.goto('/queues');
    await tech.getByLabel('Team').selectOption('DRMT');
    const techRow = tech.getByRole('row', { name: new RegExp(number) });
    await expect(techRow.getByTestId('next-promise')).toContainText('Respond by');
    await expect(techRow.getByTestId('next-promise')).toContainText('Wed, Dec 2, 10:00 AM');
    await expect(techRow.getByTestId('next-promise').getByTestId('countdown')).toBeVisible();
    await tech.screenshot({ path: 'test-results/technologists-queue.png', fullPage: true });
    await tech.close();

    // The TP sees that it was escalated and the respond-by date, and can still add notes.
    await page.reload();
    await expect(page.getByTestId('escalated')).toContainText(
      'Escalated to DoIT technologists. They respond by Wed, Dec 2, 10:00 AM.',
    );
    await expect(page.getByRole('list', { name: 'Journal' })).toContainText(
      'They will contact you within one business day, by Wednesday, December 2, 10:00 AM.',
    );
    await expect(page.getByText('DRMT pool suspected')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/portal-escalated.png', fullPage: true });
    await page.getByLabel('Add a note').fill('We are standing by at 608-555-0142.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByRole('list', { name: 'Journal' })).toContainText(
      'We are standing by at 608-555-0142.',
    );
  });
});
