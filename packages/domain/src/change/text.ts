/** The first line of a text, trimmed and cut to `max` characters with an ellipsis (subjects, summaries). */
export function firstLine(text: string, max = 120): string {
  const line = text.split('\n', 1)[0]?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
