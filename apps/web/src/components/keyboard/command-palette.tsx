'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { can, openStatuses, type Role } from '@handoff/domain';
import { api } from '../../trpc/react';
import { requestOpenStep } from './open-step-event';
import { incidentNumberIn, jumpCommands, matching, type Command } from './palette-commands';
import { useDialog } from './use-dialog';

/** The incident page's recommended one-step, as the Route panel shows it (the same server decision). */
function useRecommendedStep(role: Role): Command | null {
  const pathname = usePathname();
  const number = /^\/incidents\/(INC-\d{6,})$/.exec(pathname)?.[1];
  const shown = api.incident.byNumber.useQuery({ number: number ?? '' }, { enabled: !!number });
  const incident = shown.data?.audience === 'staff' ? shown.data.incident : undefined;
  const open = !!incident && openStatuses.includes(incident.status);
  const decide = api.routing.decide.useQuery(
    { incidentId: incident?.id ?? 0 },
    { enabled: open && can(role, 'incident.readInternal') },
  );
  const d = decide.data;
  if (!incident || !open || !d) return null;
  const step = d.recommended ? d.oneSteps.find((s) => s.name === d.recommended) : undefined;
  if (!step) return null;
  return {
    id: 'recommended',
    label: `Run the recommended step: ${step.label}`,
    hint: `${incident.number} · opens its form`,
    disabledReason: step.disabledReason,
    run: () => requestOpenStep({ name: step.name, label: step.label }),
  };
}

/**
 * Ctrl/Cmd-K: open an incident by number (else search for the text), jump to a queue or home,
 * create an incident, or open the recommended one-step's form on the incident shown. A modal
 * dialog with a combobox; arrows move, Enter runs, Escape closes and gives focus back.
 */
export function CommandPalette({ role, onClose }: { role: Role; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useDialog(ref, onClose);
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const queues = api.queue.teams.useQuery(undefined, { enabled: can(role, 'queue.read') });
  const recommended = useRecommendedStep(role);

  const commands = useMemo(() => {
    const number = incidentNumberIn(text);
    const found: Command[] = [];
    if (number) found.push({ id: 'open', label: `Open ${number}`, href: `/incidents/${number}` });
    const listed = [
      ...(recommended ? [recommended] : []),
      ...jumpCommands(role, queues.data ?? []),
    ];
    found.push(...matching(listed, text));
    if (text.trim() && !number && can(role, 'incident.read'))
      found.push({
        id: 'search',
        label: `Search incidents for “${text.trim()}”`,
        href: `/search?${new URLSearchParams({ q: text.trim() }).toString()}`,
      });
    return found;
  }, [text, role, queues.data, recommended]);
  const current = Math.min(active, Math.max(0, commands.length - 1));

  const run = (c: Command | undefined) => {
    if (!c || c.disabledReason) return;
    onClose();
    // After the palette has given focus back, so what the command opens may take it.
    setTimeout(() => (c.href ? router.push(c.href) : c.run?.()), 10);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + commands.length) % Math.max(1, commands.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run(commands[current]);
    }
  };

  return (
    <div className="kbd-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className="kbd-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        tabIndex={-1}
      >
        <h2 id={`${id}-title`}>Command palette</h2>
        <input
          data-autofocus
          role="combobox"
          aria-label="Command or incident number"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-activedescendant={commands[current] ? `${id}-${commands[current].id}` : undefined}
          aria-autocomplete="list"
          placeholder="Incident number, a queue, or a command…"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={`${id}-list`} role="listbox" aria-label="Commands" className="kbd-options">
          {commands.map((c, i) => (
            <li
              key={c.id}
              id={`${id}-${c.id}`}
              role="option"
              aria-selected={i === current}
              aria-disabled={c.disabledReason ? true : undefined}
              onMouseEnter={() => setActive(i)}
              onClick={() => run(c)}
            >
              {c.label}
              {c.disabledReason ? (
                <span className="kbd-hint">{c.disabledReason}</span>
              ) : c.hint ? (
                <span className="kbd-hint">{c.hint}</span>
              ) : null}
            </li>
          ))}
          {commands.length === 0 ? <li aria-disabled="true">No command matches.</li> : null}
        </ul>
      </div>
    </div>
  );
}
