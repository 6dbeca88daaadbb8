import { formatPromise } from '../calendar';
import { promiseDue } from '../sla/kb-promises';
import { assignToCpsReasons } from '../routing/assign-to-cps-reasons';
import { cpsPhone } from '../routing/constants';
import { cpsCallbackScript } from '../routing/scripts';
import { type OneStepEnv, type OneStepInput, type OneStepResult } from './contract';
import { teamNames } from '../teams';
import { alreadyOwnedBy, assignedNotification, defineOneStep, teamIdFor } from './step-kit';
import { type FieldErrors } from '../change/refusal';

export const assignToCpsStep = defineOneStep({
  name: 'assign_to_cps',
  refuse: (env) => alreadyOwnedBy(env, teamNames.cps),
  validate: ({ incident }, input) => {
    const fields: FieldErrors = {};
    if (input.reason === 'other' && !input.reasonOther)
      fields.reasonOther = 'Explain why you chose Other.';
    if (incident.channel === 'phone' && !input.callbackPhone) {
      fields.callbackPhone = 'Give the callback number CPS will call.';
    }
    // kb 000 "Bomgar Chats": collect the customer's preferred contact before Assign to CPS.
    if (incident.channel === 'chat') {
      if (!input.preferredContact)
        fields.preferredContact =
          'Ask the customer how CPS should contact them (phone or e-mail) before assigning the chat to CPS.';
      else if (input.preferredContact === 'phone' && !input.callbackPhone)
        fields.callbackPhone = 'Give the phone number CPS will call.';
      else if (input.preferredContact === 'email' && !input.contactEmail)
        fields.contactEmail = 'Give the e-mail address CPS will write to.';
    }
    return fields;
  },
  apply: (env, input) => {
    const { incident, now, calendar } = env;
    const cps = teamIdFor(env, teamNames.cps);
    const contactBy = promiseDue('contactBy', now, calendar);
    const callIfNoContactBy = promiseDue('callIfNoContactBy', now, calendar);
    const label = assignToCpsReasons.find((r) => r.id === input.reason)?.label ?? input.reason;
    const reason = input.reason === 'other' ? `${label} (${input.reasonOther})` : label;
    const callback = input.callbackPhone ? ` Callback number: ${input.callbackPhone}.` : '';
    const chat = incident.channel === 'chat';
    const preferred = !chat
      ? ''
      : input.preferredContact === 'email'
        ? ` Preferred contact: e-mail ${input.contactEmail}.`
        : ` Preferred contact: phone ${input.callbackPhone}.`;
    return {
      changes: {
        ownerTeamId: cps,
        ownerAgentId: null,
        classification: 'Transfer to CPS',
        status: 'assigned',
        callerPhone: input.callbackPhone ?? incident.callerPhone,
        callerEmail: input.contactEmail ?? incident.callerEmail,
        ...(chat ? { preferredContact: input.preferredContact } : {}),
        promises: { contactBy, callIfNoContactBy },
      },
      summary:
        `Assigned to ${teamNames.cps} — reason: ${reason}.${chat ? preferred : callback} CPS contacts the customer by ` +
        `${formatPromise(contactBy, now)}; if they have not heard back by ${formatPromise(callIfNoContactBy, now)} ` +
        `they call ${cpsPhone}.`,
      data: {
        reason: input.reason,
        reasonOther: input.reasonOther ?? null,
        callbackPhone: input.callbackPhone ?? null,
        ...(chat
          ? {
              preferredContact: input.preferredContact,
              contactEmail: input.contactEmail ?? null,
              // kb 000: reply "assigned case to CPS." in the CPS chat channel: a checklist item.
              followUp: 'cps_channel_assigned',
            }
          : {}),
        // kb 000 step 4: the words read to a phone customer who could not be transferred live.
        script:
          incident.channel === 'phone'
            ? cpsCallbackScript(now, contactBy, callIfNoContactBy)
            : null,
      },
      notifications: [assignedNotification(env, cps)],
    };
  },
});

/** Why Assign to CPS may not run now, or null (kb 000 "Assign the case to CPS"). */
export const canAssignToCps = (env: OneStepEnv): string | null => assignToCpsStep.can(env);

/**
 * kb 000 "Assign the case to CPS": the CPS queue owns the incident, classification Transfer to CPS,
 * with the 4-business-hour contact and 1-business-day call-back promises.
 */
export const assignToCps = (env: OneStepEnv, input: OneStepInput<'assign_to_cps'>): OneStepResult =>
  assignToCpsStep.run(env, input);
