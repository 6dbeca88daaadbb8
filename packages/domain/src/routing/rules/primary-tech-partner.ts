import { formatLocal } from '../../calendar';
import { promiseDue } from '../../sla/kb-promises';
import { kbDocs, primaryTpScopeGroups } from '../constants';
import { technologistsScript } from '../scripts';
import { ask, type RuleEnv, type Verdict } from './context';

// "SNCC" in kb 004 means both SNCC-Sysops and SNCC-Network.
export const isScopeGroup = (group: string): boolean =>
  primaryTpScopeGroups.some((g) => {
    const [name, target] = [group.trim().toLowerCase(), g.toLowerCase()];
    return name === target || name.startsWith(`${target}-`);
  });

/** kb 004 "The scope of Support": categories 1 and 2, supported by SNCC, DRMT, Middleware or IIAT. */
interface ScopeFacts {
  supportCategory?: number | undefined;
  technologistGroup?: string | null | undefined;
}

export const isPrimaryTpInScope = (
  s: ScopeFacts,
): s is ScopeFacts & { technologistGroup: string } =>
  (s.supportCategory === 1 || s.supportCategory === 2) &&
  typeof s.technologistGroup === 'string' &&
  isScopeGroup(s.technologistGroup);

/**
 * Rule 6 (kb 004 "Access to DoIT Support for Primary Tech Partners"): a mission-critical, in-scope
 * issue goes to the technologists; anything else goes on to the next rule (`undefined`).
 */
export function routePrimaryTechPartner({
  facts,
  calendar,
  noteFor,
}: RuleEnv): Verdict | undefined {
  const note = noteFor(kbDocs.primaryTechPartners);
  if (facts.customer.primaryTechPartner !== true) {
    note('primary-tp.customer', 'no', 'Customer is not a Primary Tech Partner.');
    return undefined;
  }
  note('primary-tp.customer', 'yes', 'Primary Tech Partner: priority when mission critical.');

  if (facts.missionCritical === undefined) {
    note(
      'primary-tp.mission-critical',
      'unknown',
      'Not yet asked whether it impacts more than one person.',
    );
    return ask('missionCritical');
  }
  if (!facts.missionCritical) {
    note('primary-tp.mission-critical', 'no', 'Impacts only one person: handle normally.');
    return undefined;
  }
  note('primary-tp.mission-critical', 'yes', 'Impacts more than one person: mission critical.');

  const scope: ScopeFacts = facts.service;
  const { supportCategory, technologistGroup } = scope;
  const categoryInScope = supportCategory === 1 || supportCategory === 2;
  if (isPrimaryTpInScope(scope)) {
    const respondBy = promiseDue('respondBy', facts.at, calendar);
    note(
      'primary-tp.scope',
      'yes',
      `Category ${supportCategory}, ${technologistGroup}: escalate to technologists, ` +
        `who respond by ${formatLocal(respondBy)}.`,
    );
    return {
      outcome: 'escalate_to_technologists',
      technologistGroup: scope.technologistGroup,
      script: technologistsScript(facts.at, respondBy),
      promises: { respondBy },
    };
  }
  const why = !categoryInScope
    ? `support category ${supportCategory ?? 'unknown'} is not 1 or 2`
    : `technologist group ${technologistGroup ?? 'unknown'} is not SNCC, DRMT, Middleware or IIAT`;
  note('primary-tp.scope', 'no', `Out of Primary TP scope (${why}): handle normally.`);
  return undefined;
}
