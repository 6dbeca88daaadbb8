/** The kb procedures the routing trace cites, by file name in `kb/`. */
export const kbDocs = {
  cpsTransfer: '000_ddf8d38433eb0d15.txt',
  afterHours: '001_f7238a0ea3bbe196.txt',
  enterpriseSupport: '002_f3479cd95df9ed86.txt',
  tier1Escalation: '003_608b3788f85f2b15.txt',
  primaryTechPartners: '004_0fa3e58d009fc4a0.txt',
} as const;
export type KbDoc = (typeof kbDocs)[keyof typeof kbDocs];

/** The direct Contract Partner Support number every CPS script gives the customer (kb 000, 001). */
export const cpsPhone = '608-265-6900';

/** CPS contacts a callback customer within 4 business hours (kb 000). */
export const cpsCallbackBusinessHours = 4;
/** "If you do not hear back within 1 business day, call 608-265-6900" (kb 000). */
export const cpsCallIfNoContactBusinessDays = 1;
/** Technologists respond to a Primary TP within one business day of receipt (kb 004). */
export const technologistResponseBusinessDays = 1;
/** An on-call technician contacts the customer within an hour, clock time (kb 001). */
export const oncallContactMinutes = 60;

/** Technologist groups whose products are in Primary TP scope (kb 004); SNCC covers SNCC-Sysops and SNCC-Network. */
export const primaryTpScopeGroups = ['SNCC', 'DRMT', 'Middleware', 'IIAT'] as const;

/** Where the Assign to EAST one-step files an after-hours case (kb 001). */
export const afterHoursService = {
  service: 'DoIT Departmental Support',
  category: 'Service Inquiry',
  subcategory: 'Unclassified',
} as const;
