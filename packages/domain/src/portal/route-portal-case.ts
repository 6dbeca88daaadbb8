import { teamNames } from '../teams';
import { routeContact, type RoutingContext } from '../routing/route-contact';
import { type ContactFacts, type RoutingDecision } from '../routing/schemas';
import { DomainError } from '../errors';
import { type NewJournalEntry } from '../incident/schema';

/** Where a Help Online case goes the moment it is submitted. */
export interface PortalRoute {
  /** `cps`: Assign to CPS at once (reason "portal or auto case"); `help_desk`: the US - Help Desk queue. */
  destination: 'cps' | 'help_desk';
  /** A Primary Tech Partner's case that the Help Desk must review first (kb 004). */
  tpReview: boolean;
  decision: RoutingDecision;
  /** One line for the journal: why it went there. */
  text: string;
}

/**
 * kb 000 "Help Online, Auto Case Creation": a portal case runs the routing policy with channel
 * `portal`. A CPS-supported case is simply forwarded to CPS — also while CPS is closed, when the
 * policy would ask about a critical work stoppage: nobody is on the line to page on-call for, so the
 * case waits in the CPS queue and its promises count from the next opening. A Primary TP's case
 * waits for the Help Desk's review (kb 004: HD staff find out whether it is mission critical);
 * everything else lands in the US - Help Desk queue with the routing trace for Level 1.
 */
export function routePortalCase(facts: ContactFacts, ctx: RoutingContext): PortalRoute {
  if (facts.channel !== 'portal')
    throw new DomainError('VALIDATION', 'Help Online routes portal cases only.');
  const decision = routeContact(facts, ctx);
  if (decision.outcome === 'assign_to_cps') {
    return {
      destination: 'cps',
      tpReview: false,
      decision,
      text: 'CPS-supported: assigned to CPS at once (portal or auto case).',
    };
  }
  if (decision.outcome === 'ask' && decision.question === 'criticalWorkStoppage') {
    return {
      destination: 'cps',
      tpReview: false,
      decision,
      text: 'CPS-supported while CPS is closed: assigned to CPS, where the case waits until CPS opens.',
    };
  }
  if (decision.outcome === 'ask' && decision.question === 'missionCritical') {
    return {
      destination: 'help_desk',
      tpReview: true,
      decision,
      text: `Primary Tech Partner: in the TP review queue of ${teamNames.helpDesk}, to find out whether it is mission critical (kb 004).`,
    };
  }
  return {
    destination: 'help_desk',
    tpReview: false,
    decision,
    text: `In the ${teamNames.helpDesk} queue for Level 1 (routing outcome: ${decision.outcome}).`,
  };
}

/** The internal `routing` journal entry of a portal case: what the policy said and where the case went. */
export function portalRoutingEntry(
  route: PortalRoute,
  authorId: number,
  now: string,
): NewJournalEntry {
  const { decision } = route;
  return {
    kind: 'routing',
    visibility: 'internal',
    body: `Help Online routing: ${route.text}`,
    authorId,
    data: {
      outcome: decision.outcome,
      question: decision.question ?? null,
      destination: route.destination,
      tpReview: route.tpReview,
      steps: decision.steps,
      promises: decision.promises ?? null,
    },
    createdAt: now,
  };
}
