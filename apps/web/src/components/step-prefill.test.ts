import { describe, expect, test } from 'vitest';
import { escalationTeamOf, technologistGroupOf } from './step-prefill';

// Issue 19 item 6: the escalation forms open on the group or team the routing decision names.
describe('technologistGroupOf', () => {
  test.each([
    [{ technologistGroup: 'DRMT' }, 'DRMT'],
    [{ technologistGroup: 'SNCC-Network' }, 'SNCC'],
    [{ technologistGroup: 'Nobody we know' }, undefined],
    [{}, undefined],
    [undefined, undefined],
  ])('%o → %s', (decision, group) => expect(technologistGroupOf(decision)).toBe(group));
});

describe('escalationTeamOf', () => {
  const teams = [
    { value: '4', label: 'Middleware' },
    { value: '5', label: 'DRMT' },
  ];
  test.each([
    [{ escalationTeam: 'Middleware' }, '4'],
    [{ escalationTeam: 'IIAT' }, undefined],
    [{}, undefined],
  ])('%o → team %s', (decision, value) =>
    expect(escalationTeamOf(decision, teams)?.value).toBe(value),
  );
});
