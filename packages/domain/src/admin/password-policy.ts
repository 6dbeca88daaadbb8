import '../zod-config';
import { z } from 'zod';

/** The shortest password an administrator may set or the first-admin command accepts. */
export const minPasswordLength = 12;

// Passwords anyone tries first, and the demo one published in the README (lower case, compared whole).
const knownPasswords = new Set([
  'handoff-demo',
  'password1234',
  'password12345',
  'passwordpassword',
  '123456789012',
  '1234567890123',
  'qwertyuiopas',
  'administrator',
  'letmeinletmein',
  'changemechangeme',
  'welcome12345',
  'iloveyou1234',
]);

/** Why a new password is too weak, or null when it may be used. */
export function weakPasswordReason(password: string, email = ''): string | null {
  if (password.length < minPasswordLength)
    return `A password has at least ${minPasswordLength} characters.`;
  if (password.length > 200) return 'A password has at most 200 characters.';
  const lower = password.toLowerCase();
  if (knownPasswords.has(lower) || lower.startsWith('handoff-demo'))
    return 'That password is well known; choose another.';
  if (new Set(lower).size < 5) return 'A password needs more different characters than that.';
  const local = email.trim().toLowerCase().split('@')[0] ?? '';
  if (local.length >= 3 && lower.includes(local))
    return 'A password must not contain the e-mail address.';
  return null;
}

/** A new password as forms and the first-admin command take it. */
export const newPasswordSchema = z.string().superRefine((value, ctx) => {
  const reason = weakPasswordReason(value);
  if (reason) ctx.addIssue({ code: 'custom', message: reason });
});
