// What every received message leaves behind: its inbound_mail row (threading index, flood counter,
// Mail page counters) and the files that came with it, pointed at the incident it became or joined.
import { effects, insertRow, ref, type Effects, type EntityId } from '../change';
import { type Visibility } from '../incident/schema';
import { type InboundMailRow, type InboundOutcome } from './entity';

/** The ref of the inbound_mail row an intake inserts (its attachments point at it). */
export const inboundMailRef = ref('inbound');

export interface IntakeAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Uint8Array;
}

export type IntakeHeaders = Omit<InboundMailRow, 'id' | 'outcome' | 'reason' | 'incidentId'>;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * The log row of one message with its outcome, and its attachments when it joined an incident (an
 * attachment over `maxAttachmentBytes` is listed without its content, saying why).
 */
export function intakeLog(
  at: string,
  {
    headers,
    outcome,
    reason = null,
    incidentId = null,
    attachments = [],
    maxAttachmentBytes = 0,
    visibility = 'customer',
  }: {
    headers: IntakeHeaders;
    outcome: InboundOutcome;
    reason?: string | null;
    incidentId?: EntityId | null;
    attachments?: readonly IntakeAttachment[];
    maxAttachmentBytes?: number;
    visibility?: Visibility;
  },
): Effects {
  const kept = incidentId === null ? [] : attachments;
  return effects(at, {
    writes: [
      insertRow('inboundMail', { ...headers, outcome, reason, incidentId }, inboundMailRef.ref),
      ...kept.map((a) => {
        const tooBig = a.size > maxAttachmentBytes;
        return insertRow('attachment', {
          incidentId: incidentId!,
          inboundMailId: inboundMailRef,
          filename: a.filename,
          contentType: a.contentType,
          size: a.size,
          content: tooBig ? null : a.content,
          skippedReason: tooBig
            ? `Not stored: ${mb(a.size)} is over the ${mb(maxAttachmentBytes)} limit.`
            : null,
          visibility,
          createdAt: at,
        });
      }),
    ],
    events: [
      {
        entity: 'inboundMail',
        entityId: inboundMailRef,
        kind: outcome,
        teamIds: [],
        userIds: [],
        actorId: null,
      },
    ],
  });
}
