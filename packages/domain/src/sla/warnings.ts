// The warnings a clock gives (issue 18): at 75% of its target the owner and the team are told
// (in-app, and by e-mail per the team's setting); at breach, the team's lead. Exactly once each:
// the clock's fields move on and a warning row (unique per clock and level) is inserted in the same
// commit, so a second scheduler or a restart that tries again fails on the unique key and gives nothing.
import { effects, insertRow, updateRow, type Effects } from '../change/effects';
import { concerned } from '../change/event';
import { type NotificationDraft } from '../change/notification';
import { formatLocal } from '../calendar/format';
import { type TeamRecipients } from '../mail/notifications';
import { type OutboxDraft } from '../outbox';
import { afterWarnings, dueWarnings } from './clock';
import { clockKindLabels, type SlaClock, type WarningLevel } from './schema';

export interface WarningEnv {
  clock: SlaClock;
  incident: { id: number; number: string; ownerTeamId: number; ownerAgentId: number | null };
  /** The clock's team, with its members and mail setting. */
  team: TeamRecipients;
  /** The owner agent, when there is one. */
  owner: { id: number; name: string; email: string } | null;
  lead: { id: number; name: string; email: string } | null;
}

const words = (env: WarningEnv, level: WarningLevel): { subject: string; body: string } => {
  const what = `${clockKindLabels[env.clock.kind]} (${env.clock.targetLabel}, ${env.team.name})`;
  // A clock gives warnings only while it runs, and a running clock has a due.
  const due = formatLocal(env.clock.dueAt!, { withDate: true });
  return level === 'at_risk'
    ? {
        subject: `${env.incident.number}: ${what} at 75%`,
        body: `${env.incident.number} has used 75% of its ${what}; it breaches ${due}.`,
      }
    : {
        subject: `${env.incident.number}: ${what} breached`,
        body: `${env.incident.number} breached its ${what} at ${due}.`,
      };
};

const mail = (
  incidentId: number,
  to: { name: string; email: string },
  level: WarningLevel,
  w: { subject: string; body: string },
): OutboxDraft => ({
  incidentId,
  template: `sla-${level}`,
  toAddress: to.email,
  toName: to.name,
  subject: w.subject,
  textBody: w.body,
  autoSubmitted: true,
});

/** The warnings due at `now` as one commit's Effects, or null when none is due. */
export function warningEffects(env: WarningEnv, now: string): Effects | null {
  const { clock, incident } = env;
  const levels = dueWarnings(clock, now);
  if (levels.length === 0) return null;
  const notifications: NotificationDraft[] = [];
  const outbox: OutboxDraft[] = [];
  const told: number[] = [];
  for (const level of levels) {
    const w = words(env, level);
    const note = (audience: 'team' | 'user', targetId: number): NotificationDraft => ({
      audience,
      targetId,
      template: `sla-${level}`,
      subject: w.subject,
      body: w.body,
    });
    if (level === 'at_risk') {
      notifications.push(note('team', env.team.id));
      if (env.owner) notifications.push(note('user', env.owner.id));
      // E-mail follows the team's setting, for its members and the owner alike.
      const people = env.team.notify === 'everyone' ? [...env.team.members] : [];
      if (env.owner && people.length > 0 && !people.some((m) => m.id === env.owner!.id))
        people.push(env.owner);
      outbox.push(...people.map((p) => mail(incident.id, p, level, w)));
      told.push(...people.map((p) => p.id));
    } else if (env.lead) {
      notifications.push(note('user', env.lead.id));
      outbox.push(mail(incident.id, env.lead, level, w));
      told.push(env.lead.id);
    }
  }
  return effects(now, {
    writes: [
      updateRow(
        'slaClock',
        clock.id,
        { ...afterWarnings(clock, levels, now), version: clock.version + 1 },
        { expectedVersion: clock.version },
      ),
      ...levels.map((level) => insertRow('slaWarning', { clockId: clock.id, level, firedAt: now })),
    ],
    journal: levels.map((level) => ({
      entity: 'incident' as const,
      id: incident.id,
      entry: {
        kind: 'system' as const,
        visibility: 'internal' as const,
        body: `SLA warning: ${words(env, level).body}`,
        authorId: null,
        data: { slaWarning: level, clockId: clock.id },
        createdAt: now,
      },
    })),
    notifications: notifications.map((draft) => ({ incidentId: incident.id, draft })),
    outbox,
    events: [
      {
        entity: 'slaClock',
        entityId: incident.id,
        kind: levels.includes('breached') ? 'breached' : 'at_risk',
        teamIds: concerned(clock.teamId, incident.ownerTeamId),
        userIds: concerned(incident.ownerAgentId, ...told),
        actorId: null,
      },
    ],
  });
}
