/**
 * Where to go after signing in (a deep link from an e-mail or notification), or null when the
 * value is not a same-site path: only "/…" paths, never "//host", "/\\host", a scheme, a
 * backslash or control characters, so the sign-in page cannot be used to send people elsewhere.
 */
export function safeCallbackPath(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return null;
  if (!raw.startsWith('/') || raw.startsWith('//')) return null;
  // Browsers read "\" as "/", and control characters can hide either.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return null;
  const base = 'http://handoff.invalid';
  const url = new URL(raw, base);
  if (url.origin !== base) return null;
  // The sign-in page itself would loop.
  if (url.pathname === '/signin' || url.pathname.startsWith('/api/')) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/..//host" normalises to "//host": a protocol-relative link to another site.
  return path.startsWith('//') ? null : path;
}
