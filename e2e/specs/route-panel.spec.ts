// The Route panel against the server (issue 14 items 1, 5, 11): answers that stick, known outages,
// and what the agent reads after a step equals what is stored.
import {
  createIncident,
  setCpsPresence,
  setServerClock,
  trpcMutation,
  trpcQuery,
} from '../support/api';
import { expect, signInAs, test, uniqueTag } from '../support/fixtures';

// Tuesday 1 December 2026 in America/Chicago (CST, UTC−6).
const tuesday10am = '2026-12-01T16:00:00.000Z';
const tuesday1002am = '2026-12-01T16:02:00.000Z';

test.describe('the Route panel', () => {
  test.afterEach(async ({ page }) => {
    await setServerClock(page.request, null);
  });

  test('a caller with no customer record who says they are a contract partner: the department answer sticks (item 1)', async ({
    page,
  }) => {
    await signInAs(page, 'l1@handoff.test');
    await setServerClock(page.request, tuesday10am);
    const services = await trpcQuery<{ id: number; name: string }[]>(
      page.request,
      'catalog.services',
      undefined,
    );
    const incident = await trpcMutation<{ number: string }>(page.request, 'incident.create', {
      callerName: 'Walk-in Caller',
      callerPhone: '608-555-0177',
      serviceId: services.find((s) => s.name === 'Office 365')!.id,
      channel: 'phone',
      description: `Needs help with Outlook (${uniqueTag()})`,
    });
    await page.goto(`/incidents/${incident.number}`);
    const route = page.getByRole('region', { name: 'Route' });
    // The answer is stored on the server first, so the box shows checked once it is recorded.
    await route.getByLabel('Says they are a contract partner').click();
    await expect(route.getByLabel('Says they are a contract partner')).toBeChecked();
    await expect(route).toContainText('Which department are you with?');
    await route.getByRole('button', { name: 'Yes' }).click();
    await expect(route).toContainText(
      'Are you calling in for support for something related to work?',
    );
    await expect(route).not.toContainText('Which department are you with?');
  });

  test('answers survive a reload, and after Assign to CPS the panel shows the stored promise (item 11)', async ({
    page,
    baseURL,
  }) => {
    await setCpsPresence(baseURL!, {
      'cps@handoff.test': 'not_ready',
      'cps2@handoff.test': 'not_ready',
    });
    await signInAs(page, 'l1@handoff.test');
    await setServerClock(page.request, tuesday10am);
    const incident = await createIncident(page, {
      customer: 'Hana Coned',
      service: 'Office 365',
      description: `Outlook keeps asking for a password (${uniqueTag()})`,
    });
    await page.goto(`/incidents/${incident.number}`);
    const route = page.getByRole('region', { name: 'Route' });
    await route.getByRole('button', { name: 'Yes' }).click();
    await expect(route.getByTestId('routing-outcome')).toHaveText('Assign to CPS');

    await page.reload();
    await expect(route.getByTestId('routing-outcome')).toHaveText('Assign to CPS');
    await expect(route).not.toContainText('Are you calling in');

    const form = page.getByRole('form', { name: 'Assign to CPS' });
    await form.getByRole('button', { name: 'Run Assign to CPS' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Assign to CPS done.' })).toBeVisible();

    // Two minutes later the agent reads the panel again: the promise is the stored one.
    await setServerClock(page.request, tuesday1002am);
    await page.reload();
    await expect(route.getByTestId('routing-outcome')).toHaveText('Routed: Assign to CPS');
    await expect(route.getByTestId('routing-script')).toContainText('Tuesday 2:00 PM');
    await expect(route.getByTestId('routing-script')).not.toContainText('2:02 PM');
    await expect(page.getByRole('region', { name: 'Promises' })).toContainText('2:00 PM');
  });

  test('an e-mail incident is not asked "Are you calling in…" (item 11)', async ({ page }) => {
    await signInAs(page, 'l1@handoff.test');
    await setServerClock(page.request, tuesday10am);
    const incident = await createIncident(page, {
      customer: 'Hana Coned',
      service: 'Office 365',
      channel: 'email',
      description: `Mailbox full (${uniqueTag()})`,
    });
    await page.goto(`/incidents/${incident.number}`);
    const route = page.getByRole('region', { name: 'Route' });
    await expect(route).toContainText(
      'Is this e-mail about support for something related to work?',
    );
    await expect(route).not.toContainText('Are you calling in');
  });

  test('a new incident during a known outage: the panel names it, offers Link to problem, forwarding needs a reason (item 5)', async ({
    page,
  }) => {
    await signInAs(page, 'l1@handoff.test');
    const board = await trpcQuery<{ active: { number: string; services: { name: string }[] }[] }>(
      page.request,
      'outage.board',
      undefined,
    );
    const uwnet = board.active.find((o) => o.services.some((s) => s.name === 'Wireless (UWNet)'))!;
    const incident = await createIncident(page, {
      customer: 'Priya Shah',
      service: 'Wireless (UWNet)',
      description: `Wi-Fi drops every few minutes (${uniqueTag()})`,
    });
    await page.goto(`/incidents/${incident.number}`);
    const route = page.getByRole('region', { name: 'Route' });
    await expect(route.getByTestId('routing-outcome')).toHaveText(
      'Outage: HDQA and SNCC handle it',
    );
    await expect(route.getByTestId('routing-outage')).toContainText(`Known outage ${uwnet.number}`);
    const bar = page.getByRole('region', { name: 'One-step actions' });
    await expect(bar.getByRole('button', { name: 'Link to problem' })).toHaveClass(/recommended/);
    await expect(page.getByRole('form', { name: 'Link to problem' })).toBeVisible();

    await bar.getByRole('button', { name: 'Assign to CPS' }).click();
    const form = page.getByRole('form', { name: 'Assign to CPS' });
    await form.getByLabel('Reason').selectOption('coned_customer');
    await form.getByRole('button', { name: 'Run Assign to CPS' }).click();
    await expect(form).toContainText(
      'Say why you chose Assign to CPS over the recommended Link to problem.',
    );
    await expect(page.getByRole('status').filter({ hasText: 'Assign to CPS done.' })).toHaveCount(
      0,
    );
  });
});
