import { expect, test } from 'vitest';
import { safeCallbackPath } from './callback-path';

// Issue 14 item 14: deep links survive sign-in, and only same-site paths are followed.
test.each([
  ['/incidents/INC-000014', '/incidents/INC-000014'],
  ['/problems/PRB-000002?tab=journal#x', '/problems/PRB-000002?tab=journal#x'],
  ['/portal/incidents/INC-000003', '/portal/incidents/INC-000003'],
  ['/', '/'],
  ['https://evil.example/incidents/INC-000014', null],
  ['//evil.example/x', null],
  ['/..//evil.example/x', null],
  ['/./%2F/evil', '/%2F/evil'],
  ['/\\evil.example/x', null],
  ['\\\\evil.example', null],
  ['/%0d%0aSet-Cookie:x', '/%0d%0aSet-Cookie:x'],
  ['/\tevil', null],
  ['javascript:alert(1)', null],
  ['incidents/INC-000014', null],
  ['/signin', null],
  ['/signin?callbackUrl=/desk', null],
  ['/api/trpc/x', null],
  ['', null],
  [null, null],
  [undefined, null],
  [`/${'a'.repeat(2001)}`, null],
])('%s → %s', (raw, expected) => {
  expect(safeCallbackPath(raw)).toBe(expected);
});
