// Loose ends of the walk (issue 19 item 6) that show in the UI: the L1 console's counts, the
// chat consult requests on the CPS desk, and Page on-call disabled (with the reason) during an outage.
import { createIncident, setServerClock, trpcMutation, trpcQuery } from '../support/api';
import { expect, signInAs, test, uniqueTag } from '../support/fixtures';

// Tuesday 1 December 2026, 10:00 in America/Chicago: CPS is open.
const tuesday10am = '2026-12-01T16:00:00.000Z';

test.describe('desks', () => {
  test.afterEach(async ({ page }) => {
    await setServerClock(page.request, null);
  });

  test('the L1 console counts the open outages and each of its queues', async ({ page }) => {
    await signInAs(page, 'l1@handoff.test');
    const board = await trpcQuery<{ active: unknown[]; planned: unknown[] }>(
      page.request,
      'outage.board',
      undefined,
    );
    const teams = await trpcQuery<{ id: number; name: string }[]>(
      page.request,
      'queue.teams',
      undefined,
    );
    const counts = await trpcQuery<Record<string, number>>(page.request, 'queue.counts', {
      teamId: teams[0]!.id,
    });
    const open = ['new', 'assigned', 'in_progress', 'pending_customer'].reduce(
      (n, s) => n + (counts[s] ?? 0),
      0,
    );
    await page.goto('/desk');
    const glance = page.getByRole('region', { name: 'At a glance' });
    await expect(glance.getByTestId('open-outage-count')).toHaveText(
      String(board.active.length + board.planned.length),
    );
    expect(board.active.length + board.planned.length).toBeGreaterThan(0);
    await expect(glance.getByTestId(`queue-count-${teams[0]!.id}`)).toHaveText(String(open));
  });

  test('a chat consult to CPS waits on the CPS desk', async ({ page, browser }) => {
    await signInAs(page, 'l1@handoff.test');
    await setServerClock(page.request, tuesday10am);
    const incident = await createIncident(page, {
      customer: 'Rosa Alvarez',
      service: 'Departmental Computer Support',
      channel: 'chat',
      description: `Chat: scanner offline (${uniqueTag()})`,
    });
    await trpcMutation(page.request, 'consult.open', { incidentId: incident.id, team: 'cps' });

    const cps = await browser.newPage();
    await signInAs(cps, 'cps@handoff.test');
    await cps.goto('/desk');
    const requests = cps.getByRole('region', { name: 'Consult requests' });
    const row = requests.getByRole('row', { name: new RegExp(incident.number) });
    await expect(row).toContainText('Rosa Alvarez');
    // Accepted from the desk, so no request is left waiting for the specs after this one.
    await row.getByRole('button', { name: 'Accept' }).click();
    await expect(cps).toHaveURL(new RegExp(`/incidents/${incident.number}$`));
    await cps.close();
  });

  test('Page on-call is disabled during an outage, saying why', async ({ page }) => {
    await signInAs(page, 'l1@handoff.test');
    const incident = await createIncident(page, {
      customer: 'Priya Shah',
      service: 'Wireless (UWNet)',
      description: `Wi-Fi drops (${uniqueTag()})`,
    });
    const problems = await trpcQuery<{ problems: { id: number; outageStatus: string | null }[] }>(
      page.request,
      'problem.forService',
      {
        serviceId: (
          await trpcQuery<{ id: number; name: string }[]>(
            page.request,
            'catalog.services',
            undefined,
          )
        ).find((s) => s.name === 'Wireless (UWNet)')!.id,
      },
    );
    const problem = problems.problems.find((p) => p.outageStatus === 'active')!;
    await trpcMutation(page.request, 'oneStep.linkToProblem', {
      incidentId: incident.id,
      expectedVersion: 1,
      problemId: problem.id,
    });
    await page.goto(`/incidents/${incident.number}`);
    const page_oncall = page
      .getByRole('region', { name: 'One-step actions' })
      .getByRole('button', { name: 'Page on-call' });
    await expect(page_oncall).toBeDisabled();
    await expect(page_oncall).toHaveAttribute('title', /the on-call technician is not paged/);
  });
});
