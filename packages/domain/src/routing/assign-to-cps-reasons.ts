/** Stable ids of the Assign to CPS reason picklist (kb 000, DOMAIN.md §5). */
export const assignToCpsReasonIds = [
  'pick5_service',
  'coned_customer',
  'departmental_computer',
  'no_cps_agents_ready',
  'chat_not_answered',
  'portal_or_auto',
  'other',
] as const;
export type AssignToCpsReasonId = (typeof assignToCpsReasonIds)[number];

export interface AssignToCpsReason {
  id: AssignToCpsReasonId;
  label: string;
  /** "If you select Other, explain why in the next pop-up" (kb 000). */
  needsExplanation: boolean;
}

/** The Assign to CPS reason picklist, in the order the one-step shows it (kb 000). */
export const assignToCpsReasons: readonly AssignToCpsReason[] = [
  { id: 'pick5_service', label: 'PICK 5 service', needsExplanation: false },
  { id: 'coned_customer', label: 'Coned customer', needsExplanation: false },
  { id: 'departmental_computer', label: 'Departmental computer', needsExplanation: false },
  { id: 'no_cps_agents_ready', label: 'No CPS agents ready', needsExplanation: false },
  { id: 'chat_not_answered', label: 'Chat not answered in 10 minutes', needsExplanation: false },
  { id: 'portal_or_auto', label: 'Portal or auto case', needsExplanation: false },
  { id: 'other', label: 'Other', needsExplanation: true },
];
