// Turning an e-mail body into the text an agent reads on the journal.

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Readable text of an HTML-only message: block ends become line breaks, tags go, entities decode. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote)\s*>/gi, '\n')
    .replace(/<li[^>]*>/gi, '- ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X'
            ? parseInt(name.slice(2), 16)
            : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000
          ? String.fromCodePoint(code)
          : whole;
      }
      return entities[name.toLowerCase()] ?? whole;
    })
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// Where a reply's quotation of the earlier message starts, in the shapes common clients write.
const quoteStarts = [
  /^On .{1,200}wrote:\s*$/,
  /^-{2,}\s*Original Message\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
  /^From: .+$/,
];

/**
 * The new text of a reply: what is above the quoted earlier message, without any `>`-quoted line
 * (inline quotes too, so a reply never repeats a quoted private message); '' when nothing is new.
 */
export function newReplyText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.findIndex((line) => quoteStarts.some((p) => p.test(line.trim())));
  if (end === -1) end = lines.length;
  return lines
    .slice(0, end)
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n')
    .trim();
}

/**
 * The new text of a reply, without the quoted earlier message, so the journal does not repeat
 * itself. When nothing would remain, the whole text is kept.
 */
export function stripQuotedReply(text: string): string {
  return newReplyText(text) || text.trim();
}

// Paths into the web app that notifications write (e.g. "/incidents/INC-000042"), standing alone.
const appPath =
  /(^|[\s(])(\/(?:incidents|portal|problems|outages|status|queues|tp-review)(?:\/[^\s)]*)?)(?=$|[\s).,;:!?])/gm;

/**
 * Notifications name app pages by path; on the wire they must be links the reader can click (kb 003:
 * "links straight into tickets are indicated within email messages"). `appUrl` is where the app is
 * served, e.g. https://handoff.wisc.edu.
 */
export function absoluteLinks(text: string, appUrl: string): string {
  const base = appUrl.replace(/\/+$/, '');
  return text.replace(appPath, (_whole, before: string, path: string) => `${before}${base}${path}`);
}
