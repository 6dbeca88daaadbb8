import { sendToHelpDesk, inboundSmtpPort } from '../support/mail';
import { expect, signInAs, test, uniqueTag } from '../support/fixtures';

test.describe('e-mail in and out', () => {
  test('an e-mail arrives → the incident is in the L1 queue → a customer-visible note → the message to the customer is on the Mail page', async ({
    page,
  }) => {
    const tag = uniqueTag();
    const sender = `robin.${tag}@example.org`;
    const response = await sendToHelpDesk({
      from: `Robin Example <${sender}>`,
      subject: `VPN drops every hour (${tag})`,
      text: 'The campus VPN disconnects every hour on the hour.',
      attachments: [{ filename: 'vpn-log.txt', content: `disconnect at 10:02 (${tag})` }],
    });
    const number = /created (INC-\d+)/.exec(response)?.[1];
    expect(number, `listener reply: ${response}`).toBeTruthy();

    await signInAs(page, 'l1@handoff.test');
    await page.goto('/queues');
    await expect(page.getByRole('heading', { name: 'US - Help Desk queue' })).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(number!) });
    await expect(row).toContainText('Robin Example');
    await expect(row).toContainText(`VPN drops every hour (${tag})`);
    await expect(row).toContainText('No agent');
    await row.getByRole('link', { name: number }).click();

    await expect(page.getByRole('heading', { name: new RegExp(number!) })).toBeVisible();
    await expect(page.getByText('Unmatched sender')).toBeVisible();
    await expect(page.getByText('Channel').locator('xpath=following-sibling::dd[1]')).toHaveText(
      'email',
    );
    const journal = page.getByRole('list', { name: 'Journal' });
    await expect(journal).toContainText('The campus VPN disconnects every hour on the hour.');
    await expect(journal).toContainText(`from ${sender}`);
    const attachments = page.getByRole('region', { name: 'Attachments' });
    const file = attachments.getByRole('link', { name: 'vpn-log.txt' });
    await expect(attachments).toContainText('text/plain');
    const download = await page.request.get((await file.getAttribute('href'))!);
    expect(await download.text()).toBe(`disconnect at 10:02 (${tag})`);

    const note = page.getByRole('form', { name: 'New note' });
    await note.getByLabel('Add a note').fill(`Please update the VPN client to 5.2 (${tag}).`);
    await note.getByLabel('Customer-visible').check();
    await note.getByRole('button', { name: 'Add note' }).click();
    await expect(journal).toContainText(`Please update the VPN client to 5.2 (${tag}).`);

    await page.context().clearCookies();
    await signInAs(page, 'admin@handoff.test');
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Mail' })
      .click();
    await expect(page.getByRole('heading', { name: 'Mail', level: 1 })).toBeVisible();
    await expect(page.getByTestId('smtp-state')).toContainText('No SMTP_URL is set');
    await expect(page.getByTestId('inbound-state')).toContainText(
      `Listening on 127.0.0.1:${inboundSmtpPort()}`,
    );

    const messages = page.getByRole('table', { name: 'Messages' });
    const toCustomer = messages
      .getByTestId('outbox-row')
      .filter({ hasText: `[${number}] Update on your request` });
    await expect(toCustomer).toContainText(sender);
    await expect(toCustomer).toContainText(`Please update the VPN client to 5.2 (${tag}).`);
    // The worker holds it (no SMTP server) within a second or two; the page refreshes itself.
    await expect(toCustomer).toContainText('Held', { timeout: 15_000 });
    await expect(
      messages
        .getByTestId('outbox-row')
        .filter({ hasText: `[${number}] We received your request` }),
    ).toContainText(sender);
    await page.screenshot({ path: 'test-results/mail-page.png', fullPage: true });

    await expect(
      page
        .getByRole('table', { name: 'Received messages' })
        .getByRole('row', { name: new RegExp(`VPN drops every hour \\(${tag}\\)`) }),
    ).toContainText(`New incident ${number}`);
  });

  test('an auto-reply is ignored and counted on the Mail page', async ({ page }) => {
    await signInAs(page, 'admin@handoff.test');
    await page.goto('/admin/mail');
    const counter = page.getByTestId('count-ignored-auto_submitted');
    const before = Number(await counter.textContent());
    const response = await sendToHelpDesk({
      from: `Away ${uniqueTag()} <away@example.org>`,
      subject: 'Automatic reply: out of office',
      text: 'I am away until Monday.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(response).toContain('ignored');
    await expect(counter).toHaveText(String(before + 1), { timeout: 15_000 });
  });

  test('a stranger’s reply to a tagged incident becomes a new incident for review: the customer’s incident is untouched, the Mail page counts it', async ({
    page,
  }) => {
    const tag = uniqueTag();
    const customer = `casey.${tag}@example.org`;
    const created = await sendToHelpDesk({
      from: `Casey Example <${customer}>`,
      subject: `Wi-Fi drops in the library (${tag})`,
      text: 'The eduroam signal drops on the third floor.',
    });
    const number = /created (INC-\d+)/.exec(created)?.[1];
    expect(number, `listener reply: ${created}`).toBeTruthy();

    await signInAs(page, 'admin@handoff.test');
    await page.goto('/admin/mail');
    const counter = page.getByTestId('count-other-senders');
    const before = Number(await counter.textContent());

    const reply = await sendToHelpDesk({
      from: `Mallory <mallory.${tag}@example.net>`,
      subject: `Re: [${number}] We received your request`,
      text: `Your password expired: log in at http://evil.example/${tag}`,
    });
    const review = /created (INC-\d+)/.exec(reply)?.[1];
    expect(review, `listener reply: ${reply}`).toBeTruthy();
    expect(review).not.toBe(number);
    await expect(counter).toHaveText(String(before + 1), { timeout: 15_000 });

    await page.goto(`/incidents/${number}`);
    const journal = page.getByRole('list', { name: 'Journal' });
    await expect(journal).toContainText('The eduroam signal drops on the third floor.');
    await expect(journal).not.toContainText('evil.example');

    await page.goto(`/incidents/${review}`);
    await expect(page.getByRole('list', { name: 'Journal' })).toContainText(
      `names ${number}, but nothing was added to it`,
    );
  });
});
