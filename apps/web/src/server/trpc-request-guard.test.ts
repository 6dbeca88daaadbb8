// The attacks of issue 13 item 7 against /api/trpc, refused before tRPC parses or runs anything.
import { describe, expect, test } from 'vitest';
import { guardTrpcRequest } from './trpc-request-guard';

const base = 'http://127.0.0.1:3000/api/trpc';
const post = (path: string, init: { headers?: Record<string, string>; body?: BodyInit } = {}) =>
  new Request(`${base}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body ?? '{}',
  });

async function refusal(req: Request) {
  const res = await guardTrpcRequest(req, { allowedOrigins: ['https://handoff.wisc.edu'] });
  if (!(res instanceof Response)) return null;
  return {
    status: res.status,
    message: ((await res.json()) as { error: { message: string } }).error.message,
  };
}

describe('tRPC request guard', () => {
  test('a cross-site form post (multipart, from another site) is refused', async () => {
    const form = new FormData();
    form.set('id', '1');
    const req = new Request(`${base}/notification.markRead`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      body: form,
    });
    expect(await refusal(req)).toEqual({
      status: 403,
      message: 'Refused: a cross-site request may not change anything here.',
    });
  });

  test.each([
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }, 403],
    ['Sec-Fetch-Site same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }, 403],
    ['an Origin of another site (no Sec-Fetch-Site)', { origin: 'https://evil.example' }, 403],
    ['Sec-Fetch-Site same-origin', { 'sec-fetch-site': 'same-origin' }, null],
    ['our own Origin', { origin: 'http://127.0.0.1:3000' }, null],
    ['the configured APP_URL origin', { origin: 'https://handoff.wisc.edu' }, null],
    ['no browser headers (a script or test client)', {}, null],
  ] as const)('%s → %s', async (_, headers, status) => {
    expect((await refusal(post('notification.markRead', { headers })))?.status ?? null).toBe(
      status,
    );
  });

  test.each([
    ['multipart/form-data', 'multipart/form-data; boundary=x'],
    ['text/plain (a no-preflight form)', 'text/plain'],
    ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded'],
    ['application/octet-stream', 'application/octet-stream'],
  ])('a same-origin mutation sent as %s → 415', async (_, type) => {
    expect(await refusal(post('incident.create', { headers: { 'content-type': type } }))).toEqual({
      status: 415,
      message: `Refused: send application/json, not ${type.split(';')[0]}.`,
    });
  });

  test('a live subscription (an SSE GET, issue 17) is handed on; its mutation keeps the guard', async () => {
    const input = encodeURIComponent(JSON.stringify({ lastEventId: '42', viewing: 7 }));
    const sse = new Request(`${base}/live.changes?input=${input}`, {
      headers: { accept: 'text/event-stream', 'sec-fetch-site': 'same-origin' },
    });
    expect(await guardTrpcRequest(sse)).toBe(sse);
    expect(
      await refusal(post('live.setEditing', { headers: { 'sec-fetch-site': 'cross-site' } })),
    ).toEqual({
      status: 403,
      message: 'Refused: a cross-site request may not change anything here.',
    });
  });

  test('a batch of 11 calls → 400 with the limit; 10 pass', async () => {
    const calls = (n: number) => Array.from({ length: n }, () => 'incident.create').join(',');
    expect(await refusal(post(`${calls(11)}?batch=1`))).toEqual({
      status: 400,
      message: 'A batch may hold at most 10 calls; this one had 11.',
    });
    expect(await refusal(post(`${calls(10)}?batch=1`))).toBeNull();
    // Queries too: a GET batch is counted the same way.
    expect((await refusal(new Request(`${base}/${calls(11)}?batch=1&input={}`)))?.status).toBe(400);
  });

  test('a body over 1 MB → 413, whether or not it declares its length', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    expect(await refusal(post('incident.create', { body: big }))).toEqual({
      status: 413,
      message: 'The request is larger than 1 MB.',
    });
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 3; i++) c.enqueue(new TextEncoder().encode('y'.repeat(512 * 1024)));
        c.close();
      },
    });
    const chunked = new Request(`${base}/incident.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect((await refusal(chunked))?.status).toBe(413);
  });

  test('a small JSON mutation is handed on with its body intact', async () => {
    const body = JSON.stringify({ '0': { json: { id: 1 } } });
    const out = await guardTrpcRequest(post('notification.markRead?batch=1', { body }));
    expect(out).toBeInstanceOf(Request);
    expect(await (out as Request).text()).toBe(body);
  });
});
