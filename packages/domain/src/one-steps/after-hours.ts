// kb 001 "For ALL incidents, gather the following minimum required information", shared by
// Assign to EAST and Page on-call.
import { type Incident } from '../incident/schema';
import { urgencyLabels } from '../incident/constants';
import { type FieldErrors } from '../change/refusal';

interface AfterHoursInput {
  callerPhone?: string;
  urgency: NonNullable<Incident['urgency']>;
  expectation: string;
}

export function afterHoursFieldErrors(incident: Incident, input: AfterHoursInput): FieldErrors {
  return input.callerPhone || incident.callerPhone
    ? {}
    : {
        callerPhone:
          'Give the customer’s phone number: after-hours handling needs full contact details.',
      };
}

/** The handling fields the after-hours steps write onto the incident. */
export function afterHoursChanges(incident: Incident, input: AfterHoursInput): Partial<Incident> {
  return {
    callerPhone: input.callerPhone ?? incident.callerPhone,
    urgency: input.urgency,
    expectation: input.expectation,
  };
}

// The agent's own words may already end a sentence.
const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/** "Urgency: … Expectation given: …", as full sentences for the system journal entry. */
export const handlingText = (input: AfterHoursInput): string =>
  `Urgency: ${urgencyLabels[input.urgency]}. Expectation given: ${sentence(input.expectation)}`;
