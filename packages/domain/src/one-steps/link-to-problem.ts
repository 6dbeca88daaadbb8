import { consultEndedByOutage } from '../consult/outage-ended';
import { linkRefusal, linkRefusalAny, linkSummary } from '../problem/link-incident';
import { type OneStepEnv, type OneStepInput, type OneStepResult } from './contract';
import { defineOneStep } from './step-kit';
import { type FieldErrors } from '../change/refusal';

export const linkToProblemStep = defineOneStep({
  name: 'link_to_problem',
  // Without a chosen problem the button only asks whether this incident may be linked at all.
  refuse: ({ incident, actor, problem, partnerTicket }) =>
    problem
      ? linkRefusal({ incident, actor, problem, partnerTicket: !!partnerTicket })
      : linkRefusalAny({ incident, actor, partnerTicket: !!partnerTicket }),
  validate: ({ problem }, input): FieldErrors =>
    problem && problem.id === input.problemId ? {} : { problemId: 'Choose an open problem' },
  // validate() has made sure the chosen problem is there.
  apply: ({ problem, incident, openConsultTeam }) => {
    const outage = problem!.outage;
    const open = outage?.status === 'active' || outage?.status === 'planned' ? outage : null;
    // kb 001: an incident of an open outage is not handed on, so the chat consult ends (issue 14.4).
    const ended = open && openConsultTeam ? { outage: open, team: openConsultTeam } : null;
    return {
      changes: { problemId: problem!.id },
      summary: linkSummary(problem!),
      data: { problemId: problem!.id },
      endsConsult: ended !== null,
      journal: ended ? [consultEndedByOutage(incident.number, ended.team, ended.outage)] : [],
    };
  },
});

/** Why Link to problem may not run now, or null (kb 001 steps 8–9). */
export const canLinkToProblem = (env: OneStepEnv): string | null => linkToProblemStep.can(env);

/** kb 001 step 9: the agent links the incident to the open problem of its outage and only saves it. */
export const linkToProblem = (
  env: OneStepEnv,
  input: OneStepInput<'link_to_problem'>,
): OneStepResult => linkToProblemStep.run(env, input);
