import { type Locator, type Page } from '@playwright/test';
import { expect, signInAs, test, uniqueTag } from '../support/fixtures';

// kb 003: each channel partner has a client-support group of agents, all told of its new tickets.
// An admin sets up a new organisation's group, creates its agents, removes one after confirming,
// and the new agent signs in to the group's queue. Everything is made here, under a unique tag,
// so Badger Health's group, which the channel-partners spec relies on, is left alone.

async function createAgent(
  group: Locator,
  groupName: string,
  agent: { name: string; email: string; password: string },
) {
  const form = group.getByRole('form', { name: `New partner agent in ${groupName}` });
  await form.getByLabel('Name').fill(agent.name);
  await form.getByLabel('E-mail').fill(agent.email);
  await form.getByLabel('Initial password').fill(agent.password);
  await form.getByRole('button', { name: 'Create partner agent' }).click();
  await expect(group.getByRole('status')).toHaveText(
    `${agent.name} can sign in as ${agent.email} and is in ${groupName}.`,
  );
}

const membersOf = (page: Page, groupName: string) =>
  page.getByRole('table', { name: `Members of ${groupName}` });

test.describe('partner groups (kb 003): an admin manages who is told of new tickets', () => {
  test('admin creates two agents in a new group, removes one after confirming; the last cannot be removed; the new agent signs in to the group queue', async ({
    page,
    browser,
  }) => {
    const tag = uniqueTag();
    const orgName = `Cedar Clinics ${tag}`;
    const groupName = `Cedar Client Support ${tag}`;
    const ava = {
      name: `Ava Agent ${tag}`,
      email: `ava-${tag}@aegent.example`,
      password: 'ava-initial-pw',
    };
    const ben = {
      name: `Ben Agent ${tag}`,
      email: `ben-${tag}@aegent.example`,
      password: 'ben-initial-pw',
    };

    await signInAs(page, 'admin@handoff.test');
    await page.goto('/admin');

    // A new organisation with a new partner group: the group starts empty, and says so.
    const orgForm = page.getByRole('form', { name: 'New organisation' });
    await orgForm.getByLabel('Name').fill(orgName);
    await orgForm.getByLabel('E-mail domains').fill(`cedar-${tag}.example`);
    await orgForm.getByLabel('Supported by').selectOption({ label: 'A new partner group…' });
    await orgForm.getByLabel('New partner group name').fill(groupName);
    await orgForm.getByRole('button', { name: 'Create organisation' }).click();
    await expect(orgForm.getByRole('status')).toHaveText(`${orgName} created.`);
    const group = page.getByRole('region', { name: groupName });
    await expect(group).toContainText(`Told of every new ticket from ${orgName}.`);
    await expect(group).toContainText('No members: nobody is told of this group’s tickets.');

    // A password shorter than the end-user rule is refused at the field, and nobody is created.
    const newAgent = group.getByRole('form', { name: `New partner agent in ${groupName}` });
    await newAgent.getByLabel('Name').fill(ava.name);
    await newAgent.getByLabel('E-mail').fill(ava.email);
    await newAgent.getByLabel('Initial password').fill('short');
    await newAgent.getByRole('button', { name: 'Create partner agent' }).click();
    await expect(newAgent.getByRole('alert')).toHaveText('Use at least 8 characters');

    await createAgent(group, groupName, ava);
    await createAgent(group, groupName, ben);
    await expect(membersOf(page, groupName).getByRole('row')).toHaveCount(3);

    // Remove asks first, naming the person and the group; Cancel changes nothing.
    await membersOf(page, groupName)
      .getByRole('button', { name: `Remove ${ben.name}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Remove ${ben.name} from ${groupName}?` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(membersOf(page, groupName)).toContainText(ben.name);

    await membersOf(page, groupName)
      .getByRole('button', { name: `Remove ${ben.name}` })
      .click();
    await dialog.getByRole('button', { name: `Remove ${ben.name}` }).click();
    await expect(dialog).toBeHidden();
    await expect(group.getByRole('status')).toHaveText(`${ben.name} is no longer in ${groupName}.`);
    await expect(membersOf(page, groupName)).not.toContainText(ben.name);

    // Ava is now the last member of a group that supports an organisation: Remove is disabled, saying why.
    await expect(
      membersOf(page, groupName).getByRole('button', { name: `Remove ${ava.name}` }),
    ).toBeDisabled();
    await expect(membersOf(page, groupName)).toContainText(
      `${ava.name} is the last member of ${groupName}, which supports ${orgName}`,
    );

    // Ben, out of the group, can be added back from the existing partner agents.
    await expect(
      group.getByLabel('Add existing partner agent').locator('option', { hasText: ben.email }),
    ).toHaveCount(1);

    // The new agent signs in with the initial password and lands on the group's queue.
    const agent = await browser.newPage();
    await signInAs(agent, ava.email, ava.password);
    await agent.goto('/queues');
    await expect(agent.getByRole('heading', { name: `${groupName} queue` })).toBeVisible();
    await agent.close();
  });
});
