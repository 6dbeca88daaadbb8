// The notification e-mails Handoff sends, each an admin-editable template with the incident's
// fields as {{placeholders}}. The defaults ship here; the db holds an admin's edits. Subjects need
// no number: every incident message is tagged [INC-000123] when it is queued.
import '../zod-config';
import { z } from 'zod';
import { type FieldErrors } from '../change/refusal';

export const mailTemplateKeys = [
  'acknowledgement',
  'customer-note',
  'resolved',
  'team-assigned',
  'customer-replied',
] as const;
export const mailTemplateKeySchema = z.enum(mailTemplateKeys);
export type MailTemplateKey = z.infer<typeof mailTemplateKeySchema>;

/** Fields of every incident a template may use. */
export const incidentTemplateVariables = [
  'number',
  'callerName',
  'description',
  'status',
  'service',
  'team',
] as const;

export interface MailTemplateSpec {
  label: string;
  /** Who receives it and when, as the admin page explains it. */
  when: string;
  audience: 'customer' | 'team';
  /** Placeholders beyond the incident's own fields. */
  extraVariables: readonly string[];
  subject: string;
  body: string;
}

export const mailTemplateSpecs: Readonly<Record<MailTemplateKey, MailTemplateSpec>> = {
  acknowledgement: {
    label: 'Acknowledgement',
    when: 'To the customer when a case arrives by e-mail or through the portal.',
    audience: 'customer',
    extraVariables: [],
    subject: 'We received your request',
    body:
      'Hello {{callerName}},\n\nThank you for contacting the Help Desk. Your request is recorded as {{number}} ' +
      'and is with {{team}}; we will be in touch soon.\n\n' +
      'To add information, reply to this message and keep {{number}} in the subject.\n\nUW–Madison Help Desk',
  },
  'customer-note': {
    label: 'Note to the customer',
    when: 'To the customer when an agent adds a customer-visible note.',
    audience: 'customer',
    extraVariables: ['note', 'actor'],
    subject: 'Update on your request',
    body: 'Hello {{callerName}},\n\n{{note}}\n\n{{actor}}, {{team}}\n\nReply to this message to answer; keep {{number}} in the subject.',
  },
  resolved: {
    label: 'Resolved',
    when: 'To the customer when the incident is resolved.',
    audience: 'customer',
    extraVariables: ['note', 'actor'],
    subject: 'Your request is resolved',
    body:
      'Hello {{callerName}},\n\nWe have resolved {{number}}:\n\n{{note}}\n\n' +
      'If the issue still occurs, reply to this message within 7 days and we will reopen it, ' +
      'or contact the Help Desk and mention {{number}}.\n\nUW–Madison Help Desk',
  },
  'team-assigned': {
    label: 'Assigned to a team',
    when: "To the team's members (per the team's setting) when a one-step assigns the incident to the team.",
    audience: 'team',
    extraVariables: ['actor'],
    subject: 'Assigned to {{team}}: {{callerName}}',
    body: '{{actor}} assigned {{number}} ({{callerName}}, {{service}}) to {{team}}.\n\n{{description}}',
  },
  'customer-replied': {
    label: 'Customer note for the owning team',
    when: "To the owning team's members (per the team's setting) when the customer adds a note, by portal or e-mail, to an incident another team than the General Help Desk owns.",
    audience: 'team',
    extraVariables: ['note'],
    subject: 'Customer note from {{callerName}}',
    body: '{{callerName}} added a note to {{number}} ({{service}}, {{status}}), owned by {{team}}:\n\n{{note}}',
  },
};

export const allowedVariables = (key: MailTemplateKey): readonly string[] => [
  ...incidentTemplateVariables,
  ...mailTemplateSpecs[key].extraVariables,
];

export interface MailTemplate {
  subject: string;
  body: string;
}
export type MailTemplates = Readonly<Record<MailTemplateKey, MailTemplate>>;

/** The shipped templates, overridden by the admin's saved ones. */
export function resolveTemplates(
  saved: readonly ({ key: string } & MailTemplate)[],
): MailTemplates {
  const result = {} as Record<MailTemplateKey, MailTemplate>;
  for (const key of mailTemplateKeys) {
    const own = saved.find((s) => s.key === key);
    result[key] = own
      ? { subject: own.subject, body: own.body }
      : { subject: mailTemplateSpecs[key].subject, body: mailTemplateSpecs[key].body };
  }
  return result;
}

const placeholder = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The admin's edit of a template, as the form and the procedure check it. */
export const mailTemplateInputSchema = z.object({
  key: mailTemplateKeySchema,
  subject: z
    .string({ error: 'Write a subject' })
    .trim()
    .min(1, 'Write a subject')
    .max(200, 'The subject is too long (200 characters at most)')
    .refine((s) => !/[\r\n]/.test(s), 'The subject must be one line'),
  body: z
    .string({ error: 'Write the message' })
    .trim()
    .min(1, 'Write the message')
    .max(10_000, 'The message is too long (10,000 characters at most)'),
});
export type MailTemplateInput = z.infer<typeof mailTemplateInputSchema>;

/** Placeholders the template may not use (misspelt or from another template), per field. */
export function templateFieldErrors(input: MailTemplateInput): FieldErrors {
  const allowed = allowedVariables(input.key);
  const errors: FieldErrors = {};
  for (const field of ['subject', 'body'] as const) {
    const unknown = [...input[field].matchAll(placeholder)]
      .map((m) => m[1] ?? '')
      .filter((name) => !allowed.includes(name));
    if (unknown.length > 0) {
      const names = [...new Set(unknown)].map((n) => `{{${n}}}`).join(', ');
      errors[field] =
        `Unknown placeholder ${names}; use ${allowed.map((n) => `{{${n}}}`).join(', ')}.`;
    }
  }
  return errors;
}

/** Fills the placeholders; a placeholder without a value is left visible rather than silently dropped. */
export function renderTemplate(
  template: MailTemplate,
  values: Readonly<Record<string, string>>,
): MailTemplate {
  const fill = (text: string) =>
    text.replace(placeholder, (whole, name: string) => values[name] ?? whole);
  return {
    // A value with line breaks (a description) must not break the subject header.
    subject: fill(template.subject)
      .replace(/\s*[\r\n]+\s*/g, ' ')
      .trim(),
    body: fill(template.body),
  };
}
