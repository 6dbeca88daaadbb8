import { expect, signInAs, test, uniqueTag } from '../support/fixtures';
import { sendToHelpDesk } from '../support/mail';

// kb 003: "Your agent(s) on duty can choose to interact with support tickets completely by email".
// An end user e-mails the help desk's mailbox → a ticket for their partner group; the agent claims
// it in the web app and answers by replying to the e-mail → the requester reads only that answer.

test.describe('channel partners by e-mail (kb 003)', () => {
  test("an end user's e-mail becomes a partner ticket; the agent's e-mail reply is the requester's answer, quote and private text left out", async ({
    page,
    browser,
  }) => {
    const tag = uniqueTag();
    const response = await sendToHelpDesk({
      from: 'Rita Requester <rita@badgerhealth.example>',
      subject: `Lab printer offline (${tag})`,
      text: `The lab printer on floor 2 shows offline (${tag}).`,
    });
    const number = /created (INC-\d+)/.exec(response)?.[1];
    expect(number, `listener reply: ${response}`).toBeTruthy();

    // The whole group is told; Parker opens it from his notifications and claims it.
    const parker = await browser.newPage();
    await signInAs(parker, 'partner@handoff.test');
    await parker.goto('/notifications');
    await parker
      .getByRole('link', {
        name: `Your input is needed on [${number}]: new ticket from Rita Requester (Badger Health)`,
        exact: true,
      })
      .first()
      .click();
    const panel = parker.getByRole('region', { name: 'Channel partner' });
    await expect(panel.getByTestId('partner-phase')).toHaveText(
      'Waiting for a partner agent to claim it',
    );
    await expect(parker.locator('main')).toContainText(
      `The lab printer on floor 2 shows offline (${tag}).`,
    );
    await panel.getByRole('button', { name: 'Claim' }).click();
    await expect(
      parker.getByRole('status').filter({ hasText: `Claimed: ${number} is yours.` }),
    ).toBeVisible();

    // Parker answers from his mail client: a reply to the "your input is needed" message.
    const answer = `Power-cycle it and hold the green button for 5 seconds (${tag})`;
    const reply = await sendToHelpDesk({
      from: 'Parker Partner <partner@handoff.test>',
      subject: `Re: Your input is needed on [${number}]`,
      text: `${answer}\n\nOn Thu, Nov 26, 2026 Handoff <help@handoff.test> wrote:\n> QUOTED-NOTICE (${tag})`,
    });
    expect(reply).toContain(`appended ${number}`);
    await parker.reload();
    const agentJournal = parker.getByRole('list', { name: 'Journal' });
    await expect(agentJournal).toContainText(answer);
    await expect(agentJournal).not.toContainText('QUOTED-NOTICE');

    // Piper (same group, not the relationship owner) replies too: that stays a private comment.
    const privateNote = `PRIVATE-PIPER firmware 3.2 known bad (${tag})`;
    expect(
      await sendToHelpDesk({
        from: 'partner2@handoff.test',
        subject: `Re: [${number}]`,
        text: privateNote,
      }),
    ).toContain(`appended ${number}`);
    await parker.reload();
    await expect(agentJournal).toContainText(privateNote);

    // Rita reads Parker's answer in Help Online, from the partner side, and nothing else.
    await signInAs(page, 'rita@badgerhealth.example');
    await page.goto(`/portal/incidents/${number}`);
    const journal = page.getByRole('list', { name: 'Journal' });
    await expect(journal).toContainText(answer);
    await expect(journal).toContainText('Parker Partner, Badger Health Client Support');
    for (const hidden of ['QUOTED-NOTICE', 'PRIVATE-PIPER', 'Piper'])
      await expect(page.locator('main')).not.toContainText(hidden);

    // A stranger's reply on the ticket is refused by the listener, with the reason.
    await expect(
      sendToHelpDesk({
        from: `someone.${tag}@example.org`,
        subject: `Re: [${number}]`,
        text: 'Let me in',
      }),
    ).rejects.toThrow(/550 .*neither the requester nor an agent of this ticket/);
  });
});
