// The incident's closed vocabularies as plain constants: zod-free, so client code that only lists or
// labels them (the incident page, the queue grid) does not load zod (issue 16 item 3). Their schemas
// and inferred types are built from these in ./schema.
export const channels = ['phone', 'email', 'chat', 'portal', 'auto'] as const;

export const incidentStatuses = [
  'new',
  'assigned',
  'in_progress',
  'pending_customer',
  'resolved',
  'closed',
] as const;
export const openStatuses: readonly (typeof incidentStatuses)[number][] = [
  'new',
  'assigned',
  'in_progress',
  'pending_customer',
];

/**
 * Where a Primary Tech Partner's portal case stands in the Help Desk's review (kb 004): null for
 * every other incident. `review` and `mission_critical` are in the TP review queue; `info_requested`
 * waits for the customer's answer; `handled_normally` went back to L1; `escalated` is with technologists.
 */
export const tpTriageStates = [
  'review',
  'info_requested',
  'mission_critical',
  'handled_normally',
  'escalated',
] as const;

export const urgencies = ['urgent', 'can_wait_until_hdl2'] as const;
export const urgencyLabels: Record<(typeof urgencies)[number], string> = {
  urgent: 'Urgent',
  can_wait_until_hdl2: 'Can wait until HDL2',
};

export const journalKinds = ['note', 'system', 'routing', 'email', 'phone'] as const;
export const visibilities = ['internal', 'customer'] as const;
