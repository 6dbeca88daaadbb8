/** A timestamp shown in the help desk's zone, with the exact instant on hover. */
export function Time({ at }: { at: string }) {
  const d = new Date(at);
  const text = d.toLocaleString('en-US', {
    timeZone: 'America/Chicago',
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  return (
    <time dateTime={at} title={at}>
      {text}
    </time>
  );
}

export function age(from: string, now: number): string {
  const mins = Math.max(0, Math.round((now - Date.parse(from)) / 60_000));
  if (mins < 60) return `${mins} min`;
  const hours = Math.floor(mins / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}
