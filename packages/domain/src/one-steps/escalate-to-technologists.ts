import { formatLocal, formatPromise } from '../calendar';
import { promiseDue } from '../sla/kb-promises';
import { DomainError } from '../errors';
import { tpScope } from '../portal/tp-review';
import { isScopeGroup } from '../routing/rules/primary-tech-partner';
import { type OneStepEnv, type OneStepInput, type OneStepResult } from './contract';
import { teamNames } from '../teams';
import { assignedNotification, defineOneStep } from './step-kit';
import { type FieldErrors, invalid, type Refusal } from '../change/refusal';

/** The owner team of a technologist group: SNCC's base technologists work from SNCC-Sysops (kb 004). */
export const technologistTeamName = (group: string): string =>
  group === 'SNCC' ? teamNames.snccSysops : group;

const groupOf = (
  env: OneStepEnv,
  input: OneStepInput<'escalate_to_technologists'>,
): string | null => input.group ?? env.service.technologistGroup;

// kb 004 "The scope of Support", whatever the channel: only category 1 and 2 products are escalated
// to technologists; a category 3 product is handled normally (phone, e-mail, chat and portal alike).
// A Primary TP's portal case is escalated only once the review marked it mission critical.
function tpRefusal({ incident, service }: OneStepEnv): Refusal | null {
  const { number, tpTriage } = incident;
  if (tpTriage === 'review' || tpTriage === 'info_requested') {
    return invalid(
      `Mark ${number} mission critical before escalating it (Primary TP review, kb 004).`,
    );
  }
  const scope = tpScope(service);
  if (tpTriage === 'mission_critical' && !scope.inScope) return invalid(`${number}: ${scope.text}`);
  if (service.supportCategory !== 1 && service.supportCategory !== 2) {
    return invalid(`${number}: ${scope.text} (kb 004)`);
  }
  return null;
}

// kb 004: "ask the customer if the situation impacts more than one person. If it does, then it can
// be considered mission critical"; one person is handled normally by Level 1.
function missionCriticalErrors(
  { incident }: OneStepEnv,
  input: OneStepInput<'escalate_to_technologists'>,
): FieldErrors {
  const people = input.peopleAffected ?? incident.peopleAffected;
  if (people === null)
    return {
      peopleAffected:
        'Say how many people it affects: only an issue affecting more than one person is mission critical (kb 004).',
    };
  if (people <= 1)
    return {
      peopleAffected: `It affects one person, so it is not mission critical: handle ${incident.number} normally (kb 004).`,
    };
  return {};
}

export const escalateToTechnologistsStep = defineOneStep({
  name: 'escalate_to_technologists',
  refuse: tpRefusal,
  validate: (env, input) => {
    const group = groupOf(env, input);
    const fields: FieldErrors = missionCriticalErrors(env, input);
    if (group === null) fields.group = 'Choose the technologist group: the service names none.';
    else if (env.teams[technologistTeamName(group)] === undefined)
      fields.group = `No team is set up for ${group}.`;
    else if (!isScopeGroup(group)) {
      fields.group = `Escalation to technologists goes to SNCC, DRMT, Middleware or IIAT, not ${group} (kb 004 scope).`;
    }
    return fields;
  },
  apply: (env, input) => {
    const { incident, now, calendar } = env;
    // validate() has made sure the group and its team exist.
    const group = groupOf(env, input)!;
    const teamName = technologistTeamName(group);
    const teamId = env.teams[teamName]!;
    if (incident.ownerTeamId === teamId) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `${incident.number} is already owned by ${teamName}.`,
      );
    }
    const respondBy = promiseDue('respondBy', now, calendar);
    const isTpCase = incident.tpTriage !== null;
    return {
      changes: {
        ownerTeamId: teamId,
        ownerAgentId: null,
        classification: 'Escalate to technologists',
        status: 'assigned',
        promises: { respondBy },
        ...(input.peopleAffected !== undefined ? { peopleAffected: input.peopleAffected } : {}),
        ...(isTpCase ? { tpTriage: 'escalated' as const } : {}),
      },
      summary: `Escalated to the ${group} technologists (${teamName}); they respond within one business day, by ${formatPromise(respondBy, now)}.`,
      data: { group },
      journal: [
        { kind: 'note', visibility: 'internal', body: input.note, data: null },
        // kb 004 step 4: the Primary TP checks the case online, so they read the promise there.
        ...(isTpCase
          ? [
              {
                kind: 'system' as const,
                visibility: 'customer' as const,
                body: `Your case is mission critical and was escalated to DoIT technologists. They will contact you within one business day, by ${formatLocal(respondBy, { withDate: true })}.`,
                data: { respondBy },
              },
            ]
          : []),
      ],
      notifications: [assignedNotification(env, teamId)],
    };
  },
});

/** Why Escalate to technologists may not run now, or null (kb 004). */
export const canEscalateToTechnologists = (env: OneStepEnv): string | null =>
  escalateToTechnologistsStep.can(env);

/**
 * kb 004: a Primary Tech Partner's mission-critical case goes to the technologist group of the
 * service, who respond within one business day.
 */
export const escalateToTechnologists = (
  env: OneStepEnv,
  input: OneStepInput<'escalate_to_technologists'>,
): OneStepResult => escalateToTechnologistsStep.run(env, input);
