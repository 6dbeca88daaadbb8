// The kb's promises as targets of the clock engine: one engine computes every deadline (issue 18).
import { toCpsLocal, toInstant, type CalendarContext } from '../calendar/business-calendar';
import {
  cpsCallbackBusinessHours,
  cpsCallIfNoContactBusinessDays,
  oncallContactMinutes,
  technologistResponseBusinessDays,
} from '../routing/constants';
import { startClock } from './clock';
import { type ClockKind, type SlaCalendar, type Target } from './schema';
import { aroundTheClock } from './target';

/** The promise fields of an incident (promisesSchema) and the clock each one runs. */
export const kbPromises = {
  // kb 000: CPS contacts a callback customer within 4 business hours.
  contactBy: {
    kind: 'contact_by',
    calendar: 'cps',
    target: { amount: cpsCallbackBusinessHours, unit: 'business_hours' },
  },
  // kb 000: "if you do not hear back within 1 business day, call 608-265-6900".
  callIfNoContactBy: {
    kind: 'call_if_no_contact',
    calendar: 'cps',
    target: { amount: cpsCallIfNoContactBusinessDays, unit: 'business_days' },
  },
  // kb 004: technologists respond to a Primary TP within one business day.
  respondBy: {
    kind: 'respond_by',
    calendar: 'cps',
    target: { amount: technologistResponseBusinessDays, unit: 'business_days' },
  },
  // kb 001: the on-call technician contacts the customer within an hour, clock time.
  techContactBy: {
    kind: 'tech_contact_by',
    calendar: '24x7',
    target: { amount: oncallContactMinutes, unit: 'minutes' },
  },
} as const satisfies Record<string, { kind: ClockKind; calendar: SlaCalendar; target: Target }>;
export type KbPromise = keyof typeof kbPromises;
export const kbPromiseNames = Object.keys(kbPromises) as KbPromise[];

/**
 * When a kb promise made at `at` falls due: the clock engine's deadline on the promise's calendar
 * (`calendar` is the CPS desk's data; the on-call promise runs around the clock).
 */
export function promiseDue(promise: KbPromise, at: string, calendar?: CalendarContext): string {
  const p = kbPromises[promise];
  const cal = p.calendar === '24x7' ? aroundTheClock : (calendar ?? {});
  const clock = startClock(
    {
      incidentId: 0,
      teamId: 0,
      kind: p.kind,
      cycle: 1,
      policyId: null,
      calendar: p.calendar,
      target: p.target,
    },
    at,
    cal,
  );
  // A started clock is running, so it has a due instant; promises read as the calendar writes instants.
  return toInstant(toCpsLocal(clock.dueAt!));
}
