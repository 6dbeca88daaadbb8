import '../zod-config';
import { z } from 'zod';

export const notificationAudiences = ['team', 'user', 'customer'] as const;
/** An in-app message to queue on an incident (the notifications table); e-mail goes through the outbox. */
export interface NotificationDraft {
  audience: (typeof notificationAudiences)[number];
  /** Team id or user id; null for the incident's customer. */
  targetId: number | null;
  template: string;
  subject: string;
  body: string;
}

/** CPS and ES agents' availability for live work (DOMAIN.md §2; kb 000 "agents on ready"). */
export const presences = ['ready', 'not_ready', 'busy'] as const;
export const presenceSchema = z.enum(presences);
export type Presence = z.infer<typeof presenceSchema>;
