// The message for the on-call technician, apart from the step so the one-step form shows it
// without loading the step's rules, the calendar and zod (issue 16 item 3).
import { type Incident } from '../incident/schema';

const brief = (description: string): string => {
  const line = description.trim().split('\n', 1)[0]?.trim() ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
};

/**
 * What the agent tells the on-call technician (kb 001: "Let them know a case came in, name and
 * phone number of the customer, a brief description of the problem, and the case number").
 */
export function oncallMessage(
  incident: Pick<Incident, 'number' | 'callerName' | 'callerPhone' | 'description'>,
  callerPhone?: string,
): string {
  const phone = callerPhone || incident.callerPhone || 'no phone number given';
  return (
    `A case came in: ${incident.number}. Customer: ${incident.callerName}, ${phone}. ` +
    `Problem: ${brief(incident.description)}`
  );
}
