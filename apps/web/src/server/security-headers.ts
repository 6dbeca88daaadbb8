// Browser protections on every response (issue 13 item 7). Pure: proxy.ts and next.config.ts apply them.

/** The page's Content-Security-Policy: scripts only from us with this response's nonce (Next adds it to its own). */
export function contentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts our nonce'd scripts load may run; nothing inline or from elsewhere.
    // Development's hot reload evaluates code, so 'unsafe-eval' there only.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React style attributes (style={{…}}) are inline styles; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every response carries, pages, API and static files alike. */
export const staticSecurityHeaders: readonly { key: string; value: string }[] = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // Responses that are not pages (API, files) have no business being framed or running anything.
  { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
];

/** HSTS, sent only when the request reached us over https (directly or via a proxy that says so). */
export const hstsHeader = {
  key: 'Strict-Transport-Security',
  value: 'max-age=31536000; includeSubDomains',
};

export function isHttps(req: Request): boolean {
  const proto = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  return proto ? proto === 'https' : new URL(req.url).protocol === 'https:';
}
