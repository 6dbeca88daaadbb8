import { type AssignToCpsReasonId } from './assign-to-cps-reasons';
import {
  type ContactChannel,
  type RequiredFieldId,
  requiredFieldIds,
  type RoutingOutcome,
} from './schemas';

// Every incident, whatever happens next (kb 000 "Create an incident in WiscIT").
const baseFields: readonly RequiredFieldId[] = [
  'callerName',
  'callerContact',
  'service',
  'description',
];

// kb 001 "For ALL incidents, gather the following minimum required information".
const afterHoursHandling: readonly RequiredFieldId[] = [
  'description',
  'callerPhone',
  'urgency',
  'expectation',
];

function extraFields(outcome: RoutingOutcome, channel: ContactChannel): readonly RequiredFieldId[] {
  switch (outcome) {
    case 'assign_to_cps':
      // kb 000: a callback number for phone cases; a reason when assigning an e-mail.
      if (channel === 'phone') return ['callbackPhone'];
      return channel === 'email' ? ['assignReason'] : [];
    case 'assign_to_east':
    case 'page_oncall':
      return afterHoursHandling;
    case 'es_queue':
      // kb 002: basic troubleshooting first, and the customer's desired e-mail contact.
      return ['callerEmail', 'troubleshootingNote'];
    default:
      return [];
  }
}

/**
 * The fields an incident must hold before the one-step for `outcome` may run (DOMAIN.md §4,
 * kb 000/001/002). Pass the chosen Assign to CPS reason to learn whether "Other" needs its
 * explanation. Listed in `requiredFieldIds` order.
 */
export function requiredFieldsFor(
  outcome: RoutingOutcome,
  channel: ContactChannel,
  options: { assignReason?: AssignToCpsReasonId } = {},
): RequiredFieldId[] {
  const wanted = new Set<RequiredFieldId>([...baseFields, ...extraFields(outcome, channel)]);
  if (outcome === 'assign_to_cps' && options.assignReason === 'other') {
    wanted.add('assignReason');
    wanted.add('assignReasonOther');
  }
  return requiredFieldIds.filter((id) => wanted.has(id));
}
