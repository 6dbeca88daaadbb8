import { describe, expect, test } from 'vitest';
import { portalCaseState } from './case-state';

describe('portalCaseState', () => {
  test.each([
    [
      'an escalated TP case',
      {
        status: 'assigned',
        tpTriage: 'escalated',
        promises: { respondBy: '2026-11-25T16:00:00Z' },
      },
      { waitingForYou: false, escalatedToTechnologists: true, respondBy: '2026-11-25T16:00:00Z' },
    ],
    [
      'a case waiting for the customer',
      { status: 'pending_customer', tpTriage: 'info_requested', promises: {} },
      { waitingForYou: true, escalatedToTechnologists: false, respondBy: null },
    ],
    [
      'a CPS case with promises, not escalated',
      { status: 'assigned', tpTriage: null, promises: { respondBy: 'x', contactBy: 'y' } },
      { waitingForYou: false, escalatedToTechnologists: false, respondBy: null },
    ],
  ] as const)('%s', (_name, incident, state) => {
    expect(portalCaseState(incident)).toEqual(state);
  });
});
