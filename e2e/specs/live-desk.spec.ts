// Issue 17: the desk moves by itself. Two browser contexts, two agents: an assignment reaches the
// CPS queue without a reload, a colleague opening the incident marks its row and the marker clears
// when they leave, and a dropped connection catches up on reconnect without a lost change.
import { type Browser, type Page } from '@playwright/test';
import { createIncident, setServerClock, trpcMutation } from '../support/api';
import { expect, signInAs, test, uniqueTag } from '../support/fixtures';

const tuesday10am = '2026-12-01T16:00:00.000Z';

async function agentPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email);
  return page;
}

/** An Office 365 incident for Hana Coned, tagged, created by the agent signed in on `page`. */
function l1Incident(page: Page, what: string) {
  return createIncident(page, {
    customer: 'Hana Coned',
    service: 'Office 365',
    description: `${what} (${uniqueTag()})`,
  });
}

/** An L1 incident for Hana Coned assigned to CPS through the API, as the L1 agent. */
async function assignToCps(l1: Page, number: string, id: number, version: number) {
  return trpcMutation<{ version: number }>(l1.request, 'oneStep.assignToCps', {
    incidentId: id,
    expectedVersion: version,
    reason: 'no_cps_agents_ready',
    callbackPhone: '608-555-0142',
    routing: { overrideReason: `e2e live desk ${number}` },
  });
}

test.describe('the live desk', () => {
  test.afterEach(async ({ page }) => {
    await setServerClock(page.request, null);
  });

  test('an assignment appears on the CPS queue within 2 s without a reload', async ({
    page,
    browser,
  }) => {
    await signInAs(page, 'l1@handoff.test');
    await setServerClock(page.request, tuesday10am);
    const cps = await agentPage(browser, 'cps@handoff.test');
    await cps.goto('/queues');
    await expect(cps.getByRole('status', { name: /Live updates: Live/ })).toBeVisible();
    const incident = await l1Incident(page, 'Outlook keeps asking for a password');
    const row = cps.getByRole('row', { name: new RegExp(incident.number) });
    await expect(row).toHaveCount(0);
    await assignToCps(page, incident.number, incident.id, 1);
    await expect(row).toBeVisible({ timeout: 2_000 });
    await cps.context().close();
  });

  test('a colleague opening the incident marks its row and the page; the marker clears when they leave', async ({
    page,
    browser,
  }) => {
    await signInAs(page, 'l1@handoff.test');
    const incident = await l1Incident(page, 'Two agents, one incident');
    await assignToCps(page, incident.number, incident.id, 1);
    const cps = await agentPage(browser, 'cps@handoff.test');
    await cps.goto('/queues');
    const row = cps.getByRole('row', { name: new RegExp(incident.number) });
    await expect(row).toBeVisible();
    await expect(row.getByTestId('viewer-marker')).toHaveCount(0);

    const cory = await agentPage(browser, 'cps2@handoff.test');
    await cory.goto(`/incidents/${incident.number}`);
    await expect(row.getByTestId('viewer-marker')).toContainText('Cory', { timeout: 5_000 });

    // Cameron opens it too: the page says Cory has it open; Cory starts a note → "editing now".
    await cps.goto(`/incidents/${incident.number}`);
    const others = cps.getByRole('note', { name: 'Others on this incident' });
    await expect(others).toContainText('also viewing');
    await cory.getByLabel('Add a note').fill('Calling the customer back now');
    await expect(others).toContainText('editing now');

    // Cory's typed note survives Cameron's change; Cory's page says who did what.
    await trpcMutation(cps.request, 'incident.addNote', {
      incidentId: incident.id,
      body: 'Cameron was here',
      visibility: 'internal',
    });
    await expect(cory.getByRole('status', { name: 'Changes by others' })).toContainText(
      'added an internal note',
    );
    await expect(cory.getByRole('list', { name: 'Journal' })).toContainText('Cameron was here');
    await expect(cory.getByLabel('Add a note')).toHaveValue('Calling the customer back now');

    await cory.context().close();
    await expect(others).toHaveCount(0, { timeout: 5_000 });
    await cps.goto('/queues');
    await expect(row).toBeVisible();
    await expect(row.getByTestId('viewer-marker')).toHaveCount(0);
    await cps.context().close();
  });

  test('a followed incident toasts changes by others; before following it did not', async ({
    page,
    browser,
  }) => {
    await signInAs(page, 'l1@handoff.test');
    const incident = await l1Incident(page, 'Followed by a colleague');
    const cps = await agentPage(browser, 'cps@handoff.test');
    await cps.goto(`/incidents/${incident.number}`);
    await expect(cps.getByRole('status', { name: /Live updates: Live/ })).toBeVisible();
    const toast = cps.getByRole('status').filter({ hasText: `${incident.number}:` });
    const addNote = (body: string) =>
      trpcMutation(page.request, 'incident.addNote', {
        incidentId: incident.id,
        body,
        visibility: 'internal',
      });
    // Not owned, not created, not followed: the page updates, but no toast.
    await addNote('Before following');
    await expect(cps.getByRole('list', { name: 'Journal' })).toContainText('Before following');
    await expect(toast).toHaveCount(0);
    await cps.getByRole('button', { name: 'Follow' }).click();
    await expect(cps.getByRole('button', { name: 'Unfollow' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // Elsewhere in the app, a change to the followed incident arrives as a toast.
    await cps.goto('/queues');
    await expect(cps.getByRole('status', { name: /Live updates: Live/ })).toBeVisible();
    await addNote('After following');
    await expect(toast).toContainText('added an internal note', { timeout: 5_000 });
    await cps.context().close();
  });

  test('a dropped connection says so and, back online, catches up without a reload', async ({
    page,
    browser,
  }) => {
    await signInAs(page, 'l1@handoff.test');
    const incident = await l1Incident(page, 'Lost connection');
    const cps = await agentPage(browser, 'cps@handoff.test');
    await cps.goto('/queues');
    const indicator = cps.getByRole('status', { name: /Live updates/ });
    await expect(indicator).toHaveAttribute('data-state', 'live');
    await cps.context().setOffline(true);
    await expect(indicator).toHaveAttribute('data-state', 'offline');
    // Committed while the CPS agent's browser is offline.
    await assignToCps(page, incident.number, incident.id, 1);
    await cps.context().setOffline(false);
    await expect(indicator).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
    await expect(cps.getByRole('row', { name: new RegExp(incident.number) })).toBeVisible({
      timeout: 5_000,
    });
    await cps.context().close();
  });
});
