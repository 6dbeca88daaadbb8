import { describe, expect, test } from 'vitest';
import { actorFor } from '../incident/test-fixtures';
import { type Incident } from '../incident/schema';
import { oneStepNames } from './contract';
import { availableOneSteps, oneSteps } from './registry';
import { domainErrorOf, envFor, validInput } from './test-fixtures';

// A Badger Health ticket (team 13) that Parker (id 30) claimed; Tier 2 is team 12.
const partner = actorFor('partner_agent', { id: 30, name: 'Parker Partner', teamIds: [13] });
const ticketEnv = (actor = partner, incident: Partial<Incident> = {}) =>
  envFor(actor.role, {
    actor,
    incident: { ownerTeamId: 13, ownerAgentId: 30, status: 'in_progress', ...incident },
    partnerTicket: { partnerTeamId: 13, relationshipAgentId: 30 },
  });
const handOff =
  'INC-000001 is a channel-partner ticket: it changes hands only by Claim, Escalate to Tier 2 and Return to agent.';

describe('one-steps on a channel-partner ticket (kb 003)', () => {
  test('Take ownership cannot bypass the claim: a Tier 2 agent or another member is sent to the partner steps', () => {
    const tier2 = actorFor('tier2', { id: 40, teamIds: [12] });
    const env = ticketEnv(tier2, { ownerTeamId: 12, ownerAgentId: null, status: 'assigned' });
    expect(oneSteps.take_ownership.can(env)).toBe(handOff);
    expect(
      domainErrorOf(() => oneSteps.take_ownership.run(env, validInput.take_ownership)),
    ).toMatchObject({ code: 'INVALID_TRANSITION', message: handOff });
  });

  // HDQA has every hand-off one-step, so only the partner rule can disable them here.
  test.each(oneStepNames.filter((n) => !['resolve', 'close', 'reopen'].includes(n)))(
    '%s is refused with the reason',
    (name) => {
      const env = envFor('hdqa', {
        incident: { ownerTeamId: 13 },
        partnerTicket: { partnerTeamId: 13, relationshipAgentId: 30 },
      });
      expect(availableOneSteps(env).find((s) => s.name === name)).toMatchObject({
        permitted: true,
        disabledReason: handOff,
      });
      expect(
        availableOneSteps({ ...env, partnerTicket: undefined }).find((s) => s.name === name)
          ?.disabledReason,
      ).not.toBe(handOff);
    },
  );

  test('the relationship agent resolves it while they hold it', () => {
    expect(oneSteps.resolve.can(ticketEnv())).toBeNull();
  });

  test.each([
    [
      'a Tier 2 agent',
      ticketEnv(actorFor('tier2', { id: 40, teamIds: [12] }), {
        ownerTeamId: 12,
        ownerAgentId: 40,
      }),
    ],
    [
      'the relationship agent while Tier 2 has it',
      ticketEnv(partner, { ownerTeamId: 12, ownerAgentId: 40 }),
    ],
  ])('%s may not resolve it', (_name, env) => {
    expect(domainErrorOf(() => oneSteps.resolve.run(env, validInput.resolve))).toMatchObject({
      code: 'FORBIDDEN',
      message:
        'INC-000001 is a channel-partner ticket: the partner agent who owns the requester relationship resolves it, while it is with them.',
    });
  });

  test('incidents that are not partner tickets are untouched', () => {
    expect(
      oneSteps.take_ownership.can(envFor('l1', { incident: { ownerAgentId: 99 } })),
    ).toBeNull();
  });
});
