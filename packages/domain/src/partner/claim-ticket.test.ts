import { describe, expect, test } from 'vitest';
import { actorFor } from '../incident/test-fixtures';
import { canClaimTicket, claimTicket, offersClaim } from './claim-ticket';
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

describe('claimTicket in the partner group (kb 003 rules 4–5)', () => {
  test('the first member to claim becomes the assignee and owns the relationship; the whole group is told', () => {
    const result = claimTicket(partnerEnv('unclaimed', partnerActor(piper)));
    expect(result.changes).toEqual({
      ownerAgentId: piper.id,
      status: 'in_progress',
      version: 4,
      updatedAt: now,
    });
    expect(result.relationshipAgentId).toBe(piper.id);
    expect(result.hop).toEqual({
      kind: 'claimed',
      actorId: piper.id,
      fromTeamId: 13,
      toTeamId: 13,
      toAgentId: piper.id,
      at: now,
      waitedSeconds: 3600,
    });
    expect(result.journal.map((j) => [j.kind, j.visibility, j.body])).toEqual([
      [
        'system',
        'internal',
        'Piper Partner claimed INC-000042 for Badger Health Client Support after it waited 1 h.',
      ],
    ]);
    expect(result.notifications.map((n) => [n.audience, n.targetId, n.subject])).toEqual([
      ['user', parker.id, '[INC-000042] claimed by Piper Partner'],
      ['user', piper.id, '[INC-000042] claimed by Piper Partner'],
    ]);
    expect(result.outbox.map((m) => [m.toAddress, m.subject, m.template])).toEqual([
      [parker.email, '[INC-000042] claimed by Piper Partner', 'partner-claimed'],
      [piper.email, '[INC-000042] claimed by Piper Partner', 'partner-claimed'],
    ]);
  });
});

describe('claimTicket in Tier 2 Support: the pull (kb 003 rule 6 b)', () => {
  test('a Tier 2 member pulls the escalated ticket; the relationship stays with the partner agent', () => {
    const result = claimTicket(
      partnerEnv('awaiting_tier2', tier2Actor(toby), { lastHopAt: '2026-11-24T15:50:00.000Z' }),
    );
    expect(result.changes).toMatchObject({ ownerAgentId: toby.id, status: 'in_progress' });
    expect(result.relationshipAgentId).toBeUndefined();
    expect(result.hop).toMatchObject({
      kind: 'pulled',
      fromTeamId: 12,
      toTeamId: 12,
      toAgentId: toby.id,
      waitedSeconds: 600,
    });
    expect(result.journal[0]?.body).toBe(
      'Toby Tier2 pulled INC-000042 for Tier 2 after it waited 10 min; Parker Partner keeps the customer relationship.',
    );
    expect(result.notifications.map((n) => n.targetId)).toEqual([tatum.id, toby.id]);
  });
});

describe('who may claim, and the refusals', () => {
  test.each([
    [
      'already claimed by another member → who has it',
      partnerEnv('with_partner', partnerActor(piper)),
      'CONFLICT',
      'INC-000042 was already claimed by Parker Partner.',
    ],
    [
      'already pulled by another Tier 2 agent → who has it',
      partnerEnv('with_tier2', tier2Actor(toby)),
      'CONFLICT',
      'INC-000042 was already pulled by Tatum Tier2.',
    ],
    [
      'your own ticket',
      partnerEnv('with_partner', partnerActor(parker)),
      'INVALID_TRANSITION',
      'You already have INC-000042.',
    ],
    [
      'a partner agent of another group',
      partnerEnv('unclaimed', partnerActor({ ...piper, id: 77 }), {
        actor: actorFor('partner_agent', { id: 77, teamIds: [99] }),
      }),
      'FORBIDDEN',
      'Only members of Badger Health Client Support may claim INC-000042.',
    ],
    [
      'a Tier 2 agent before the escalation',
      partnerEnv('unclaimed', tier2Actor()),
      'FORBIDDEN',
      'Only members of Badger Health Client Support may claim INC-000042.',
    ],
    [
      'a partner agent on an escalated ticket',
      partnerEnv('awaiting_tier2', partnerActor(piper)),
      'FORBIDDEN',
      'Only members of Tier 2 Support may claim INC-000042.',
    ],
    [
      'an L1 agent',
      partnerEnv('unclaimed', actorFor('l1')),
      'FORBIDDEN',
      'Your role (l1) may not claim channel-partner tickets.',
    ],
    [
      'a resolved ticket',
      partnerEnv('unclaimed', partnerActor(), { incident: { status: 'resolved' } }),
      'INVALID_TRANSITION',
      'INC-000042 is resolved; reopen it first.',
    ],
  ])('%s', (_name, env, code, message) => {
    expect(canClaimTicket(env)).toBe(message);
    expect(domainErrorOf(() => claimTicket(env))).toMatchObject({ code, message });
  });

  test('nothing stands in the way of a member on an unclaimed ticket', () => {
    expect(canClaimTicket(partnerEnv('unclaimed', partnerActor()))).toBeNull();
    expect(canClaimTicket(partnerEnv('awaiting_tier2', tier2Actor()))).toBeNull();
  });

  test('the wait is measured from the previous hop', () => {
    expect(
      claimTicket(partnerEnv('unclaimed', partnerActor(), { lastHopAt: now })).hop?.waitedSeconds,
    ).toBe(0);
  });
});

// Issue 19 item 6: after escalating, the partner group's agents are not offered a Pull they cannot use.
describe('offersClaim', () => {
  test.each([
    [
      'a partner agent, on an unclaimed ticket of their group',
      () => partnerEnv('unclaimed', partnerActor(piper)),
      true,
    ],
    [
      'a partner agent, once the ticket waits for Tier 2',
      () => partnerEnv('awaiting_tier2', partnerActor(piper)),
      false,
    ],
    [
      'the relationship agent, once the ticket waits for Tier 2',
      () => partnerEnv('awaiting_tier2', partnerActor(parker)),
      false,
    ],
    [
      'a Tier 2 agent, on a ticket waiting for Tier 2',
      () => partnerEnv('awaiting_tier2', tier2Actor(toby)),
      true,
    ],
    [
      'a Tier 2 agent, on an unclaimed partner-group ticket',
      () => partnerEnv('unclaimed', tier2Actor(toby)),
      false,
    ],
  ])('%s → %s', (_name, env, offered) => expect(offersClaim(env())).toBe(offered));
});
