import '../zod-config';
import { z } from 'zod';
import { assertCan } from '../permissions';
import { type Actor } from '../roles';

import { presenceSchema, type Presence } from '../change/notification';
import { type Effects, effects } from '../change/effects';

export const presenceLabels: Readonly<Record<Presence, string>> = {
  ready: 'Ready',
  not_ready: 'Not ready',
  busy: 'Busy',
};

export const setPresenceSchema = z.object({ presence: presenceSchema });

/** An agent sets their own presence from the header (kb 000 "If there are CPS agents on ready"). */
export function setPresence({ actor, presence }: { actor: Actor; presence: Presence }): {
  userId: number;
  presence: Presence;
} {
  assertCan(actor, 'presence.set');
  return { userId: actor.id, presence };
}

/**
 * The presence change as Effects, announced as a `user` change of the agent's teams so the desks
 * showing "CPS agents ready now" hear of it (issue 17).
 */
export function setPresenceEffects(args: {
  actor: Actor;
  presence: Presence;
  now: string;
}): Effects {
  const set = setPresence(args);
  return effects(args.now, {
    presence: [set],
    events: [
      {
        entity: 'user',
        entityId: args.actor.id,
        kind: 'presence',
        teamIds: [...args.actor.teamIds],
        userIds: [args.actor.id],
        actorId: args.actor.id,
      },
    ],
  });
}
