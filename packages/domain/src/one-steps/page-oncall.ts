import { addMinutes, formatPromise } from '../calendar';
import { oncallContactMinutes } from '../routing/constants';
import { fillScript, oncallScript } from '../routing/scripts';
import { afterHoursChanges, afterHoursFieldErrors, handlingText } from './after-hours';
import { type OneStepEnv, type OneStepInput, type OneStepResult } from './contract';
import { defineOneStep } from './step-kit';
import { type FieldErrors } from '../change/refusal';

const scheduleName = { aims: 'AIMS', gds: 'GDS' } as const;

export const pageOncallStep = defineOneStep({
  name: 'page_oncall',
  validate: ({ incident, oncallContact }, input) => {
    const fields: FieldErrors = afterHoursFieldErrors(incident, input);
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
    const techContactBy = addMinutes(now, oncallContactMinutes);
    const script = fillScript(oncallScript(now, techContactBy), {
      incidentNumber: incident.number,
    });
    const outcome = input.result === 'answered' ? 'answered' : 'voicemail left';
    return {
      changes: {
        classification: 'Page on-call',
        status: 'in_progress',
        ...afterHoursChanges(incident, input),
        promises: { ...incident.promises, techContactBy },
      },
      summary:
        `Paged the ${schedule} on-call technician, who contacts the customer within an hour, by ` +
        `${formatPromise(techContactBy, now)}. ${handlingText(input)} Told the customer: “${script}”`,
      data: { schedule: input.schedule, contactId: contact.id, result: input.result, script },
      journal: [
        {
          kind: 'phone',
          visibility: 'internal',
          body: `Paged the ${schedule} on-call (${contact.name}, ${contact.phone}): ${outcome}`,
          data: { schedule: input.schedule, contactId: contact.id, result: input.result },
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
