'use client';

import { useEffect, useState, type ComponentType } from 'react';
import { type Role } from '@handoff/domain';
import { isTyping } from './is-typing';
import './keyboard.css';

type Overlay = ComponentType<{ role: Role; onClose: () => void }>;

/**
 * The staff pages' keyboard: Ctrl/Cmd-K opens the command palette and `?` the shortcut list. Both
 * are loaded on first use, so pages that never open them do not carry their weight.
 */
export function KeyboardShortcuts({ role }: { role: Role }) {
  const [open, setOpen] = useState<{ which: 'palette' | 'help'; View: Overlay } | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const palette = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k';
      const help = e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target);
      if (!palette && !help) return;
      e.preventDefault();
      if (palette)
        void import('./command-palette').then((m) =>
          setOpen({ which: 'palette', View: m.CommandPalette }),
        );
      else
        void import('./shortcuts-help').then((m) =>
          setOpen({ which: 'help', View: m.ShortcutsHelp }),
        );
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (!open) return null;
  const { View } = open;
  return <View key={open.which} role={role} onClose={() => setOpen(null)} />;
}
