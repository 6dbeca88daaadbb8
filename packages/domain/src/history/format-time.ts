/** The help desk's zone: every time a person reads is shown in it. */
export const deskTimeZone = 'America/Chicago';

const deskFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: deskTimeZone,
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/**
 * An instant as the app shows it ("Tue, Dec 1, 2:00 PM", America/Chicago: the format of the UI's
 * `<Time>`), with plain spaces (ICU puts a narrow no-break space before AM/PM). Not an instant: as given.
 */
export function formatDeskTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return deskFormat.format(ms).replace(/[\u202f\u00a0]/g, ' ');
}
