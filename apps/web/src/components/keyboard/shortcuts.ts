/** Every keyboard shortcut, as the `?` overlay lists it. */
export const shortcuts: { keys: string; what: string }[] = [
  {
    keys: 'Ctrl K  /  ⌘ K',
    what: 'Command palette: open an incident by number, jump to a queue, create an incident, run the recommended step',
  },
  { keys: '/', what: 'Focus the search box (not while typing in a field)' },
  { keys: '?', what: 'This list of shortcuts (not while typing in a field)' },
  { keys: '↑  ↓', what: 'Move through the palette’s commands' },
  { keys: 'Enter', what: 'Run the highlighted command' },
  { keys: 'Esc', what: 'Close the palette or this list; focus goes back where it was' },
];
