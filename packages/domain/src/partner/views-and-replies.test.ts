import { describe, expect, test } from 'vitest';
import { actorFor } from '../incident/test-fixtures';
import { emailReplyVisibility } from './email-reply';
import { formatWait, phaseOf, roundTripsText } from './hops';
import { requesterAuthorLabel } from './requester-view';
import { parker, partnerActor, piper, requesterActor, tier2Actor } from './test-fixtures';

describe('formatWait', () => {
  test.each([
    [0, '0 s'],
    [59, '59 s'],
    [60, '1 min'],
    [3599, '59 min'],
    [3600, '1 h'],
    [3600 + 5 * 60, '1 h 5 min'],
    [86_400, '1 d'],
    [2 * 86_400 + 4 * 3600 + 59, '2 d 4 h'],
  ])('%i s → %s', (seconds, text) => expect(formatWait(seconds)).toBe(text));
});

test.each([
  [0, '0 round trips'],
  [1, '1 round trip'],
  [2, '2 round trips'],
])('roundTripsText(%i) = %s', (n, text) => expect(roundTripsText(n)).toBe(text));

describe('phaseOf', () => {
  const ticket = { partnerTeamId: 13 };
  test.each([
    [{ status: 'new', ownerTeamId: 13, ownerAgentId: null }, 'unclaimed'],
    [{ status: 'in_progress', ownerTeamId: 13, ownerAgentId: 30 }, 'with_partner'],
    [{ status: 'assigned', ownerTeamId: 12, ownerAgentId: null }, 'awaiting_tier2'],
    [{ status: 'in_progress', ownerTeamId: 12, ownerAgentId: 40 }, 'with_tier2'],
    [{ status: 'resolved', ownerTeamId: 13, ownerAgentId: 30 }, 'done'],
  ] as const)('%o → %s', (incident, phase) => expect(phaseOf(incident, ticket, 12)).toBe(phase));
});

describe('requesterAuthorLabel: every answer is from the partner side', () => {
  const ticket = { partnerTeamName: 'Badger Health Client Support', relationshipAgent: parker };
  test.each([
    ['their own comment', { from: 'requester' }, 'You'],
    [
      "the agent's answer",
      { from: 'partner_agent' },
      'Parker Partner, Badger Health Client Support',
    ],
    [
      'any other visible entry (a resolution)',
      { resolution: true },
      'Parker Partner, Badger Health Client Support',
    ],
    ['an entry without data', null, 'Parker Partner, Badger Health Client Support'],
  ])('%s', (_name, data, label) => expect(requesterAuthorLabel({ data }, ticket)).toBe(label));

  test('before anyone claimed it: the group', () => {
    expect(requesterAuthorLabel({ data: null }, { ...ticket, relationshipAgent: null })).toBe(
      'Badger Health Client Support',
    );
  });
});

describe('emailReplyVisibility (kb 003: agents may work tickets by e-mail)', () => {
  const ticket = { partnerTeamId: 13, relationshipAgent: parker };
  test.each([
    ['the relationship agent → public', partnerActor(), 'customer'],
    ['another group member → private', partnerActor(piper), 'internal'],
    ['a Tier 2 agent → private', tier2Actor(), 'internal'],
    ['the requester → public', requesterActor(), 'customer'],
  ])('%s', (_name, actor, visibility) =>
    expect(emailReplyVisibility(actor, ticket, 12)).toBe(visibility),
  );

  test('anyone else is refused', () => {
    expect(() => emailReplyVisibility(actorFor('l1', { name: 'Lee' }), ticket, 12)).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message:
          'Lee is neither the requester nor an agent of this ticket, so their e-mail cannot be added to it.',
      }),
    );
  });
});
