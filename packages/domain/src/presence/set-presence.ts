import '../zod-config';
import { z } from 'zod';
import { assertCan } from '../permissions';
import { type Actor } from '../roles';

import { presenceSchema, type Presence } from '../change/notification';

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
