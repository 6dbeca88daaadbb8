// Logins an administrator keeps (issue 13 item 9): the first administrator, deactivation and
// password resets. Each ends the user's sessions (users.session_version) and is audited.
import '../zod-config';
import { z } from 'zod';
import { DomainError } from '../errors';
import { type Actor } from '../roles';
import { effects, insertRow, updateRow, type Effects } from '../change/effects';
import { type ChangeEventDraft } from '../change/event';
import { ref } from '../change/ref';
import { type UserRow } from '../directory/entity';
import { adminAuditRow } from './entity';
import { weakPasswordReason } from './password-policy';

/** The login an admin action is about, as loaded inside the commit. */
export type AdminTarget = Pick<
  UserRow,
  'id' | 'email' | 'name' | 'role' | 'sessionVersion' | 'deactivatedAt'
>;

export const userAdminInputSchema = z.object({ userId: z.number().int().positive() });

const notFound = (id: number) => new DomainError('NOT_FOUND', `No login #${id}.`);

/** Ends every session of the user: the next request with an older session version is signed out. */
const endSessions = (target: AdminTarget, set: Partial<UserRow>) =>
  updateRow(
    'user',
    target.id,
    { ...set, sessionVersion: target.sessionVersion + 1 },
    {
      still: { sessionVersion: target.sessionVersion },
      conflict: `${target.name}'s login changed meanwhile; reload and try again.`,
    },
  );

/** A login's sessions ended: its own other tabs and the admin pages hear of it. */
const userEvent = (target: AdminTarget, kind: string, actorId: number): ChangeEventDraft => ({
  entity: 'user',
  entityId: target.id,
  kind,
  teamIds: [],
  userIds: [target.id],
  actorId,
});

/**
 * Signing out ends every session of the user, not just this browser's (the next request with an
 * older session version is signed out); audited as the user's own act. A login that is gone has no
 * sessions to end: nothing is written.
 */
export function endOwnSessions(target: AdminTarget | undefined, now: string): Effects {
  if (!target) return effects(now);
  return effects(now, {
    writes: [
      endSessions(target, {}),
      adminAuditRow(target.id, 'user', target.id, 'sessions', null, 'signed out', now),
    ],
    events: [userEvent(target, 'signed_out', target.id)],
  });
}

/** Deactivates a login: it cannot sign in any more and its open sessions end at once. */
export function deactivateUser(
  actor: Actor,
  target: AdminTarget | undefined,
  userId: number,
  now: string,
): Effects {
  if (!target) throw notFound(userId);
  if (target.id === actor.id)
    throw new DomainError('VALIDATION', 'You cannot deactivate your own login.');
  if (target.deactivatedAt !== null)
    throw new DomainError('VALIDATION', `${target.name}'s login is already deactivated.`);
  return effects(now, {
    writes: [
      endSessions(target, { deactivatedAt: now }),
      adminAuditRow(actor.id, 'user', target.id, 'active', 'yes', 'no', now),
    ],
    events: [userEvent(target, 'deactivated', actor.id)],
  });
}

/** Lets a deactivated login sign in again (with its password as it was). */
export function reactivateUser(
  actor: Actor,
  target: AdminTarget | undefined,
  userId: number,
  now: string,
): Effects {
  if (!target) throw notFound(userId);
  if (target.deactivatedAt === null)
    throw new DomainError('VALIDATION', `${target.name}'s login is active already.`);
  return effects(now, {
    writes: [
      endSessions(target, { deactivatedAt: null }),
      adminAuditRow(actor.id, 'user', target.id, 'active', 'no', 'yes', now),
    ],
    events: [userEvent(target, 'reactivated', actor.id)],
  });
}

/**
 * Replaces a login's password with a one-time password the administrator passes on (the hash of
 * it is given; the password itself is never stored or audited) and ends the user's sessions.
 */
export function resetPassword(
  actor: Actor,
  target: AdminTarget | undefined,
  userId: number,
  passwordHash: string,
  now: string,
): Effects {
  if (!target) throw notFound(userId);
  return effects(now, {
    writes: [
      endSessions(target, { passwordHash }),
      adminAuditRow(
        actor.id,
        'user',
        target.id,
        'password',
        null,
        'reset by an administrator',
        now,
      ),
    ],
    events: [userEvent(target, 'password_reset', actor.id)],
  });
}

export const firstAdminSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Give the administrator’s e-mail address')),
  name: z.string().trim().min(1, 'Give the administrator’s name').max(200),
});
export type FirstAdmin = z.infer<typeof firstAdminSchema>;

/**
 * The first administrator of a deployment (the `admin:create` command). Refused while an
 * administrator exists unless forced, when the address is taken, or when the password is weak.
 */
export function createFirstAdmin(
  input: FirstAdmin & { password: string; passwordHash: string; force: boolean },
  existing: { admins: number; emailInUse: boolean },
  now: string,
): Effects {
  const weak = weakPasswordReason(input.password, input.email);
  if (weak) throw new DomainError('VALIDATION', weak, { password: weak });
  if (existing.admins > 0 && !input.force)
    throw new DomainError(
      'CONFLICT',
      'An administrator exists already: sign in as them and create logins on /admin, or pass --force.',
    );
  if (existing.emailInUse)
    throw new DomainError('CONFLICT', `${input.email} is in use by another login or customer.`);
  return effects(now, {
    writes: [
      insertRow(
        'user',
        { email: input.email, name: input.name, role: 'admin', passwordHash: input.passwordHash },
        'user',
      ),
      adminAuditRow(ref('user'), 'user', input.email, 'created', null, 'administrator', now),
    ],
  });
}
