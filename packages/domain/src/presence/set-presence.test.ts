import { expect, test } from 'vitest';
import { actorFor } from '../incident/test-fixtures';
import { roles } from '../roles';
import { setPresence } from './set-presence';

test.each(roles.map((r) => [r, r === 'cps' || r === 'es'] as const))(
  '%s may set a presence: %s',
  (role, allowed) => {
    const set = () => setPresence({ actor: actorFor(role), presence: 'ready' });
    if (allowed) expect(set()).toEqual({ userId: 10, presence: 'ready' });
    else expect(set).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  },
);
