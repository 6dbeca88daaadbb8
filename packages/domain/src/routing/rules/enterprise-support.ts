import { kbDocs } from '../constants';
import { type ContactFacts } from '../schemas';
import { esChatScript, esQueueScript } from '../scripts';
import { type RuleEnv, type Verdict } from './context';

// kb 002 Option 1: chats try the ES channel first; every other channel goes to the HD ES queue.
const enterpriseRoute = (facts: ContactFacts): Verdict =>
  facts.channel === 'chat'
    ? { outcome: 'consult_es_chat', script: esChatScript }
    : { outcome: 'es_queue', script: esQueueScript };

const enterpriseHow = (facts: ContactFacts): string =>
  facts.channel === 'chat'
    ? 'ask "Chat - Enterprise Support (no cone)"; after 5 minutes without an answer, the HD ES queue'
    : "troubleshoot, then the HD ES queue with the customer's e-mail contact";

/**
 * Rule 7 (kb 002 "How to Handle an ES Incident"): PICK 2, or HDQA's answer for a suspected ES
 * issue; `undefined` when nothing points to Enterprise Support.
 */
export function routeEnterpriseSupport({ facts, noteFor }: RuleEnv): Verdict | undefined {
  const note = noteFor(kbDocs.enterpriseSupport);
  if (facts.service.banner === 'pick2') {
    note('es.pick2-banner', 'yes', `Red PICK 2 banner: ${enterpriseHow(facts)}.`);
    return enterpriseRoute(facts);
  }
  note('es.pick2-banner', 'no', 'Not a PICK 2 service.');

  if (facts.suspectedEnterprise !== true) {
    note('es.suspected', 'no', 'Not suspected to be Enterprise Support.');
    return undefined;
  }
  note('es.suspected', 'yes', 'No banner, but possibly Enterprise Support: HDQA decides.');

  if (facts.esSupported === undefined) {
    note('es.hdqa-answer', 'unknown', 'Consult HDQA on whether the issue is ES-supported.');
    return { outcome: 'consult_hdqa' };
  }
  if (facts.esSupported) {
    note('es.hdqa-answer', 'yes', `HDQA: ES-supported, as PICK 2: ${enterpriseHow(facts)}.`);
    return enterpriseRoute(facts);
  }
  note('es.hdqa-answer', 'no', 'HDQA: not ES-supported; troubleshoot, escalate to the right team.');
  const team = facts.service.technologistGroup;
  return { outcome: 'escalate_to_team', ...(team ? { escalationTeam: team } : {}) };
}
