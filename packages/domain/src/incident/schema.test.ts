import { describe, expect, test } from 'vitest';
import { incidentCreateSchema, incidentPatchSchema } from './schema';

const valid = {
  callerName: 'Casey Customer',
  callerPhone: '608-555-0100',
  callerEmail: 'ccustomer@grad.wisc.edu',
  serviceId: 6,
  description: 'Forgot NetID password after returning from leave.',
  channel: 'phone',
  computerName: 'GRAD-LT-042',
  firstNote: 'Verified identity.',
};

/** The messages zod reports, keyed by the dotted field path. */
function fieldMessages(input: unknown): Record<string, string[]> {
  const result = incidentCreateSchema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
}

describe('incidentCreateSchema', () => {
  test('accepts a complete contact and normalises it', () => {
    const parsed = incidentCreateSchema.parse({
      ...valid,
      callerName: '  Casey Customer ',
      callerEmail: ' CCustomer@Grad.Wisc.EDU ',
    });
    expect(parsed).toMatchObject({
      callerName: 'Casey Customer',
      callerEmail: 'ccustomer@grad.wisc.edu',
      serviceId: 6,
      channel: 'phone',
    });
  });

  test.each([
    ['phone only', { callerEmail: undefined }],
    ['e-mail only', { callerPhone: undefined }],
    ['e-mail only, phone left blank in the form', { callerPhone: '   ' }],
    ['no computer name', { computerName: '' }],
    ['no first note', { firstNote: undefined }],
  ])('accepts %s', (_name, change) => {
    expect(incidentCreateSchema.safeParse({ ...valid, ...change }).success).toBe(true);
  });

  test('blank optional fields become absent, not empty strings', () => {
    const parsed = incidentCreateSchema.parse({
      ...valid,
      callerPhone: '',
      computerName: ' ',
      firstNote: '',
    });
    expect(parsed.callerPhone).toBeUndefined();
    expect(parsed.computerName).toBeUndefined();
    expect(parsed.firstNote).toBeUndefined();
  });

  test.each([
    ['callerName missing', { callerName: undefined }, 'callerName', 'Caller name is required'],
    ['callerName blank', { callerName: '   ' }, 'callerName', 'Caller name is required'],
    [
      'callerPhone malformed',
      { callerPhone: 'call me maybe' },
      'callerPhone',
      'Enter a phone number such as 608-555-0100',
    ],
    [
      'callerEmail malformed',
      { callerEmail: 'casey@' },
      'callerEmail',
      'Enter a valid e-mail address',
    ],
    [
      'neither phone nor e-mail',
      { callerPhone: undefined, callerEmail: '' },
      'callerPhone',
      'Give a phone number or an e-mail address for the caller',
    ],
    ['serviceId missing', { serviceId: undefined }, 'serviceId', 'Choose a service'],
    ['serviceId not a catalog id', { serviceId: 0 }, 'serviceId', 'Choose a service'],
    ['description empty', { description: '  ' }, 'description', 'Describe the issue'],
    ['description missing', { description: undefined }, 'description', 'Describe the issue'],
    [
      'computerName with spaces',
      { computerName: 'GRAD LT 042' },
      'computerName',
      'A computer name has only letters, digits and hyphens',
    ],
    ['channel unknown', { channel: 'fax' }, 'channel', 'Choose how the caller reached us'],
  ])('%s: refused with its message at that field', (_name, change, field, message) => {
    const messages = fieldMessages({ ...valid, ...change });
    // Exactly the one field is at fault, so the form marks nothing else.
    expect(Object.keys(messages)).toEqual([field]);
    expect(messages[field]![0]).toMatch(message);
  });

  test('an empty form gets every message at once, the phone-or-e-mail one included', () => {
    const messages = fieldMessages({
      callerName: '',
      callerPhone: '',
      callerEmail: '',
      description: '',
    });
    expect(Object.keys(messages).sort()).toEqual([
      'callerName',
      'callerPhone',
      'channel',
      'description',
      'serviceId',
    ]);
    expect(messages.callerPhone).toEqual([
      'Give a phone number or an e-mail address for the caller',
    ]);
  });
});

describe('incidentPatchSchema', () => {
  test('keeps a blanked optional field as an explicit clear', () => {
    const patch = incidentPatchSchema.parse({ callerPhone: '' });
    expect('callerPhone' in patch).toBe(true);
    expect(patch.callerPhone).toBeUndefined();
  });

  test('still refuses a blank caller name', () => {
    expect(incidentPatchSchema.safeParse({ callerName: '' }).success).toBe(false);
  });
});
