// Issue 14 item 12 (kb 000 "Bomgar Chats"): at 10 minutes without a CPS agent the agent collects the
// customer's preferred contact before Assign to CPS, then ticks the "assigned case to CPS." reply in
// the CPS chat channel, which is journaled.
import { createIncident, setServerClock } from '../support/api';
import { expect, signInAs, test, uniqueTag } from '../support/fixtures';

// Tuesday 1 December 2026 in America/Chicago (CST, UTC−6).
const tuesday10am = '2026-12-01T16:00:00.000Z';
const tenMinutesLater = '2026-12-01T16:10:00.000Z';

test.describe('a chat assigned to CPS after 10 minutes', () => {
  test.afterEach(async ({ page }) => {
    await setServerClock(page.request, null);
  });

  test('asks for the preferred contact, then leaves the CPS-channel reply as a checklist item that is journaled', async ({
    page,
  }) => {
    await signInAs(page, 'l1@handoff.test');
    await setServerClock(page.request, tuesday10am);
    const incident = await createIncident(page, {
      customer: 'Oscar Nguyen',
      service: 'Departmental Computer Support',
      channel: 'chat',
      description: `Chat: plotter offline (${uniqueTag()})`,
    });
    await page.goto(`/incidents/${incident.number}`);
    const chat = page.getByRole('region', { name: 'Chat consult' });
    await chat.getByRole('button', { name: 'Consult the CPS chat channel' }).click();
    await expect(chat.getByTestId('consult-status')).toContainText('Waiting for a CPS agent');

    await setServerClock(page.request, tenMinutesLater);
    await expect(chat.getByTestId('consult-prompt')).toContainText('10 minutes', {
      timeout: 15_000,
    });
    await chat.getByRole('button', { name: 'Assign to CPS (chat not answered)' }).click();
    const form = page.getByRole('form', { name: 'Assign to CPS' });
    await form.getByRole('button', { name: 'Run Assign to CPS' }).click();
    await expect(form).toContainText('Ask the customer how CPS should contact them');

    await form.getByRole('radio', { name: 'E-mail', exact: true }).check();
    await form.getByLabel('E-mail CPS writes to').fill('oscar.nguyen@cae.wisc.edu');
    await form.getByRole('button', { name: 'Run Assign to CPS' }).click();
    await expect(page.getByText('Owner').locator('xpath=following-sibling::dd[1]')).toContainText(
      'US - Help Desk CPS',
    );
    const journal = page.getByRole('list', { name: 'Journal' });
    await expect(journal).toContainText('Preferred contact: e-mail oscar.nguyen@cae.wisc.edu.');

    const followUps = page.getByRole('region', { name: 'Follow-ups' });
    const reply = followUps.getByRole('checkbox', {
      name: 'Reply “assigned case to CPS.” to your message in the Chat - Contract Partner Support channel.',
    });
    await reply.click();
    await expect(followUps).toHaveCount(0);
    await expect(journal).toContainText(
      'Follow-up done: Reply “assigned case to CPS.” to your message in the Chat - Contract Partner Support channel.',
    );
  });
});
