import '../zod-config';
import { z } from 'zod';
import { idempotencyKeySchema } from '../idempotency/idempotency';
import { incidentEditableSchema } from '../incident/schema';

/** Attachments are stored in the database, so each is small and a case has few (issue 7: "a size limit"). */
export const maxAttachmentBytes = 2 * 1024 * 1024;
export const maxAttachmentsPerCase = 3;
/** The most people a customer can say are affected; a bigger number is a typo, not an outage report. */
export const maxPeopleAffected = 100_000;

/** Bytes a base64 string decodes to, without decoding it. */
export function base64ByteLength(b64: string): number {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - padding;
}

const megabytes = (n: number) => `${(n / (1024 * 1024)).toFixed(0)} MB`;

export const attachmentUploadSchema = z
  .object({
    fileName: z
      .string({ error: 'Name the file' })
      .trim()
      .min(1, 'Name the file')
      .max(200, 'The file name is too long (200 characters at most)'),
    contentType: z.string().trim().max(200).default('application/octet-stream'),
    // A length cap first, so an oversized upload is refused before any further work.
    dataBase64: z
      .string()
      .max(
        Math.ceil(maxAttachmentBytes / 3) * 4,
        `Each file may be at most ${megabytes(maxAttachmentBytes)}`,
      )
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file could not be read; choose it again'),
  })
  .refine((a) => base64ByteLength(a.dataBase64) > 0, {
    path: ['dataBase64'],
    message: 'The file is empty',
  })
  .refine((a) => base64ByteLength(a.dataBase64) <= maxAttachmentBytes, {
    path: ['dataBase64'],
    message: `Each file may be at most ${megabytes(maxAttachmentBytes)}`,
  });
export type AttachmentUpload = z.infer<typeof attachmentUploadSchema>;

const peopleAffectedSchema = z
  .number({ error: 'Give the number of people affected' })
  .int('Give a whole number of people')
  .min(1, 'At least one person (you) is affected')
  .max(maxPeopleAffected, 'That is more people than the university has');

/**
 * A case a customer files in Help Online (kb 000, 004), shared by the portal form and `case.create`.
 * The customer's name and e-mail come from their record; they choose how we contact them.
 */
export const portalCaseCreateSchema = z
  .object({
    serviceId: z.number({ error: 'Choose a service' }).int().positive('Choose a service'),
    description: z
      .string({ error: 'Describe the problem' })
      .trim()
      .min(1, 'Describe the problem')
      .max(10_000, 'The description is too long (10,000 characters at most)'),
    preferredContact: z.enum(['email', 'phone'], { error: 'Choose how we should contact you' }),
    phone: incidentEditableSchema.shape.callerPhone,
    /** kb 000: "Are you calling in for support for something related to work?" */
    workRelated: z.boolean({ error: 'Say whether this is for your university work' }),
    computerName: incidentEditableSchema.shape.computerName,
    /** Primary Tech Partners say how many people the issue affects (kb 004); optional for everyone. */
    peopleAffected: peopleAffectedSchema.optional(),
    attachments: z
      .array(attachmentUploadSchema)
      .max(maxAttachmentsPerCase, `Attach at most ${maxAttachmentsPerCase} files`)
      .default([]),
    /** A retry of the same submission sends the same key and creates nothing (issue 13 item 10). */
    idempotencyKey: idempotencyKeySchema,
  })
  .refine((v) => v.preferredContact !== 'phone' || !!v.phone, {
    path: ['phone'],
    message: 'Give the phone number we should call',
    when: ({ value }) => typeof value === 'object' && value !== null,
  });
export type PortalCaseCreateInput = z.infer<typeof portalCaseCreateSchema>;

/** A customer's note from the portal; answering a request for information may also say how many people are affected. */
export const customerNoteSchema = z.object({
  incidentId: z.number().int().positive(),
  body: z
    .string({ error: 'Write the note first' })
    .trim()
    .min(1, 'Write the note first')
    .max(10_000, 'The note is too long'),
  peopleAffected: peopleAffectedSchema.optional(),
});
export type CustomerNoteInput = z.infer<typeof customerNoteSchema>;
