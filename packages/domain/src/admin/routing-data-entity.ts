// The routing data administrators keep (issue 14 items 7, 8) as the commit kernel knows it.
import { type Desk } from '../calendar/opening-hours';

export interface DepartmentRow {
  id: number;
  name: string;
  shortName: string;
  contractPartner: boolean;
  program: 'aims' | 'ds' | null;
  primaryTechPartner: boolean;
  emailDomains: string[];
}
export interface HolidayRow {
  date: string;
  name: string;
}
export interface OpeningHoursRow {
  desk: Desk;
  weekday: number;
  opens: string;
  closes: string;
}
export interface LeadershipContactRow {
  id: number;
  name: string;
  contact: string;
  position: number;
}

declare module '../change/entities' {
  interface Entities {
    department: {
      row: DepartmentRow;
      insert: Omit<DepartmentRow, 'id' | 'emailDomains'> & { emailDomains?: string[] };
    };
    holiday: { row: HolidayRow; insert: HolidayRow };
    openingHours: { row: OpeningHoursRow; insert: OpeningHoursRow };
    leadershipContact: { row: LeadershipContactRow; insert: Omit<LeadershipContactRow, 'id'> };
  }
}
