import { formatPromise } from '../calendar';
import { promiseDue } from '../sla/kb-promises';
import { oncallScript } from '../routing/scripts';
import { fillScript } from '../routing/script-placeholder';
import { afterHoursChanges, afterHoursFieldErrors, handlingText } from './after-hours';
import { type OncallSchedule } from '../routing/schemas';
import { type OneStepEnv, type OneStepInput, type OneStepResult } from './contract';
import { defineOneStep } from './step-kit';
import { oncallMessage } from './oncall-message';
import { type FieldErrors } from '../change/refusal';

const scheduleName = { aims: 'AIMS', gds: 'GDS' } as const;

/** kb 001: former AIMS partners page the AIMS on-call, legacy DS partners the GDS on-call. */
export const oncallScheduleFor = (
  program: 'aims' | 'ds' | null | undefined,
): OncallSchedule | null => (program === 'aims' ? 'aims' : program === 'ds' ? 'gds' : null);

function scheduleErrors({ customer }: OneStepEnv, input: OneStepInput<'page_oncall'>): FieldErrors {
  const expected = oncallScheduleFor(customer?.program);
  if (expected === null || expected === input.schedule || input.scheduleOverrideReason) return {};
  const program = customer!.program === 'aims' ? 'a former AIMS' : 'a legacy DS';
  return {
    scheduleOverrideReason:
      `${customer!.name} is ${program} contract partner: page the ${scheduleName[expected]} on-call, ` +
      `or say why you page ${scheduleName[input.schedule]} (kb 001).`,
  };
}

export const pageOncallStep = defineOneStep({
  name: 'page_oncall',
  validate: (env, input) => {
    const { incident, oncallContact } = env;
    const fields: FieldErrors = {
      ...afterHoursFieldErrors(incident, input),
      ...scheduleErrors(env, input),
    };
    if (!oncallContact || oncallContact.id !== input.contactId) {
      fields.contactId = 'Choose who you called.';
    } else if (oncallContact.schedule !== input.schedule) {
      fields.contactId =
        `${oncallContact.name} is on the ${scheduleName[oncallContact.schedule]} on-call schedule, ` +
        `not ${scheduleName[input.schedule]}.`;
    }
    return fields;
  },
  apply: (env, input) => {
    const { incident, now } = env;
    // validate() has matched the contact to the input.
    const contact = env.oncallContact!;
    const schedule = scheduleName[input.schedule];
    const techContactBy = promiseDue('techContactBy', now);
    const script = fillScript(oncallScript(now, techContactBy), {
      incidentNumber: incident.number,
    });
    const outcome = input.result === 'answered' ? 'answered' : 'voicemail left';
    const message = oncallMessage(incident, input.callerPhone);
    const expected = oncallScheduleFor(env.customer?.program);
    const override =
      expected !== null && expected !== input.schedule
        ? ` Paged ${schedule} instead of ${scheduleName[expected]}: ${input.scheduleOverrideReason}`
        : '';
    return {
      changes: {
        classification: 'Page on-call',
        status: 'in_progress',
        ...afterHoursChanges(incident, input),
        promises: { ...incident.promises, techContactBy },
      },
      summary:
        `Paged the ${schedule} on-call technician, who contacts the customer within an hour, by ` +
        `${formatPromise(techContactBy, now)}. ${handlingText(input)} Told the customer: “${script}”${override}`,
      data: {
        schedule: input.schedule,
        contactId: contact.id,
        result: input.result,
        script,
        ...(override
          ? { expectedSchedule: expected, overrideReason: input.scheduleOverrideReason }
          : {}),
      },
      journal: [
        {
          kind: 'phone',
          visibility: 'internal',
          body:
            `Paged the ${schedule} on-call (${contact.name}, ${contact.phone}): ${outcome}. ` +
            `Told them: “${message}”`,
          data: { schedule: input.schedule, contactId: contact.id, result: input.result, message },
        },
      ],
    };
  },
});

/** Why Page on-call may not run now, or null (kb 001 "Emergency after-hours tech assistance"). */
export const canPageOncall = (env: OneStepEnv): string | null => pageOncallStep.can(env);

/**
 * kb 001: a critical after-hours work stoppage pages the AIMS or GDS on-call technician, who
 * contacts the customer within an hour; the call and its answer (or voicemail) are journaled.
 */
export const pageOncall = (env: OneStepEnv, input: OneStepInput<'page_oncall'>): OneStepResult =>
  pageOncallStep.run(env, input);
