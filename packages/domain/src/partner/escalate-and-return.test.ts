import { describe, expect, test } from 'vitest';
import { actorFor } from '../incident/test-fixtures';
import {
  canEscalateToTier2,
  escalateNeedsCommentMessage,
  escalateToTier2,
} from './escalate-to-tier2';
import { canReturnToAgent, returnNeedsCommentMessage, returnToAgent } from './return-to-agent';
import {
  domainErrorOf,
  now,
  parker,
  partnerActor,
  partnerEnv,
  piper,
  tatum,
  tier2Actor,
  toby,
} from './test-fixtures';

const stuck =
  'Cleared cookies and tried two browsers; the SSO redirect still loops. HAR file attached.';

describe('escalateToTier2 (kb 003 rule 6 a)', () => {
  test('with a private comment: to Tier 2 Support with no assignee, the relationship kept, every Tier 2 member told', () => {
    const env = partnerEnv('with_partner', partnerActor(), { roundTrips: 1 });
    const result = escalateToTier2(env, {
      incidentId: 1,
      expectedVersion: 3,
      privateComment: `  ${stuck} `,
    });
    expect(result.changes).toEqual({
      ownerTeamId: 12,
      ownerAgentId: null,
      status: 'assigned',
      version: 4,
      updatedAt: now,
    });
    expect(result.relationshipAgentId).toBeUndefined();
    expect(result.journal.map((j) => [j.kind, j.visibility, j.body])).toEqual([
      ['note', 'internal', stuck],
      [
        'system',
        'internal',
        'Parker Partner escalated INC-000042 to Tier 2 Support with a private comment (round trip 2); Parker Partner keeps the customer relationship.',
      ],
    ]);
    expect(result.hop).toMatchObject({
      kind: 'escalated',
      fromTeamId: 13,
      toTeamId: 12,
      toAgentId: null,
      waitedSeconds: 3600,
    });
    expect(result.notifications.map((n) => [n.targetId, n.subject])).toEqual([
      [tatum.id, 'Your input is needed on [INC-000042]'],
      [toby.id, 'Your input is needed on [INC-000042]'],
    ]);
    expect(result.outbox.map((m) => m.toAddress)).toEqual([tatum.email, toby.email]);
    expect(result.outbox[0]?.textBody).toContain(stuck);
  });

  test.each([
    ['no comment at all', undefined],
    ['an empty comment', ''],
    ['only spaces', '   \n '],
  ])('%s → VALIDATION at privateComment, nothing to save', (_name, privateComment) => {
    const error = domainErrorOf(() =>
      escalateToTier2(partnerEnv('with_partner', partnerActor()), {
        incidentId: 1,
        expectedVersion: 3,
        privateComment,
      }),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: escalateNeedsCommentMessage,
      fields: { privateComment: escalateNeedsCommentMessage },
    });
  });

  test.each([
    [
      'an unclaimed ticket',
      partnerEnv('unclaimed', partnerActor()),
      'INVALID_TRANSITION',
      'Claim INC-000042 first: only its assignee escalates it.',
    ],
    [
      'another member of the group',
      partnerEnv('with_partner', partnerActor(piper)),
      'FORBIDDEN',
      'Only Parker Partner, who has INC-000042, may escalate it.',
    ],
    [
      'a ticket already with Tier 2',
      partnerEnv('awaiting_tier2', partnerActor()),
      'INVALID_TRANSITION',
      'INC-000042 is with Tier 2 Support already.',
    ],
    [
      'a Tier 2 agent',
      partnerEnv('with_tier2', tier2Actor()),
      'FORBIDDEN',
      'Your role (tier2) may not escalate channel-partner tickets to Tier 2.',
    ],
    [
      'a closed ticket',
      partnerEnv('with_partner', partnerActor(), { incident: { status: 'closed' } }),
      'INVALID_TRANSITION',
      'INC-000042 is closed; reopen it first.',
    ],
  ])('%s is refused', (_name, env, code, message) => {
    expect(canEscalateToTier2(env)).toBe(message);
    expect(
      domainErrorOf(() =>
        escalateToTier2(env, { incidentId: 1, expectedVersion: 3, privateComment: stuck }),
      ),
    ).toMatchObject({ code, message });
  });

  test('a stale version → CONFLICT', () => {
    expect(
      domainErrorOf(() =>
        escalateToTier2(partnerEnv('with_partner', partnerActor()), {
          incidentId: 1,
          expectedVersion: 2,
          privateComment: stuck,
        }),
      ).code,
    ).toBe('CONFLICT');
  });
});

describe('returnToAgent (kb 003 rule 6 c)', () => {
  const found =
    'The SSO certificate for the portal expired; renewed it. Ask Rita to sign in again.';

  test('back to the original agent and group; that agent is told the next input is theirs; the round trip counts', () => {
    const env = partnerEnv('with_tier2', tier2Actor(), {
      roundTrips: 1,
      lastHopAt: '2026-11-24T15:30:00.000Z',
    });
    const result = returnToAgent(env, { incidentId: 1, expectedVersion: 3, privateComment: found });
    expect(result.changes).toEqual({
      ownerTeamId: 13,
      ownerAgentId: parker.id,
      version: 4,
      updatedAt: now,
    });
    expect(result.journal.map((j) => [j.kind, j.visibility, j.body])).toEqual([
      ['note', 'internal', found],
      [
        'system',
        'internal',
        'Tatum Tier2 returned INC-000042 to Parker Partner (Badger Health Client Support) after 30 min with Tier 2; 2 round trips.',
      ],
    ]);
    expect(result.hop).toMatchObject({
      kind: 'returned',
      fromTeamId: 12,
      toTeamId: 13,
      toAgentId: parker.id,
      waitedSeconds: 1800,
    });
    expect(result.notifications).toEqual([
      expect.objectContaining({
        audience: 'user',
        targetId: parker.id,
        subject: 'Your input is needed on [INC-000042]',
      }),
    ]);
    expect(result.outbox).toEqual([
      expect.objectContaining({
        toAddress: parker.email,
        subject: 'Your input is needed on [INC-000042]',
      }),
    ]);
  });

  test('the private comment may have been written before the return', () => {
    const result = returnToAgent(
      partnerEnv('with_tier2', tier2Actor(), { privateCommentsSincePull: 1 }),
      { incidentId: 1, expectedVersion: 3 },
    );
    expect(result.journal.map((j) => j.kind)).toEqual(['system']);
  });

  test('without any private comment since the pull → VALIDATION', () => {
    const error = domainErrorOf(() =>
      returnToAgent(partnerEnv('with_tier2', tier2Actor()), {
        incidentId: 1,
        expectedVersion: 3,
        privateComment: ' ',
      }),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: returnNeedsCommentMessage('Parker Partner'),
    });
  });

  test.each([
    [
      'another Tier 2 agent',
      partnerEnv('with_tier2', tier2Actor(toby)),
      'FORBIDDEN',
      'Only Tatum Tier2, who pulled INC-000042, may return it.',
    ],
    [
      'a Tier 2 agent before anyone pulled it',
      partnerEnv('awaiting_tier2', tier2Actor()),
      'INVALID_TRANSITION',
      'Pull INC-000042 first: only the Tier 2 agent who has it returns it.',
    ],
    [
      'a ticket that is with the partner',
      partnerEnv('with_partner', tier2Actor()),
      'INVALID_TRANSITION',
      'INC-000042 is not with Tier 2 Support, so there is nothing to return.',
    ],
    [
      'the partner agent',
      partnerEnv('with_tier2', partnerActor()),
      'FORBIDDEN',
      'Your role (partner_agent) may not return channel-partner tickets to the partner agent.',
    ],
    [
      'an admin',
      partnerEnv('with_tier2', actorFor('admin')),
      'FORBIDDEN',
      'Your role (admin) may not return channel-partner tickets to the partner agent.',
    ],
  ])('return by %s is refused', (_name, env, code, message) => {
    expect(canReturnToAgent(env)).toBe(message);
    expect(
      domainErrorOf(() =>
        returnToAgent(env, { incidentId: 1, expectedVersion: 3, privateComment: found }),
      ),
    ).toMatchObject({ code, message });
  });
});
