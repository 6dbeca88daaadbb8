import { describe, expect, it } from 'vitest';
import { stepFormToShow } from './step-form-to-show';

const escalate = { name: 'escalate_to_technologists', label: 'Escalate to technologists' } as const;
const resolve = { name: 'resolve', label: 'Resolve', preset: { code: 'x' } } as const;

describe('stepFormToShow', () => {
  it('shows the form the agent opened, else the recommended one', () => {
    expect(
      stepFormToShow({ active: resolve, recommended: escalate, incidentVersion: 3, ranTo: 0 }),
    ).toEqual(resolve);
    expect(
      stepFormToShow({ active: null, recommended: escalate, incidentVersion: 3, ranTo: 0 }),
    ).toEqual(escalate);
    expect(
      stepFormToShow({ active: null, recommended: undefined, incidentVersion: 3, ranTo: 0 }),
    ).toBeNull();
  });

  it('opens no form on a copy older than the agent’s own last step, until the incident catches up', () => {
    // Mark mission critical left the incident at version 4; the decision (escalate) came back first.
    expect(
      stepFormToShow({ active: null, recommended: escalate, incidentVersion: 3, ranTo: 4 }),
    ).toBeNull();
    expect(
      stepFormToShow({ active: escalate, recommended: escalate, incidentVersion: 3, ranTo: 4 }),
    ).toBeNull();
    expect(
      stepFormToShow({ active: null, recommended: escalate, incidentVersion: 4, ranTo: 4 }),
    ).toEqual(escalate);
  });
});
