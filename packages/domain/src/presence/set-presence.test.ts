import { expect, test } from 'vitest';
import { actorFor } from '../incident/test-fixtures';
import { roles } from '../roles';
import { setPresence, setPresenceEffects } from './set-presence';

test.each(roles.map((r) => [r, r === 'cps' || r === 'es'] as const))(
  '%s may set a presence: %s',
  (role, allowed) => {
    const set = () => setPresence({ actor: actorFor(role), presence: 'ready' });
    if (allowed) expect(set()).toEqual({ userId: 10, presence: 'ready' });
    else expect(set).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  },
);

test("a presence change is announced to the agent's teams as a user change", () => {
  const e = setPresenceEffects({
    actor: actorFor('cps', { teamIds: [3] }),
    presence: 'busy',
    now: '2026-11-24T16:00:00.000Z',
  });
  expect(e.presence).toEqual([{ userId: 10, presence: 'busy' }]);
  expect(e.events).toEqual([
    { entity: 'user', entityId: 10, kind: 'presence', teamIds: [3], userIds: [10], actorId: 10 },
  ]);
});
