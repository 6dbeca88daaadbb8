// Filling a script is all the route panel does with one, so it lives apart from the scripts that
// format promised times with the calendar (luxon) and stays out of the incident page's bundle.

/** Stands for the incident number in a script until the incident is saved. */
export const incidentNumberPlaceholder = '{incidentNumber}';

/** A script with its placeholders filled in, ready to read to the customer. */
export function fillScript(script: string, values: { incidentNumber: string }): string {
  return script.replaceAll(incidentNumberPlaceholder, values.incidentNumber);
}
