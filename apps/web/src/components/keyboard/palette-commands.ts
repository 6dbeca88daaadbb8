import { can, formatIncidentNumber, type Role } from '@handoff/domain';

/** One command of the palette: what it says, and where it goes or what it opens. */
export interface Command {
  id: string;
  label: string;
  hint?: string;
  /** Why it cannot run now (shown, not runnable). */
  disabledReason?: string | null;
  href?: string;
  run?: () => void;
}

/** "123", "inc 123", "INC-000123" → "INC-000123"; anything else → null. */
export function incidentNumberIn(text: string): string | null {
  const m = /^\s*(?:inc[-\s]?)?0*(\d{1,9})\s*$/i.exec(text);
  return m ? formatIncidentNumber(Number(m[1])) : null;
}

/** The places every staff role may jump to. */
export function jumpCommands(role: Role, queues: { id: number; name: string }[]): Command[] {
  const places: (Command & { show: boolean })[] = [
    { id: 'home', label: 'Go to my desk (home)', href: '/desk', show: role !== 'admin' },
    {
      id: 'new',
      label: 'Create an incident',
      href: '/incidents/new',
      show: can(role, 'incident.create'),
    },
    { id: 'queues', label: 'Go to team queues', href: '/queues', show: can(role, 'queue.read') },
    ...queues.map((q) => ({
      id: `queue-${q.id}`,
      label: `Go to queue: ${q.name}`,
      href: `/queues?team=${q.id}`,
      show: true,
    })),
    { id: 'tp', label: 'Go to TP review', href: '/tp-review', show: can(role, 'queue.tpReview') },
    { id: 'problems', label: 'Go to problems', href: '/problems', show: can(role, 'problem.read') },
    { id: 'outages', label: 'Go to outages', href: '/outages', show: can(role, 'outage.read') },
    {
      id: 'notifications',
      label: 'Go to notifications',
      href: '/notifications',
      show: can(role, 'notification.read'),
    },
    { id: 'admin', label: 'Go to admin', href: '/admin', show: can(role, 'admin.manage') },
  ];
  return places.filter((p) => p.show).map(({ show: _show, ...c }) => c);
}

/** The commands that match what was typed: every word somewhere in the label. */
export function matching(commands: Command[], text: string): Command[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((c) => words.every((w) => c.label.toLowerCase().includes(w)));
}
