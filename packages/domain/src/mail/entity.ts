// The mail intake's rows as the commit kernel knows them: each received message (threading index,
// flood counter, Mail page counters) and the files that came with it.
import { type Visibility } from '../incident/schema';

export const inboundOutcomes = [
  'created',
  'appended',
  'reopened',
  'follow_up',
  'ignored',
  'rejected',
] as const;
export type InboundOutcome = (typeof inboundOutcomes)[number];

/** One received message and what became of it. */
export interface InboundMailRow {
  id: number;
  messageId: string | null;
  envelopeFrom: string;
  fromAddress: string | null;
  subject: string;
  outcome: InboundOutcome;
  reason: string | null;
  incidentId: number | null;
  size: number;
  attachmentCount: number;
  receivedAt: string;
}

/** A file that came with an e-mail (content null when it was not kept). */
export interface AttachmentRow {
  id: number;
  incidentId: number;
  inboundMailId: number | null;
  filename: string;
  contentType: string;
  size: number;
  content: Uint8Array | null;
  skippedReason: string | null;
  visibility: Visibility;
  uploadedById: number | null;
  createdAt: string;
}

declare module '../change/entities' {
  interface Entities {
    inboundMail: { row: InboundMailRow; insert: Omit<InboundMailRow, 'id'> };
    attachment: {
      row: AttachmentRow;
      insert: Omit<AttachmentRow, 'id' | 'uploadedById'> & { uploadedById?: number | null };
    };
  }
}
