import { z } from 'zod';
import { assertCan } from '../permissions';
import { type Actor } from '../roles';

/** CPS and ES agents' availability for live work (DOMAIN.md §2; kb 000 "agents on ready"). */
export const presences = ['ready', 'not_ready', 'busy'] as const;
export const presenceSchema = z.enum(presences);
export type Presence = z.infer<typeof presenceSchema>;

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
