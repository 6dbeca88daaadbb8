import { promiseDue } from '../../sla/kb-promises';
import { deskHoursText, formatLocal, nextCpsOpening } from '../../calendar';
import { type AssignToCpsReasonId } from '../assign-to-cps-reasons';
import { chatTemplates } from '../chat-templates';
import { afterHoursService, kbDocs } from '../constants';
import {
  assignToEastScript,
  cpsCallbackScript,
  oncallScript,
  transferToCpsScript,
} from '../scripts';
import { ask, type CpsBasis, type RuleEnv, type Verdict } from './context';

const reasonFor: Record<CpsBasis, AssignToCpsReasonId> = {
  pick5: 'pick5_service',
  'coned-pick2': 'coned_customer',
  'work-related': 'coned_customer',
  'departmental-computer': 'departmental_computer',
};

/** Rule 4 (kb 000 "Transferring Customers to Help Desk CPS"): CPS-supported while CPS is open. */
export function routeCpsOpen({ facts, calendar, noteFor }: RuleEnv, basis: CpsBasis): Verdict {
  const note = noteFor(kbDocs.cpsTransfer);
  note(
    'cps.open',
    'yes',
    `CPS is open (${deskHoursText(calendar.hours)}): hand the contact to CPS now.`,
  );

  switch (facts.channel) {
    case 'phone': {
      const ready = facts.cpsAgentsReady ?? 0;
      if (ready > 0) {
        const transferQueue =
          facts.service.banner === 'pick2' ? 'enterprise' : 'departmental_support';
        const queue = transferQueue === 'enterprise' ? 'Enterprise' : 'Departmental Support';
        note(
          'cps-open.phone-ready',
          'yes',
          `${ready} CPS agent(s) ready: transfer via the ${queue} queue.`,
        );
        return { outcome: 'transfer_to_cps', transferQueue, script: transferToCpsScript };
      }
      const contactBy = promiseDue('contactBy', facts.at, calendar);
      const callIfNoContactBy = promiseDue('callIfNoContactBy', facts.at, calendar);
      note(
        'cps-open.phone-ready',
        'no',
        `No CPS agent on ready: Assign to CPS for a callback by ${formatLocal(contactBy)}.`,
      );
      return {
        outcome: 'assign_to_cps',
        assignReason: 'no_cps_agents_ready',
        script: cpsCallbackScript(facts.at, contactBy, callIfNoContactBy),
        promises: { contactBy, callIfNoContactBy },
      };
    }
    case 'chat': {
      const template =
        basis === 'pick5'
          ? chatTemplates['cps-supported-service']
          : chatTemplates['cps-supported-customer'];
      note(
        'cps-open.chat',
        'chat',
        `Save the case, send "${template.name}" and ask the CPS chat channel; ` +
          'after 5 minutes send "CPS busy", after 10 Assign to CPS.',
      );
      return { outcome: 'consult_cps_chat', script: template.text };
    }
    default: {
      // kb 000: e-mails go through the reason picklist; portal and auto cases are simply forwarded.
      const assignReason = facts.channel === 'email' ? reasonFor[basis] : 'portal_or_auto';
      note(
        'cps-open.case',
        facts.channel,
        `The ${facts.channel} case goes to CPS with Assign to CPS.`,
      );
      return { outcome: 'assign_to_cps', assignReason };
    }
  }
}

/**
 * Rule 5, both desks closed: kb 001's after-hours handling is for "when the CPS Help Desk is closed, but
 * General Help Desk is open", so with the General Help Desk closed too nobody is there to page on-call
 * or hand the case to EAST. kb 000 step 4 applies ("or its outside of Help Desk CPS business hours …
 * Assign the case to CPS"): the case waits in the CPS queue and its promises count from CPS's next opening.
 */
export function routeDesksClosed(env: RuleEnv, basis: CpsBasis): Verdict {
  const { facts, calendar, generalHdCalendar, noteFor } = env;
  const note = noteFor(kbDocs.cpsTransfer);
  const opening = nextCpsOpening(facts.at, calendar);
  note(
    'cps.open',
    'no',
    `CPS is closed until ${formatLocal(opening)} and the General Help Desk is closed too ` +
      `(open ${deskHoursText(generalHdCalendar.hours)}): no after-hours handling (kb 001).`,
  );
  if (facts.channel === 'phone') {
    const contactBy = promiseDue('contactBy', facts.at, calendar);
    const callIfNoContactBy = promiseDue('callIfNoContactBy', facts.at, calendar);
    note(
      'desks-closed.case',
      'phone',
      `Assign to CPS for a callback by ${formatLocal(contactBy)} (counted from CPS's next opening).`,
    );
    return {
      outcome: 'assign_to_cps',
      assignReason: 'no_cps_agents_ready',
      script: cpsCallbackScript(facts.at, contactBy, callIfNoContactBy),
      promises: { contactBy, callIfNoContactBy },
    };
  }
  const assignReason =
    facts.channel === 'portal' || facts.channel === 'auto' ? 'portal_or_auto' : reasonFor[basis];
  note(
    'desks-closed.case',
    facts.channel,
    `The ${facts.channel} case waits in the CPS queue: Assign to CPS; CPS opens ${formatLocal(opening)}.`,
  );
  return { outcome: 'assign_to_cps', assignReason };
}

/** Rule 5 (kb 001 "Handling Contract Partners After Hours"): CPS-supported while CPS is closed. */
export function routeCpsClosed({ facts, calendar, noteFor }: RuleEnv): Verdict {
  const note = noteFor(kbDocs.afterHours);
  const opening = nextCpsOpening(facts.at, calendar);
  noteFor(kbDocs.cpsTransfer)(
    'cps.open',
    'no',
    `CPS is closed until ${formatLocal(opening)} and the General Help Desk is open: after-hours handling (kb 001).`,
  );

  if (facts.criticalWorkStoppage === undefined) {
    note('after-hours.critical', 'unknown', 'Not yet asked whether work is critically stopped.');
    return ask('criticalWorkStoppage');
  }
  if (!facts.criticalWorkStoppage) {
    const service = Object.values(afterHoursService).join(' > ');
    note(
      'after-hours.critical',
      'no',
      `Can wait: collect handling and Assign to EAST (${service}).`,
    );
    return { outcome: 'assign_to_east', script: assignToEastScript(opening, calendar.hours) };
  }
  note(
    'after-hours.critical',
    'yes',
    'Critical work stoppage that cannot wait: emergency on-call.',
  );

  const program = facts.customer.program ?? null;
  if (program === null) {
    note('after-hours.oncall', 'none', 'No AIMS or DS program: ask HD leadership for guidance.');
    return { outcome: 'consult_hd_leadership' };
  }
  const oncall = program === 'aims' ? 'aims' : 'gds';
  const techContactBy = promiseDue('techContactBy', facts.at);
  note(
    'after-hours.oncall',
    program,
    `Call the ${oncall.toUpperCase()} on-call technician (leave a voicemail if no one answers).`,
  );
  return {
    outcome: 'page_oncall',
    oncall,
    script: oncallScript(facts.at, techContactBy),
    promises: { techContactBy },
  };
}
