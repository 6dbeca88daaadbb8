// SLA clocks and policies (issue 18): the vocabulary every layer shares.
import '../zod-config';
import { z } from 'zod';
import { channels, urgencies } from '../incident/constants';

/** The calendars a clock can run on: CPS hours, the General Help Desk's hours, or around the clock. */
export const slaCalendars = ['cps', 'general_hd', '24x7'] as const;
export const slaCalendarSchema = z.enum(slaCalendars);
export type SlaCalendar = z.infer<typeof slaCalendarSchema>;
export const slaCalendarLabels: Readonly<Record<SlaCalendar, string>> = {
  cps: 'CPS hours',
  general_hd: 'General Help Desk hours',
  '24x7': 'Around the clock',
};

/** How a target is counted: open hours, business days (same clock time on a later open day), or minutes of open time. */
export const targetUnits = ['business_hours', 'business_days', 'minutes'] as const;
export const targetSchema = z.object({
  amount: z.number().int().min(1, 'A target is at least 1').max(10_000),
  unit: z.enum(targetUnits),
});
export type Target = z.infer<typeof targetSchema>;

/**
 * What a clock measures: a team's first response and resolution, or one of the kb promises
 * (CPS contact-by and call-if-no-contact, the TP respond-by, the on-call contact-by).
 */
export const clockKinds = [
  'first_response',
  'resolution',
  'contact_by',
  'call_if_no_contact',
  'respond_by',
  'tech_contact_by',
] as const;
export const clockKindSchema = z.enum(clockKinds);
export type ClockKind = z.infer<typeof clockKindSchema>;
export const clockKindLabels: Readonly<Record<ClockKind, string>> = {
  first_response: 'First response',
  resolution: 'Resolution',
  contact_by: 'CPS contact-by',
  call_if_no_contact: 'Call-if-no-contact',
  respond_by: 'TP respond-by',
  tech_contact_by: 'On-call contact-by',
};

/**
 * How a stopped clock ended: within its target (`met`) or not (`breached`); a clock stopped early
 * because the team handed the incident on or the promise was replaced ends `handed_off` /
 * `superseded` when it was still within target (else `breached`).
 */
export const clockOutcomes = ['met', 'breached', 'handed_off', 'superseded'] as const;
export type ClockOutcome = (typeof clockOutcomes)[number];

/** The two warnings a clock gives (exactly once each): at 75% of its target, and at breach. */
export const warningLevels = ['at_risk', 'breached'] as const;
export type WarningLevel = (typeof warningLevels)[number];
/** A warning fires when this share of the target is used. */
export const atRiskFraction = 0.75;

/** One clock of one incident, as stored (packages/db `sla_clocks`). */
export const slaClockSchema = z.object({
  id: z.number().int(),
  incidentId: z.number().int(),
  /** The team whose clock it is (the owner team when it started). */
  teamId: z.number().int(),
  kind: clockKindSchema,
  /** 1 for the first clock of this kind and team on the incident, 2 after a reopen or a return, … */
  cycle: z.number().int(),
  policyId: z.number().int().nullable(),
  calendar: slaCalendarSchema,
  /** The target in open time of `calendar`, fixed when the clock starts. */
  targetMs: z.number().int(),
  /** "4 business hours", as people read it. */
  targetLabel: z.string(),
  /** Business-day targets land on the next opening rather than on the closing before it. */
  landing: z.enum(['close', 'open']),
  startedAt: z.string(),
  /** When it last started or resumed running; null while paused or stopped. */
  runningSince: z.string().nullable(),
  /** Open time used before `runningSince` (or in all, once paused or stopped). */
  usedMs: z.number().int(),
  pausedAt: z.string().nullable(),
  /** When it breaches if it keeps running (null while paused within target). */
  dueAt: z.string().nullable(),
  /** When it reaches 75% if it keeps running. */
  warnAt: z.string().nullable(),
  /** The next warning the scheduler gives (indexed); null when none is pending or it is not running. */
  nextWarningAt: z.string().nullable(),
  warnedAt: z.string().nullable(),
  breachNotifiedAt: z.string().nullable(),
  /** A promise clock: the promise instant it keeps. */
  promisedAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  outcome: z.enum(clockOutcomes).nullable(),
  version: z.number().int(),
});
export type SlaClock = z.infer<typeof slaClockSchema>;
export type NewSlaClock = Omit<SlaClock, 'id'>;

/** An SLA policy as administrators edit it: a team's targets, optionally only for one urgency or channel. */
export const slaPolicyInputSchema = z.object({
  teamId: z.number().int(),
  urgency: z.enum(urgencies).nullable(),
  channel: z.enum(channels).nullable(),
  calendar: slaCalendarSchema,
  firstResponse: targetSchema,
  resolution: targetSchema,
});
export type SlaPolicyInput = z.infer<typeof slaPolicyInputSchema>;

/**
 * A stored policy version. Editing a policy supersedes it with a new version, so incidents keep the
 * policy in force when they were created (`effectiveFrom ≤ createdAt < supersededAt`).
 */
export const slaPolicySchema = z.object({
  id: z.number().int(),
  teamId: z.number().int(),
  urgency: z.enum(urgencies).nullable(),
  channel: z.enum(channels).nullable(),
  calendar: slaCalendarSchema,
  firstResponseAmount: z.number().int(),
  firstResponseUnit: z.enum(targetUnits),
  resolutionAmount: z.number().int(),
  resolutionUnit: z.enum(targetUnits),
  effectiveFrom: z.string(),
  supersededAt: z.string().nullable(),
  createdById: z.number().int().nullable(),
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
export type NewSlaPolicy = Omit<SlaPolicy, 'id'>;
