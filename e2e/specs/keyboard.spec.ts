// Keyboard-first (issue 19 item 4) and history in words (item 3): the command palette, the `?`
// overlay, focus coming back after a dialog or form closes, and the incident history's words.
import { type Page } from '@playwright/test';
import { createIncident, setCpsPresence, setServerClock } from '../support/api';
import { expect, signInAs, test, uniqueTag } from '../support/fixtures';

// Tuesday 1 December 2026, 10:00 in America/Chicago: CPS is open.
const tuesday10am = '2026-12-01T16:00:00.000Z';

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });

/**
 * Ctrl-K, until the palette is open with focus in its box: a key pressed while the page is still
 * hydrating (or the last palette still closing) has no handler yet, and typing would go nowhere.
 */
async function openPalette(page: Page) {
  await expect(async () => {
    if (!(await palette(page).isVisible())) await page.keyboard.press('Control+k');
    await expect(palette(page).getByRole('combobox')).toBeFocused({ timeout: 1_000 });
  }).toPass();
}

test.describe('the keyboard', () => {
  test.afterEach(async ({ page }) => {
    await setServerClock(page.request, null);
  });

  test('Ctrl-K opens an incident by number, and Escape gives focus back', async ({ page }) => {
    await signInAs(page, 'l1@handoff.test');
    await page.goto('/desk');
    const search = page.getByRole('searchbox').first();
    await search.focus();
    await openPalette(page);
    await expect(palette(page)).toBeVisible();
    await expect(palette(page).getByRole('combobox')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(palette(page)).toHaveCount(0);
    await expect(search).toBeFocused();

    await openPalette(page);
    await page.keyboard.type('1');
    await expect(palette(page).getByRole('option', { name: 'Open INC-000001' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/incidents\/INC-000001$/);
  });

  test('Ctrl-K jumps to a queue; text that is no number falls back to search', async ({ page }) => {
    await signInAs(page, 'l1@handoff.test');
    await page.goto('/desk');
    await openPalette(page);
    await page.keyboard.type('queue help desk');
    const option = palette(page)
      .getByRole('option', { name: 'Go to queue: US - Help Desk' })
      .first();
    await option.click();
    await expect(page).toHaveURL(/\/queues\?team=\d+$/);

    await openPalette(page);
    await page.keyboard.type('printer jam');
    await expect(
      palette(page).getByRole('option', { name: 'Search incidents for “printer jam”' }),
    ).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=printer\+jam$/);
  });

  test('the recommended step opens its form from the palette, unrun; Cancel gives focus back', async ({
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
    const form = page.getByRole('form', { name: 'Assign to CPS' });
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect(form).toHaveCount(0);

    await openPalette(page);
    await page.keyboard.type('recommended');
    await page.keyboard.press('Enter');
    await expect(form).toBeVisible();
    await expect(form.getByLabel('Reason')).toBeFocused();
    // Opened, not run: the incident is still new and nothing says done.
    await expect(page.getByRole('status').filter({ hasText: 'Assign to CPS done.' })).toHaveCount(
      0,
    );

    // Focus goes back to the step's button once the form closes.
    await form.getByRole('button', { name: 'Cancel' }).click();
    const bar = page.getByRole('region', { name: 'One-step actions' });
    await expect(bar.getByRole('button', { name: 'Assign to CPS' })).toBeFocused();

    // Opened by its button, the form takes focus and gives it back to that button.
    await bar.getByRole('button', { name: 'Assign to CPS' }).click();
    await expect(form.getByLabel('Reason')).toBeFocused();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect(bar.getByRole('button', { name: 'Assign to CPS' })).toBeFocused();

    // The history speaks words after the step runs.
    await bar.getByRole('button', { name: 'Assign to CPS' }).click();
    await form.getByRole('button', { name: 'Run Assign to CPS' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Assign to CPS done.' })).toBeVisible();
    const history = page.getByRole('table', { name: 'History' });
    const owner = history.getByRole('row').filter({ hasText: 'Owner team' });
    await expect(owner).toContainText('US - Help Desk');
    await expect(owner).toContainText('US - Help Desk CPS');
    await expect(history.getByRole('row').filter({ hasText: 'Promises' })).toContainText(
      'Contact by Tue, Dec 1, 2:00 PM',
    );
    await expect(history).not.toContainText('ownerTeamId');
    await expect(history).not.toContainText('contactBy');
  });

  test('? lists the shortcuts (not while typing in a field); Escape closes it', async ({
    page,
  }) => {
    await signInAs(page, 'l1@handoff.test');
    await page.goto('/desk');
    const search = page.getByRole('searchbox').first();
    await search.focus();
    await page.keyboard.type('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
    await expect(search).toHaveValue('?');

    await search.blur();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('Command palette');
    await expect(help).toHaveAttribute('aria-modal', 'true');
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
  });
});
