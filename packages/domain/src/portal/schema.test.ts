import { describe, expect, test } from 'vitest';
import {
  base64ByteLength,
  customerNoteSchema,
  maxAttachmentBytes,
  portalCaseCreateSchema,
} from './schema';

const valid = {
  serviceId: 11,
  description: 'Remote Desktop Gateway refuses every connection from our office.',
  preferredContact: 'email',
  workRelated: true,
};
const file = (bytes: number, fileName = 'screenshot.png') => ({
  fileName,
  contentType: 'image/png',
  dataBase64: Buffer.alloc(bytes, 7).toString('base64'),
});

function fieldMessages(input: unknown): Record<string, string> {
  const result = portalCaseCreateSchema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) out[issue.path.join('.')] ??= issue.message;
  return out;
}

describe('portalCaseCreateSchema', () => {
  test('a minimal case parses, with no attachments', () => {
    expect(portalCaseCreateSchema.parse(valid)).toEqual({ ...valid, attachments: [] });
  });

  test.each([
    ['phone preferred with a phone', { preferredContact: 'phone', phone: '608-555-0142' }],
    ['people affected', { peopleAffected: 40 }],
    ['a computer name', { computerName: 'SOE-LT-7' }],
    ['three small files', { attachments: [file(10), file(20), file(maxAttachmentBytes)] }],
    ['a blank phone with e-mail preferred', { phone: '  ' }],
  ])('accepts %s', (_name, change) => {
    expect(portalCaseCreateSchema.safeParse({ ...valid, ...change }).success).toBe(true);
  });

  test.each([
    ['no service', { serviceId: undefined }, 'serviceId', 'Choose a service'],
    ['a blank description', { description: '   ' }, 'description', 'Describe the problem'],
    [
      'no contact preference',
      { preferredContact: undefined },
      'preferredContact',
      'Choose how we should contact you',
    ],
    [
      'phone preferred without a number',
      { preferredContact: 'phone' },
      'phone',
      'Give the phone number we should call',
    ],
    [
      'a malformed phone',
      { preferredContact: 'phone', phone: 'soon' },
      'phone',
      'Enter a phone number such as 608-555-0100',
    ],
    [
      'the work question unanswered',
      { workRelated: undefined },
      'workRelated',
      'Say whether this is for your university work',
    ],
    [
      'nobody affected',
      { peopleAffected: 0 },
      'peopleAffected',
      'At least one person (you) is affected',
    ],
    ['half a person', { peopleAffected: 1.5 }, 'peopleAffected', 'Give a whole number of people'],
    [
      'four files',
      { attachments: [file(1), file(1), file(1), file(1)] },
      'attachments',
      'Attach at most 3 files',
    ],
    [
      'a file over the limit',
      { attachments: [file(maxAttachmentBytes + 1)] },
      'attachments.0.dataBase64',
      'Each file may be at most 2 MB',
    ],
    ['an empty file', { attachments: [file(0)] }, 'attachments.0.dataBase64', 'The file is empty'],
    [
      'a file that is not base64',
      { attachments: [{ fileName: 'a.txt', dataBase64: 'not base64!' }] },
      'attachments.0.dataBase64',
      'The file could not be read; choose it again',
    ],
    [
      'a file with no name',
      { attachments: [{ ...file(3), fileName: ' ' }] },
      'attachments.0.fileName',
      'Name the file',
    ],
  ])('%s → refused at %s', (_name, change, field, message) => {
    const messages = fieldMessages({ ...valid, ...change });
    expect(Object.keys(messages)).toEqual([field]);
    expect(messages[field]).toBe(message);
  });
});

describe('base64ByteLength', () => {
  test.each([0, 1, 2, 3, 4, 5, 1000])('%i bytes', (n) => {
    expect(base64ByteLength(Buffer.alloc(n).toString('base64'))).toBe(n);
  });
});

describe('customerNoteSchema', () => {
  test.each([
    ['a blank note', { body: ' ' }, 'Write the note first'],
    [
      'a negative head count',
      { body: 'x', peopleAffected: -2 },
      'At least one person (you) is affected',
    ],
  ])('%s is refused', (_name, change, message) => {
    const result = customerNoteSchema.safeParse({ incidentId: 1, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});
