import { type CalendarContext } from '../calendar/business-calendar';
import { type RoutingDepartment } from './departments';

/** The data routing reads besides the facts, loaded from the database by the caller. */
export interface RoutingContext {
  /** The university holidays and CPS's weekly opening hours (the calendar's defaults when absent). */
  calendar?: CalendarContext;
  /** The departments: their short names mark departmental computers (contract partners only). */
  departments: readonly Pick<RoutingDepartment, 'name' | 'shortName' | 'contractPartner'>[];
}
