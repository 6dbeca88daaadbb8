import { describe, expect, test } from 'vitest';
import {
  mailTemplateInputSchema,
  mailTemplateKeys,
  mailTemplateSpecs,
  renderTemplate,
  resolveTemplates,
  templateFieldErrors,
} from './templates';

describe('mail templates', () => {
  test.each(mailTemplateKeys)('the shipped %s template uses only its own placeholders', (key) => {
    const { subject, body } = mailTemplateSpecs[key];
    expect(templateFieldErrors({ key, subject, body })).toEqual({});
  });

  test.each([
    [
      'a misspelt placeholder in the body',
      { key: 'acknowledgement', subject: 'Got {{number}}', body: 'Hi {{calerName}}' },
      { body: expect.stringContaining('{{calerName}}') },
    ],
    [
      "another template's placeholder in the subject",
      { key: 'acknowledgement', subject: '{{note}}', body: 'Hi' },
      { subject: expect.stringContaining('{{note}}') },
    ],
    [
      'a note in the note template',
      { key: 'customer-note', subject: 'Update on {{ number }}', body: '{{note}} {{actor}}' },
      {},
    ],
    [
      'both fields wrong at once',
      { key: 'resolved', subject: '{{x}}', body: '{{y}}' },
      { subject: expect.any(String), body: expect.any(String) },
    ],
  ] as const)('%s', (_name, input, expected) => {
    expect(templateFieldErrors(input)).toEqual(expected);
  });

  test.each([
    ['an empty subject', { subject: ' ', body: 'x' }, 'subject'],
    ['a two-line subject', { subject: 'a\nb', body: 'x' }, 'subject'],
    ['an empty body', { subject: 'a', body: '' }, 'body'],
    ['an unknown template', { key: 'nope', subject: 'a', body: 'b' }, 'key'],
  ])('the form refuses %s at %s', (_name, change, field) => {
    const parsed = mailTemplateInputSchema.safeParse({ key: 'resolved', ...change });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual([field]);
  });

  test('render fills placeholders, keeps the subject on one line and leaves unknown ones visible', () => {
    expect(
      renderTemplate(
        { subject: '{{number}}: {{description}}', body: 'Hi {{callerName}}, {{missing}}' },
        { number: 'INC-000001', description: 'Line one\nline two', callerName: 'Casey' },
      ),
    ).toEqual({
      subject: 'INC-000001: Line one line two',
      body: 'Hi Casey, {{missing}}',
    });
  });

  test("an admin's saved template replaces the shipped one; the others stay shipped", () => {
    const templates = resolveTemplates([
      { key: 'resolved', subject: 'Done: {{number}}', body: 'Fixed.' },
      { key: 'retired', subject: 'x', body: 'y' },
    ]);
    expect(templates.resolved).toEqual({ subject: 'Done: {{number}}', body: 'Fixed.' });
    expect(templates.acknowledgement.subject).toBe(mailTemplateSpecs.acknowledgement.subject);
    expect(Object.keys(templates)).toEqual([...mailTemplateKeys]);
  });
});
