import { describe, expect, test } from 'vitest';
import { type AgentFacts } from './contract';
import {
  cpsAgent,
  domainErrorOf,
  type EnvOverrides,
  envFor,
  now,
  validInput,
} from './test-fixtures';
import { canTransferToCps, transferToCps } from './transfer-to-cps';

const withAgent = (patch: Partial<AgentFacts> = {}, env: EnvOverrides = {}) =>
  envFor('l1', { agent: { ...cpsAgent, teamIds: [3], ...patch }, ...env });

describe('transferToCps (kb 000 "Begin the Transfer")', () => {
  test('the ready CPS agent owns the incident at once and becomes busy', () => {
    const result = transferToCps(withAgent(), validInput.transfer_to_cps);
    expect(result.changes).toEqual({
      ownerTeamId: 3,
      ownerAgentId: 20,
      classification: 'Transfer to CPS',
      status: 'in_progress',
      version: 4,
      updatedAt: now,
    });
    expect(result.audit.map((a) => a.field)).toEqual([
      'ownerTeamId',
      'ownerAgentId',
      'classification',
      'status',
    ]);
    expect(result.journal.map((j) => j.body)).toEqual([
      'Transferred live to Pat Partner (US - Help Desk CPS).',
    ]);
    expect(result.presence).toEqual([{ userId: 20, presence: 'busy' }]);
    expect(result.notifications.map((n) => [n.audience, n.targetId, n.template])).toEqual([
      ['team', 3, 'assigned'],
      ['user', 20, 'assigned'],
    ]);
  });

  test('earlier callback promises are dropped: a live agent has the customer', () => {
    const result = transferToCps(
      withAgent({}, { incident: { promises: { contactBy: now } } }),
      validInput.transfer_to_cps,
    );
    expect(result.changes.promises).toEqual({});
  });

  test.each([
    [
      'the agent is busy',
      withAgent({ presence: 'busy' }),
      'Pat Partner is not ready (busy); choose a ready CPS agent.',
    ],
    [
      'the agent is not ready',
      withAgent({ presence: 'not_ready' }),
      'Pat Partner is not ready (not ready); choose a ready CPS agent.',
    ],
    [
      'the agent is not in CPS',
      withAgent({ teamIds: [4] }),
      'Pat Partner is not a member of US - Help Desk CPS.',
    ],
    [
      'no CPS agent is ready',
      envFor('l1', { cpsAgentsReady: 0 }),
      'No CPS agent is ready; use Assign to CPS for a callback instead.',
    ],
    [
      'a CPS agent owns it already',
      withAgent({}, { incident: { ownerTeamId: 3, ownerAgentId: 21 } }),
      'INC-000001 is already owned by a CPS agent.',
    ],
  ])('%s → INVALID_TRANSITION', (_name, env, message) => {
    expect(canTransferToCps(env)).toBe(message);
    expect(domainErrorOf(() => transferToCps(env, validInput.transfer_to_cps))).toMatchObject({
      code: 'INVALID_TRANSITION',
      message,
    });
  });

  test('the button is enabled before an agent is chosen', () => {
    expect(canTransferToCps(envFor('l1', { cpsAgentsReady: 2 }))).toBeNull();
  });

  test.each([
    ['no agent chosen', envFor('l1')],
    ['the env agent is not the chosen one', withAgent({ id: 21 })],
  ])('%s → VALIDATION cpsAgentId', (_name, env) => {
    const error = domainErrorOf(() => transferToCps(env, validInput.transfer_to_cps));
    expect(error).toMatchObject({
      code: 'VALIDATION',
      fields: { cpsAgentId: 'Choose a ready CPS agent.' },
    });
  });
});
