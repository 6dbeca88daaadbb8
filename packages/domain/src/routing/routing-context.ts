import { type CalendarContext } from '../calendar/business-calendar';
import { type RoutingDepartment } from './departments';

/** The data routing reads besides the facts, loaded from the database by the caller. */
export interface RoutingContext {
  /** The university holidays and CPS's weekly opening hours (the calendar's defaults when absent). */
  calendar?: CalendarContext;
  /**
   * The holidays and the General Help Desk's weekly hours (kb 001: after-hours handling is for "when
   * the CPS Help Desk is closed, but the General Help Desk is open"); the demo hours when absent.
   */
  generalHdCalendar?: CalendarContext;
  /** The departments: their short names mark departmental computers (contract partners only). */
  departments: readonly Pick<RoutingDepartment, 'name' | 'shortName' | 'contractPartner'>[];
}
