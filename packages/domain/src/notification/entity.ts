// In-app notifications (table notifications) as the commit kernel knows them. The kernel's
// `notifications` effect inserts them with an incident change; marking them read is an update here.
import { type NotificationDraft } from '../change/notification';

export interface NotificationRow extends NotificationDraft {
  id: number;
  incidentId: number | null;
  createdAt: string;
  readAt: string | null;
}

declare module '../change/entities' {
  interface Entities {
    notification: {
      row: NotificationRow;
      insert: Omit<NotificationRow, 'id' | 'readAt'> & { readAt?: string | null };
    };
  }
}
