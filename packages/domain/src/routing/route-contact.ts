import { demoGeneralHdHours, isCpsOpen } from '../calendar';
import { kbDocs } from './constants';
import { type RoutingContext } from './routing-context';
import { routingQuestionPrompt } from './questions';
import { requiredFieldsFor } from './required-fields';
import { type RuleEnv, type Verdict, ask } from './rules/context';
import { checkCpsEligibility, classifyCpsCustomer } from './rules/cps-eligibility';
import { routeCpsClosed, routeCpsOpen, routeDesksClosed } from './rules/cps-handoff';
import { routeEnterpriseSupport } from './rules/enterprise-support';
import { routePrimaryTechPartner } from './rules/primary-tech-partner';
import { type ContactFacts, type RoutingDecision, type RoutingStep } from './schemas';

export type { RoutingContext } from './routing-context';

/**
 * Routes one contact through the help desk's procedures (kb 000, 001, 002, 004; DOMAIN.md §4):
 * the first rule that decides wins, and every rule consulted is explained in `steps`.
 */
export function routeContact(facts: ContactFacts, ctx: RoutingContext): RoutingDecision {
  const steps: RoutingStep[] = [];
  const env: RuleEnv = {
    facts,
    calendar: ctx.calendar ?? {},
    generalHdCalendar: ctx.generalHdCalendar ?? { hours: demoGeneralHdHours },
    departments: ctx.departments,
    noteFor: (doc) => (rule, answer, text) => steps.push({ rule, doc, answer, text }),
  };
  const verdict = decide(env);
  // The question in the channel's words (an e-mail is not asked "Are you calling in…").
  if (verdict.question) verdict.script = routingQuestionPrompt(verdict.question, facts.channel);
  return { ...verdict, requiredFields: requiredFieldsFor(verdict.outcome, facts.channel), steps };
}

function decide(env: RuleEnv): Verdict {
  const { facts } = env;

  // Rule 1 (kb 001, 002): outages are never forwarded; HDQA and SNCC handle them.
  const note = env.noteFor(kbDocs.afterHours);
  if (facts.outage === true) {
    note(
      'outage',
      'yes',
      'Potential or declared outage: HDQA and SNCC handle it, never CPS or ES.',
    );
    return { outcome: 'outage' };
  }
  if (facts.knownOutage) {
    const { number, title } = facts.knownOutage;
    note(
      'outage',
      number,
      `Known outage ${number} (${title}) matches the service: link the incident to its problem (Link to problem); HDQA and SNCC handle it, it is not forwarded.`,
    );
    return { outcome: 'outage' };
  }
  note('outage', 'no', 'Not an outage.');

  const customer = classifyCpsCustomer(env);
  if (customer === 'unknown') return ask('confirmDepartment');

  const eligibility = checkCpsEligibility(env, customer === 'yes');
  if (typeof eligibility === 'object') return eligibility;
  if (eligibility !== 'not-cps') {
    if (isCpsOpen(facts.at, env.calendar)) return routeCpsOpen(env, eligibility);
    // kb 001 is the after-hours procedure "when the CPS Help Desk is closed, but General Help Desk
    // is open"; with both closed nobody takes the contact live and kb 000 step 4 applies.
    return isCpsOpen(facts.at, env.generalHdCalendar)
      ? routeCpsClosed(env)
      : routeDesksClosed(env, eligibility);
  }

  return routePrimaryTechPartner(env) ?? routeEnterpriseSupport(env) ?? routeGeneralHd(env);
}

// Rule 8: nothing forwards the contact (kb 000 "continue the call as normal").
function routeGeneralHd({ noteFor }: RuleEnv): Verdict {
  noteFor(kbDocs.cpsTransfer)('general-hd', 'yes', 'Nothing forwards this contact: General HD.');
  return { outcome: 'general_hd' };
}
