// Issue 19 items 1, 2, 5, 7: every page has its own title, a skip link and landmarks; dark mode
// follows the system; the portal and the L1 console work at phone width (390 px) and the console on
// a tablet (768 px), with no sideways scrolling. (axe itself runs on every page of every spec, in
// support/fixtures.ts.)
import { type Page } from '@playwright/test';
import { createIncident, setCpsPresence, setServerClock } from '../support/api';
import { expect, signInAs, test, uniqueTag } from '../support/fixtures';

const phone = { width: 390, height: 844 };
const tablet = { width: 768, height: 1024 };
// Tuesday 1 December 2026, 10:00 in America/Chicago.
const tuesday10am = '2026-12-01T16:00:00.000Z';

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${page.url()} is wider than the window`).toBeLessThanOrEqual(innerWidth);
}

test.describe('titles, skip link, landmarks, dark mode', () => {
  test('each key page has its own title', async ({ page }) => {
    const expectTitle = async (path: string, title: string) => {
      await page.goto(path);
      await expect(page).toHaveTitle(title);
    };
    await expectTitle('/signin', 'Sign in · Handoff');
    await expectTitle('/status', 'Service status · Handoff');
    await signInAs(page, 'l1@handoff.test');
    const incident = await createIncident(page, {
      customer: 'Hana Coned',
      service: 'Office 365',
      description: `Title check (${uniqueTag()})`,
    });
    await expectTitle('/desk', 'L1 console · Handoff');
    await expectTitle(`/incidents/${incident.number}`, `${incident.number} · Handoff`);
    await expectTitle('/incidents/new', 'New incident · Handoff');
    await expectTitle('/problems', 'Problems · Handoff');
    await expectTitle('/outages', 'Outages · Handoff');
    await page.goto('/desk');
    await page.getByRole('link', { name: /^US - Help Desk queue$/ }).click();
    await expect(page).toHaveTitle('US - Help Desk queue · Handoff');

    await page.context().clearCookies();
    await signInAs(page, 'cps@handoff.test');
    await expectTitle('/desk', 'CPS desk · Handoff');
    await page.getByRole('link', { name: 'US - Help Desk CPS queue' }).click();
    await expect(page).toHaveTitle('US - Help Desk CPS queue · Handoff');

    await page.context().clearCookies();
    await signInAs(page, 'hdqa@handoff.test');
    await expectTitle('/desk', 'HDQA home · Handoff');
    await expectTitle('/reports', 'Reports · Handoff');

    await page.context().clearCookies();
    await signInAs(page, 'admin@handoff.test');
    await expectTitle('/admin', 'Admin · Handoff');
    await expectTitle('/admin/mail', 'Mail · Handoff');

    await page.context().clearCookies();
    await signInAs(page, 'customer@handoff.test');
    await expectTitle('/portal', 'My cases · Handoff');
    await expectTitle('/portal/new', 'New case · Handoff');
  });

  test('a skip link leads past the header to the main content; header, nav and main are landmarks', async ({
    page,
  }) => {
    await signInAs(page, 'l1@handoff.test');
    await page.goto('/desk');
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('L1 console');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    // The next Tab goes into the page, not back through the navigation.
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(
      () => !!document.activeElement?.closest('main') && document.activeElement !== null,
    );
    expect(inMain).toBe(true);
  });

  test('dark mode follows the system setting', async ({ page }) => {
    await signInAs(page, 'l1@handoff.test');
    await page.goto('/desk');
    const colours = () =>
      page.evaluate(() => {
        const root = getComputedStyle(document.documentElement);
        return { bg: root.backgroundColor, ink: root.color };
      });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await colours()).toEqual({ bg: 'rgb(246, 247, 249)', ink: 'rgb(29, 35, 48)' });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await colours()).toEqual({ bg: 'rgb(20, 22, 27)', ink: 'rgb(230, 232, 238)' });
  });

  test('every role home says what it is for, and an empty list says so in words', async ({
    page,
  }) => {
    const homes: [string, string, RegExp][] = [
      ['l1@handoff.test', '/desk', /start a New incident/],
      ['hdqa@handoff.test', '/desk', /potential outages/],
      ['cps@handoff.test', '/desk', /Work the CPS queue/],
      ['es@handoff.test', '/desk', /Enterprise Support queue/],
      ['sncc@handoff.test', '/desk', /Own outages and problems/],
      ['technologist@handoff.test', '/desk', /escalated to your groups/],
      ['tier2@handoff.test', '/desk', /escalated to Tier 2/],
      ['partner@handoff.test', '/desk', /Claim your group's new tickets/],
      ['admin@handoff.test', '/admin', /Keep the logins/],
      ['customer@handoff.test', '/portal', /Ask the help desk for help with New case/],
    ];
    for (const [email, path, intro] of homes) {
      await page.context().clearCookies();
      await signInAs(page, email);
      await page.goto(path);
      await expect(page.locator('.home-intro'), email).toHaveText(intro);
    }
    // Nobody owns anything for Ellis (EAST) in the demo data: the list is a sentence, not a table.
    await page.context().clearCookies();
    await signInAs(page, 'east@handoff.test');
    await page.goto('/desk');
    await expect(
      page.getByText(/You own no open incidents\. Open your team's queue above/),
    ).toBeVisible();
  });
});

test.describe('phone and tablet', () => {
  test.use({ viewport: phone });

  test('portal at 390 px: sign in, file a case, see it in My cases, sign out from the menu', async ({
    page,
  }) => {
    const tag = uniqueTag();
    await page.goto('/signin');
    await page.getByLabel('E-mail').fill('customer@handoff.test');
    await page.getByLabel('Password').fill('handoff-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/portal$/);
    await expectNoSidewaysScroll(page);
    await page.getByRole('main').getByRole('link', { name: 'New case' }).click();
    await page.locator('#service').selectOption('Remote Desktop Gateway');
    await page.getByLabel('What is happening?').fill(`My phone cannot reach the gateway (${tag})`);
    await page.getByRole('radio', { name: 'Phone' }).check();
    await page.locator('#phone').fill('608-555-0177');
    await expectNoSidewaysScroll(page);
    await page.getByRole('button', { name: 'Submit case' }).click();
    await expect(page).toHaveURL(/\/portal\/incidents\/INC-\d{6}$/);
    const number = page.url().split('/').pop()!;
    await expect(page.getByRole('heading', { name: number })).toBeVisible();
    await expectNoSidewaysScroll(page);

    await page.goto('/portal');
    // At phone width the case list is a stack of cards, each naming its fields.
    const card = page.getByRole('row', { name: new RegExp(number) });
    await expect(card).toBeVisible();
    await expect(card.locator('td[data-label="Status"]')).toBeVisible();
    const box = await card.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(phone.width);
    await expectNoSidewaysScroll(page);

    // The header folds into a menu; Sign out is in it, on screen.
    const signOut = page.getByRole('button', { name: 'Sign out' });
    await expect(signOut).toBeHidden();
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.getByRole('button', { name: 'Menu' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await expect(signOut).toBeInViewport();
    await signOut.click();
    await expect(page).toHaveURL(/\/signin$/);
  });

  test('L1 console at 390 px: open an incident from the queue, answer the Route panel, run the step', async ({
    page,
    baseURL,
  }) => {
    await setCpsPresence(baseURL!, {
      'cps@handoff.test': 'not_ready',
      'cps2@handoff.test': 'not_ready',
    });
    await signInAs(page, 'l1@handoff.test');
    await setServerClock(page.request, tuesday10am);
    try {
      const tag = uniqueTag();
      const incident = await createIncident(page, {
        customer: 'Hana Coned',
        service: 'Office 365',
        description: `Outlook on my phone keeps asking for a password (${tag})`,
      });
      await page.goto('/desk');
      await expectNoSidewaysScroll(page);
      await page.getByRole('link', { name: /^US - Help Desk queue$/ }).click();
      await expect(page).toHaveURL(/\/queues\?team=/);
      await expectNoSidewaysScroll(page);
      // The header's search is in the menu at this width: find the incident by its number.
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('searchbox', { name: 'Search incidents' }).fill(incident.number);
      await page.getByRole('searchbox', { name: 'Search incidents' }).press('Enter');
      await expect(page).toHaveURL(/\/search\?q=/);
      await expectNoSidewaysScroll(page);
      await page.getByRole('main').getByRole('link', { name: incident.number }).first().click();
      await expect(page).toHaveURL(`/incidents/${incident.number}`);
      await expectNoSidewaysScroll(page);

      const route = page.getByRole('region', { name: 'Route' });
      await route.getByRole('button', { name: 'Yes' }).click();
      await expect(route.getByTestId('routing-outcome')).toHaveText('Assign to CPS');
      const form = page.getByRole('form', { name: 'Assign to CPS' });
      await form.getByRole('button', { name: 'Run Assign to CPS' }).click();
      await expect(
        page.getByRole('status').filter({ hasText: 'Assign to CPS done.' }),
      ).toBeVisible();
      await expectNoSidewaysScroll(page);

      // On a tablet the same console fits its width too.
      await page.setViewportSize(tablet);
      await page.goto(`/incidents/${incident.number}`);
      await expect(page.getByRole('region', { name: 'Route' })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await page.goto('/queues');
      await expectNoSidewaysScroll(page);
    } finally {
      await setServerClock(page.request, null);
    }
  });
});
