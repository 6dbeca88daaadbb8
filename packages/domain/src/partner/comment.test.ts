import { describe, expect, test } from 'vitest';
import { actorFor } from '../incident/test-fixtures';
import { type Visibility } from '../incident/schema';
import { type Actor } from '../roles';
import { canCommentOnTicket, commentOnTicket } from './comment';
import {
  domainErrorOf,
  now,
  parker,
  partnerActor,
  partnerEnv,
  piper,
  requester,
  requesterActor,
  tatum,
  tier2Actor,
  type Phase,
} from './test-fixtures';

const allowed = null;
const tier2Public =
  'Tier 2 comments are private: the requester deals only with Parker Partner. Write a private comment and return the ticket to the agent.';

describe('who may write which comment (kb 003 rules 6–7)', () => {
  test.each<[string, Phase, Actor, Visibility, string | null]>([
    ['the relationship agent, public', 'with_partner', partnerActor(), 'customer', allowed],
    ['the relationship agent, private', 'with_partner', partnerActor(), 'internal', allowed],
    [
      'the relationship agent, public while Tier 2 works it (they keep the requester)',
      'with_tier2',
      partnerActor(),
      'customer',
      allowed,
    ],
    ['another group member, private', 'with_partner', partnerActor(piper), 'internal', allowed],
    [
      'another group member, public',
      'with_partner',
      partnerActor(piper),
      'customer',
      'Only Parker Partner, who owns the relationship with the requester, answers them; add a private comment instead.',
    ],
    [
      'a group member before anyone claimed it, public',
      'unclaimed',
      partnerActor(piper),
      'customer',
      'Claim INC-000042 first: the agent who claims it answers the requester.',
    ],
    ['Tier 2, private', 'with_tier2', tier2Actor(), 'internal', allowed],
    ['Tier 2, public', 'with_tier2', tier2Actor(), 'customer', tier2Public],
    ['the requester, public', 'with_tier2', requesterActor(), 'customer', allowed],
    [
      'the requester, private',
      'with_partner',
      requesterActor(),
      'internal',
      'Your comments are always visible to the agent and to you.',
    ],
    [
      'an L1 agent',
      'with_partner',
      actorFor('l1'),
      'internal',
      'Your role (l1) may not comment on channel-partner tickets.',
    ],
    [
      'a Tier 2 agent not in Tier 2 Support',
      'with_partner',
      actorFor('tier2', { id: 78, teamIds: [99] }),
      'internal',
      'Only Badger Health Client Support and Tier 2 Support comment on INC-000042.',
    ],
    ['an admin, private', 'with_partner', actorFor('admin'), 'internal', allowed],
  ])('%s', (_name, phase, actor, visibility, refusal) => {
    const env = partnerEnv(phase, actor);
    expect(canCommentOnTicket(env, visibility)).toBe(refusal);
    if (refusal)
      expect(domainErrorOf(() => commentOnTicket(env, { body: 'Hello', visibility })).message).toBe(
        refusal,
      );
    else
      expect(commentOnTicket(env, { body: 'Hello', visibility }).journal).toEqual([
        expect.objectContaining({ visibility, body: 'Hello' }),
      ]);
  });

  test("another customer's comment is refused as if the ticket did not exist", () => {
    const stranger = actorFor('customer', { id: 51, customerId: 999 });
    expect(
      domainErrorOf(() =>
        commentOnTicket(partnerEnv('with_partner', stranger), {
          body: 'Hi',
          visibility: 'customer',
        }),
      ).code,
    ).toBe('NOT_FOUND');
  });

  test.each<[string, Phase]>([
    ['while the group holds it', 'with_partner'],
    ['while Tier 2 holds it', 'with_tier2'],
  ])(
    'a partner agent of another group is refused as if the ticket did not exist, %s',
    (_name, phase) => {
      const outsider = actorFor('partner_agent', { id: 77, teamIds: [99] });
      const error = domainErrorOf(() =>
        commentOnTicket(partnerEnv(phase, outsider), { body: 'Hi', visibility: 'internal' }),
      );
      expect(error).toMatchObject({
        code: 'NOT_FOUND',
        message: 'No incident INC-000042 that you can see.',
      });
    },
  );
});

describe('what a comment hands on', () => {
  test("the agent's public answer: the requester's turn, e-mailed with the agent's name and words only", () => {
    const result = commentOnTicket(partnerEnv('with_partner', partnerActor()), {
      body: 'Please sign in again now.',
      visibility: 'customer',
    });
    expect(result.changes).toEqual({ status: 'pending_customer', version: 4, updatedAt: now });
    expect(result.journal).toEqual([
      expect.objectContaining({
        kind: 'note',
        visibility: 'customer',
        data: { from: 'partner_agent', via: 'web' },
      }),
    ]);
    expect(result.notifications).toEqual([]);
    expect(result.outbox).toEqual([
      {
        incidentId: 1,
        template: 'partner-public-reply',
        toAddress: requester.email,
        toName: requester.name,
        subject: 'Your input is needed on [INC-000042]',
        textBody:
          'Parker Partner (Badger Health Client Support) wrote:\n\nPlease sign in again now.\n\nReply to this e-mail, or add a comment to INC-000042 in Help Online.',
        autoSubmitted: false,
      },
    ]);
  });

  test('a public answer while Tier 2 holds the ticket leaves its status alone', () => {
    expect(
      commentOnTicket(partnerEnv('with_tier2', partnerActor()), {
        body: 'Still on it.',
        visibility: 'customer',
      }).changes,
    ).toEqual({});
  });

  test("the requester's reply: back to in progress, the relationship agent told their input is needed", () => {
    const env = partnerEnv('with_partner', requesterActor(), {
      incident: { status: 'pending_customer' },
    });
    const result = commentOnTicket(env, { body: 'Works now, thanks!', visibility: 'customer' });
    expect(result.changes).toEqual({ status: 'in_progress', version: 4, updatedAt: now });
    expect(result.journal[0]?.data).toEqual({ from: 'requester', via: 'web' });
    expect(result.notifications).toEqual([
      expect.objectContaining({
        targetId: parker.id,
        subject: 'Your input is needed on [INC-000042]',
      }),
    ]);
    expect(result.outbox.map((m) => m.toAddress)).toEqual([parker.email]);
  });

  test.each([
    ['with its agent', 'with_partner', 'in_progress'],
    ['in the group queue when nobody holds it', 'unclaimed', 'assigned'],
  ] as const)(
    "the requester's reply to a resolved ticket reopens it %s",
    (_name, phase, status) => {
      const env = partnerEnv(phase, requesterActor(), { incident: { status: 'resolved' } });
      const result = commentOnTicket(env, {
        body: 'It broke again.',
        visibility: 'customer',
        via: 'email',
      });
      expect(result.changes).toEqual({ status, version: 4, updatedAt: now });
      expect(result.audit).toEqual([
        expect.objectContaining({ field: 'status', fromValue: 'resolved', toValue: status }),
      ]);
    },
  );

  test('a closed ticket takes no comment', () => {
    const env = partnerEnv('with_partner', requesterActor(), { incident: { status: 'closed' } });
    expect(
      domainErrorOf(() => commentOnTicket(env, { body: 'Hello?', visibility: 'customer' })).message,
    ).toBe('INC-000042 is closed; reopen it first.');
  });

  test('a requester reply before anyone claimed it tells the whole group', () => {
    const result = commentOnTicket(partnerEnv('unclaimed', requesterActor()), {
      body: 'More detail: it fails on the iPad too.',
      visibility: 'customer',
    });
    expect(result.changes).toEqual({});
    expect(result.notifications.map((n) => n.targetId)).toEqual([parker.id, piper.id]);
  });

  test('a private comment tells nobody and changes nothing but the journal', () => {
    const result = commentOnTicket(partnerEnv('with_tier2', tier2Actor()), {
      body: 'Checked the IdP logs.',
      visibility: 'internal',
    });
    expect(result).toMatchObject({
      changes: {},
      audit: [],
      notifications: [],
      outbox: [],
      hop: null,
    });
    expect(result.journal).toEqual([
      expect.objectContaining({ kind: 'note', visibility: 'internal', authorId: tatum.id }),
    ]);
  });

  test('an e-mail reply is journaled as an e-mail', () => {
    const result = commentOnTicket(partnerEnv('with_partner', partnerActor()), {
      body: 'Try now.',
      visibility: 'customer',
      via: 'email',
    });
    expect(result.journal[0]).toMatchObject({
      kind: 'email',
      visibility: 'customer',
      data: { from: 'partner_agent', via: 'email' },
    });
  });
});
