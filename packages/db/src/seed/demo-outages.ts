// Demo data for the outage procedure (kb 001): an active UWNet outage with its problem and the
// seeded UWNet incident linked to it, and a planned Campus Network maintenance window.
import {
  createProblem,
  declareOutage,
  linkIncidentsToProblem,
  linkProblemToOutage,
  assignProblem,
  type Actor,
} from '@handoff/domain';
import { type Db } from '../client';
import * as incidentRepository from '../repositories/incident';
import { applyUpdate } from './incident-rows';
import {
  insertOutage,
  insertProblem,
  insertProblemJournal,
  updateProblem,
} from './outage-problem-rows';
import * as problemRepository from '../repositories/problem';
import * as userRepository from '../repositories/user';
import { services, teams } from '../schema';

const shift = (now: string, hours: number) =>
  new Date(Date.parse(now) + hours * 3_600_000).toISOString();

export function seedOutages(db: Db, now: string): void {
  const actor = (email: string): Actor =>
    userRepository.findActorByIdSync(db, userRepository.findByEmailSync(db, email)!.id)!;
  const hdqa = actor('hdqa@handoff.test');
  const sncc = actor('sncc@handoff.test');
  const teamIds = Object.fromEntries(
    db
      .select()
      .from(teams)
      .all()
      .map((t) => [t.name, t.id]),
  );
  const serviceRows = db.select().from(services).all();
  const serviceId = (name: string) => serviceRows.find((s) => s.name === name)!.id;
  const listed = incidentRepository.listSync(db, {
    serviceId: serviceId('Wireless (UWNet)'),
    limit: 1,
  }).items[0];
  const incident = listed && incidentRepository.findByIdSync(db, listed.id);

  db.transaction((tx) => {
    const activeAt = shift(now, -1.5);
    const active = insertOutage(
      tx,
      declareOutage({
        input: {
          title: 'UWNet drops in the Graduate School',
          serviceIds: [serviceId('Wireless (UWNet)')],
          kind: 'unplanned',
          startAt: shift(now, -2),
          publicSummary:
            'Wireless connections in the Graduate School office drop every few minutes. SNCC is working on the access points.',
          ownerTeamId: teamIds['SNCC-Network']!,
        },
        actor: hdqa,
        now: activeAt,
        teams: teamIds,
      }),
    );
    insertOutage(
      tx,
      declareOutage({
        input: {
          title: 'Campus Network core maintenance',
          serviceIds: [serviceId('Campus Network')],
          kind: 'planned',
          startAt: shift(now, 96),
          expectedEndAt: shift(now, 98),
          publicSummary:
            'Planned maintenance on the core routers: wired connections may drop for up to two hours.',
          ownerTeamId: teamIds['SNCC-Network']!,
        },
        actor: sncc,
        now,
        teams: teamIds,
      }),
    );
    if (!incident) return;
    const created = createProblem({
      input: { incidentIds: [incident.id] },
      incidents: [incident],
      services: serviceRows,
      teams: teamIds,
      partnerTicketIds: new Set(),
      actor: hdqa,
      now: activeAt,
    });
    let problem = insertProblem(tx, created);
    const assigned = assignProblem(
      { problem, actor: hdqa, now: activeAt, teams: teamIds },
      { problemId: problem.id, expectedVersion: problem.version, teamId: teamIds['SNCC-Network']! },
    );
    problem = updateProblem(tx, {
      id: problem.id,
      expectedVersion: problem.version,
      ...assigned,
    });
    const linked = linkProblemToOutage(
      { problem, actor: sncc, now: activeAt, outage: active },
      { problemId: problem.id, expectedVersion: problem.version, outageId: active.id },
    );
    problem = updateProblem(tx, {
      id: problem.id,
      expectedVersion: problem.version,
      ...linked,
    });
    const facts = problemRepository.findFactsSync(tx, problem.id)!;
    const links = linkIncidentsToProblem({
      incidents: [incident],
      problem: facts,
      partnerTicketIds: new Set(),
      actor: hdqa,
      now: activeAt,
    });
    for (const w of links.incidents) applyUpdate(tx, w);
    insertProblemJournal(tx, problem.id, links.problemJournal);
  });
}
