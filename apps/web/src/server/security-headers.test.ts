// Browser protections (issue 13 item 7): before, no CSP, no frame protection, no Referrer-Policy,
// no nosniff and no HSTS over https.
import { describe, expect, test } from 'vitest';
import { NextRequest } from 'next/server';
import config from '../../next.config';
import { proxy } from '../proxy';

const headersOf = (url: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(url, { headers })).headers;

describe('security headers', () => {
  test('every page gets a CSP with a fresh nonce, no inline or foreign scripts, and no framing', () => {
    const first = headersOf('http://127.0.0.1:3000/desk').get('content-security-policy')!;
    const second = headersOf('http://127.0.0.1:3000/desk').get('content-security-policy')!;
    expect(first).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(first).not.toContain('unsafe-eval');
    expect(first).toContain("frame-ancestors 'none'");
    expect(first).toContain("object-src 'none'");
    expect(first).not.toBe(second);
  });

  test('HSTS only when the request came over https (directly or as the proxy says)', () => {
    expect(headersOf('http://127.0.0.1:3000/desk').get('strict-transport-security')).toBeNull();
    expect(headersOf('https://handoff.wisc.edu/desk').get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect(
      headersOf('http://127.0.0.1:3000/desk', { 'x-forwarded-proto': 'https' }).get(
        'strict-transport-security',
      ),
    ).toBe('max-age=31536000; includeSubDomains');
  });

  test('every path (API and static files too) carries frame protection, nosniff and Referrer-Policy', async () => {
    const rules = await config.headers!();
    expect(rules).toEqual([
      {
        source: '/:path*',
        headers: expect.arrayContaining([
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
        ]),
      },
    ]);
  });
});
