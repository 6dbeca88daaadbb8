// Team scope (issue 13 item 8): reading is wide, changing stays with the team that holds the
// incident (permissions.ts incidentChangeScope). The three attacks of the report, refused now.
import { describe, expect, test } from 'vitest';
import { incidentRepository } from '@handoff/db';
import { callerFor, fixedClock, useSeededDbs } from '../test-callers';
import {
  demo,
  l1,
  newIncident,
  refusedWithoutChange,
  scenarios,
  teamId,
  tuesday10,
} from './one-step-scenarios';

const dbs = useSeededDbs();
const as = (email: string) => callerFor(dbs.db, email, fixedClock(tuesday10));
const versionOf = async (id: number) => (await incidentRepository.findById(dbs.db, id))!.version;

describe('team scope on the incident procedures', () => {
  test('Tier 2 may not edit the fields of a university incident it has nothing to do with', async () => {
    const { id, number, version } = await newIncident(dbs.db, tuesday10);
    const refusal = await refusedWithoutChange(dbs.db, id, async () =>
      (await as('tier2@handoff.test')).incident.edit({
        id,
        expectedVersion: version,
        patch: { description: 'Overwritten by Tier 2.' },
      }),
    );
    expect(refusal).toMatchObject({
      code: 'FORBIDDEN',
      message: `${number} is with US - Help Desk, so you may not change it: Tier 2 Support (tier2) works the Tier 2 Support queue only (kb 003).`,
    });
    // The page does not offer the edit either.
    const page = await (await as('tier2@handoff.test')).incident.byNumber({ number });
    expect(page).toMatchObject({ canEdit: false });
    expect(await (await as(l1)).incident.byNumber({ number })).toMatchObject({ canEdit: true });
  });

  test('Tier 2 may not resolve a university incident it has nothing to do with', async () => {
    const { id, version } = await newIncident(dbs.db, tuesday10);
    const refusal = await refusedWithoutChange(dbs.db, id, async () =>
      (await as('tier2@handoff.test')).oneStep.resolve({
        incidentId: id,
        expectedVersion: version,
        resolutionNote: 'Closed by a stranger.',
      }),
    );
    expect(refusal).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('is with US - Help Desk, so you may not change it'),
    });
  });

  test('Tier 2 still resolves an incident in its own queue', async () => {
    const s = await scenarios.escalate_to_team(dbs.db);
    await s.run(await as(l1), s.version);
    const incident = (await incidentRepository.findById(dbs.db, s.incidentId))!;
    expect(incident.ownerTeamId).toBe(await teamId(dbs.db, 'Tier 2 Support'));
    await expect(
      (await as('tier2@handoff.test')).oneStep.resolve({
        incidentId: s.incidentId,
        expectedVersion: incident.version,
        resolutionNote: 'Vendor patch applied.',
      }),
    ).resolves.toMatchObject({ status: 'resolved' });
  });

  test('a technologist may not escalate an HD ES incident', async () => {
    const id = demo(dbs.db).esQueueIncident.id;
    const refusal = await refusedWithoutChange(dbs.db, id, async () =>
      (await as('technologist@handoff.test')).oneStep.escalateToTeam({
        incidentId: id,
        expectedVersion: await versionOf(id),
        teamId: await teamId(dbs.db, 'DRMT'),
        note: 'Taking it over.',
      }),
    );
    expect(refusal).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('is with HD ES, so you may not change it'),
    });
  });

  test('the admin may not take ownership of a DRMT incident', async () => {
    const s = await scenarios.escalate_to_technologists(dbs.db);
    await s.run(await as(l1), s.version);
    const incident = (await incidentRepository.findById(dbs.db, s.incidentId))!;
    expect(incident.ownerTeamId).toBe(await teamId(dbs.db, 'DRMT'));
    const refusal = await refusedWithoutChange(dbs.db, s.incidentId, async () =>
      (await as('admin@handoff.test')).oneStep.takeOwnership({
        incidentId: s.incidentId,
        expectedVersion: incident.version,
      }),
    );
    expect(refusal).toMatchObject({
      code: 'FORBIDDEN',
      message: `Only members of DRMT may take ownership of ${incident.number}.`,
    });
    // A DRMT member still may.
    await expect(
      (await as('technologist@handoff.test')).oneStep.takeOwnership({
        incidentId: s.incidentId,
        expectedVersion: incident.version,
      }),
    ).resolves.toMatchObject({ status: 'in_progress' });
  });
});
