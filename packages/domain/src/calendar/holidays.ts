/**
 * University of Wisconsin–Madison legal holidays for 2026 and 2027, as the dates the
 * university observes them (a holiday falling on a weekend moves to the nearest
 * weekday, and the year-end pair moves back together, as UW did in 2021).
 * Demo data: production passes its own list through the calendar context.
 */
export const universityHolidays = [
  { date: '2026-01-01', name: "New Year's Day" },
  { date: '2026-01-19', name: 'Martin Luther King Jr. Day' },
  { date: '2026-05-25', name: 'Memorial Day' },
  { date: '2026-06-19', name: 'Juneteenth' },
  { date: '2026-07-03', name: 'Independence Day (observed)' },
  { date: '2026-09-07', name: 'Labor Day' },
  { date: '2026-11-26', name: 'Thanksgiving Day' },
  { date: '2026-11-27', name: 'Day after Thanksgiving' },
  { date: '2026-12-24', name: 'Christmas Eve' },
  { date: '2026-12-25', name: 'Christmas Day' },
  { date: '2026-12-31', name: "New Year's Eve" },
  { date: '2027-01-01', name: "New Year's Day" },
  { date: '2027-01-18', name: 'Martin Luther King Jr. Day' },
  { date: '2027-05-31', name: 'Memorial Day' },
  { date: '2027-06-18', name: 'Juneteenth (observed)' },
  { date: '2027-07-05', name: 'Independence Day (observed)' },
  { date: '2027-09-06', name: 'Labor Day' },
  { date: '2027-11-25', name: 'Thanksgiving Day' },
  { date: '2027-11-26', name: 'Day after Thanksgiving' },
  // Christmas Eve is a Friday and Christmas a Saturday in 2027: both move back a day.
  { date: '2027-12-23', name: 'Christmas Eve (observed)' },
  { date: '2027-12-24', name: 'Christmas Day (observed)' },
  // New Year's Day 2028 is a Saturday: it and New Year's Eve are observed on Dec 30–31.
  { date: '2027-12-30', name: "New Year's Eve (observed)" },
  { date: '2027-12-31', name: "New Year's Day 2028 (observed)" },
] as const satisfies readonly { date: string; name: string }[];

/** The demo holiday dates (ISO local dates, America/Chicago) the calendar uses by default. */
export const demoHolidays: readonly string[] = universityHolidays.map((h) => h.date);
