import { type Locator } from '@playwright/test';
import { createIncident, setServerClock, trpcMutation, trpcQuery } from '../support/api';
import { expect, signInAs, test, uniqueTag } from '../support/fixtures';

// Tuesday 15 December 2026, 09:00 in America/Chicago (CST, UTC−6).
const tuesday9am = '2026-12-15T15:00:00.000Z';
const service = 'Remote Desktop Gateway';
const customers = [
  ['Oscar Nguyen', 'onguyen@grad.wisc.edu'],
  ['Priya Shah', 'pshah@grad.wisc.edu'],
  ['Quentin Brooks', 'qbrooks@grad.wisc.edu'],
  ['Rosa Alvarez', 'ralvarez@grad.wisc.edu'],
] as const;

/** The value of an option found by its text (its label also holds a title we do not repeat here). */
async function valueOf(option: Locator): Promise<string> {
  const value = await option.getAttribute('value');
  if (!value) throw new Error('The option has no value');
  return value;
}

test.describe('the outage procedure (kb 001)', () => {
  test.afterEach(async ({ page }) => {
    await setServerClock(page.request, null);
  });

  test('three contacts → HDQA alert → problem → SNCC outage → L1 links a fourth and cannot resolve → Resolve Attached Incidents → /status', async ({
    page,
    browser,
  }) => {
    test.setTimeout(150_000);
    const tag = uniqueTag();

    // 1. Three L1 contacts on the same service within minutes.
    await signInAs(page, 'l1@handoff.test');
    await setServerClock(page.request, tuesday9am);
    const first = [];
    for (const [name] of customers.slice(0, 3)) {
      first.push(
        await createIncident(page, {
          customer: name,
          service,
          description: `Remote desktop gateway times out (${tag})`,
        }),
      );
    }

    // 2. HDQA's home raises the potential-outage alert with those three; one click creates the problem.
    await page.context().clearCookies();
    await signInAs(page, 'hdqa@handoff.test');
    await page.goto('/desk');
    const alert = page.getByRole('region', { name: `Potential outage: ${service}` });
    for (const i of first) await expect(alert.getByRole('link', { name: i.number })).toBeVisible();
    await page.screenshot({ path: 'test-results/outage-hdqa-home.png', fullPage: true });
    await alert.getByRole('button', { name: 'Create problem from these' }).click();
    await expect(page).toHaveURL(/\/problems\/PRB-\d{6}$/);
    const problemNumber = page.url().split('/').pop()!;
    await expect(page.getByTestId('problem-impact')).toContainText('3 incidents from 3 customers');
    await expect(page.getByTestId('problem-owner')).toHaveText('HDQA');
    const linked = page.getByRole('region', { name: 'Linked incidents' });
    for (const i of first)
      await expect(linked.getByRole('row', { name: new RegExp(i.number) })).toBeVisible();

    // 3. HDQA assigns it to SNCC-Network (kb 001 step 6).
    await page.getByLabel('Assign to').selectOption({ label: 'SNCC-Network' });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect(page.getByTestId('problem-owner')).toHaveText('SNCC-Network');

    // 4. SNCC declares the outage and links the problem to it (steps 3 and 7).
    await page.context().clearCookies();
    await signInAs(page, 'sncc@handoff.test');
    await page.goto('/desk');
    await expect(
      page.getByRole('table', { name: 'SNCC problems' }).getByRole('link', { name: problemNumber }),
    ).toBeVisible();
    await page.goto('/outages');
    const declare = page.getByRole('form', { name: 'Declare an outage' });
    await declare.getByLabel('Title').fill(`Remote desktop gateway down (${tag})`);
    await declare.getByLabel('Owned by (SNCC)').selectOption({ label: 'SNCC-Network' });
    await declare
      .getByLabel('Affected services')
      .selectOption({ label: `${service} › Access › Cannot connect` });
    await declare
      .getByLabel('Public summary (shown on the status page)')
      .fill('Remote desktop sessions time out. SNCC is restarting the gateway.');
    await declare.getByRole('button', { name: 'Declare outage' }).click();
    const declared = page.getByRole('status').filter({ hasText: /Outage OUT-\d{6} declared\./ });
    await expect(declared).toBeVisible();
    const outageNumber = /OUT-\d{6}/.exec((await declared.textContent())!)![0];
    await expect(
      page.getByRole('region', { name: 'Active outages' }).getByTestId(`outage-${outageNumber}`),
    ).toContainText('Remote desktop sessions time out.');
    await page.screenshot({ path: 'test-results/outage-outages-page.png', fullPage: true });

    await page.goto(`/problems/${problemNumber}`);
    const outageOption = page.locator('#link-outage option', { hasText: outageNumber });
    await page.getByLabel('Link to outage').selectOption(await valueOf(outageOption));
    await page.getByRole('button', { name: 'Link outage' }).click();
    await expect(page.getByTestId('problem-outage')).toContainText(outageNumber);
    await expect(page.getByTestId('problem-outage')).toContainText('active');
    await page.goto('/desk');
    await expect(page.getByRole('table', { name: 'Active outages' })).toContainText(outageNumber);

    // 5. An L1 agent links a fourth incident from the form, and may only save it.
    await page.context().clearCookies();
    await signInAs(page, 'l1@handoff.test');
    await page.goto('/incidents/new');
    await page.getByLabel('Customer').fill(customers[3][0]);
    await expect(page.getByRole('option', { name: new RegExp(customers[3][0]) })).toBeVisible();
    await page.getByLabel('Customer').press('Enter');
    await page.locator('#service').selectOption(service);
    const known = page.getByRole('region', { name: 'Known outages and problems' });
    await expect(known).toContainText(`Active outage ${outageNumber}`);
    const problemOption = page.locator('#problemId option', { hasText: problemNumber });
    await page.getByLabel('Link to problem').selectOption(await valueOf(problemOption));
    await page.getByLabel('Description').fill(`Remote desktop gateway times out here too (${tag})`);
    await page.screenshot({ path: 'test-results/outage-new-incident.png', fullPage: true });
    await page.getByRole('button', { name: 'Create incident' }).click();
    await expect(page).toHaveURL(/\/incidents\/INC-\d{6}$/);
    const fourth = page.url().split('/').pop()!;
    await expect(page.getByTestId('incident-problem')).toContainText(problemNumber);
    await expect(page.getByRole('note', { name: 'Outage procedure' })).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Route' }).getByTestId('routing-outcome'),
    ).toHaveText('Outage: HDQA and SNCC handle it');
    const bar = page.getByRole('region', { name: 'One-step actions' });
    await expect(bar.getByRole('button', { name: 'Resolve', exact: true })).toBeDisabled();
    await expect(bar.getByRole('button', { name: 'Resolve', exact: true })).toHaveAttribute(
      'title',
      /outage procedure applies/,
    );
    await expect(bar.getByRole('button', { name: 'Assign to CPS' })).toBeDisabled();
    await expect(bar.getByRole('button', { name: 'Escalate to team' })).toHaveAttribute(
      'title',
      /outage procedure applies/,
    );
    await page.screenshot({ path: 'test-results/outage-l1-incident.png', fullPage: true });
    // The server refuses too, whatever the browser sends.
    const { incident } = await trpcQuery<{ incident: { id: number; version: number } }>(
      page.request,
      'incident.byNumber',
      { number: fourth },
    );
    await expect(
      trpcMutation(page.request, 'oneStep.resolve', {
        incidentId: incident.id,
        expectedVersion: incident.version,
        resolutionNote: 'Works now.',
      }),
    ).rejects.toThrow(/outage procedure applies/);

    // 6. SNCC runs Resolve Attached Incidents after confirming what it touches.
    await page.context().clearCookies();
    await signInAs(page, 'sncc@handoff.test');
    await page.goto(`/problems/${problemNumber}`);
    await page.getByRole('button', { name: 'Resolve Attached Incidents' }).click();
    const dialog = page.getByRole('dialog', {
      name: `Resolve the attached incidents of ${problemNumber}?`,
    });
    await expect(dialog.getByTestId('resolve-attached-summary')).toContainText(
      'resolves 4 open incidents and e-mails 4 customers',
    );
    await expect(dialog).toContainText(
      `Outage ${outageNumber} is still active and will be marked resolved.`,
    );
    await dialog.getByRole('button', { name: 'Resolve 4 incidents' }).click();
    await expect(
      page.getByRole('status').filter({
        hasText: 'Resolved 4 incidents; queued 4 e-mails to 4 customers. The outage is resolved.',
      }),
    ).toBeVisible();

    for (const number of [...first.map((i) => i.number), fourth]) {
      await expect(linked.getByRole('row', { name: new RegExp(number) })).toContainText('Resolved');
    }
    const mail = page.getByRole('table', { name: 'Queued e-mails' });
    await expect(mail.getByRole('row')).toHaveCount(1 + 4);
    for (const [, email] of customers)
      await expect(mail.getByRole('row', { name: new RegExp(email) })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Resolve Attached Incidents' })).toBeDisabled();
    await page.screenshot({ path: 'test-results/outage-resolved.png', fullPage: true });

    // Running it again resolves nothing and sends nothing.
    const { problem } = await trpcQuery<{ problem: { id: number; version: number } }>(
      page.request,
      'problem.byNumber',
      { number: problemNumber },
    );
    const again = await trpcMutation<{ incidents: number; emails: number }>(
      page.request,
      'problem.resolveAttached',
      {
        problemId: problem.id,
        expectedVersion: problem.version,
      },
    );
    expect(again).toMatchObject({ incidents: 0, emails: 0 });
    await page.reload();
    await expect(page.getByRole('table', { name: 'Queued e-mails' }).getByRole('row')).toHaveCount(
      1 + 4,
    );

    // 7. The public status page, without signing in, shows the outage resolved.
    const anonymous = await browser.newContext();
    const publicPage = await anonymous.newPage();
    await publicPage.goto('/status');
    await expect(publicPage).toHaveURL(/\/status$/);
    const resolved = publicPage
      .getByRole('region', { name: 'Recently resolved' })
      .getByTestId(`outage-${outageNumber}`);
    await expect(resolved).toContainText('Resolved');
    await expect(resolved).toContainText(`Remote desktop gateway down (${tag})`);
    await expect(publicPage.getByRole('region', { name: 'Active outages' })).not.toContainText(
      outageNumber,
    );
    await publicPage.screenshot({ path: 'test-results/outage-status.png', fullPage: true });
    await anonymous.close();
  });
});
