import { expect, test } from 'vitest';
import { knownOutageFor, type OpenOutageFacts } from './known-outage';

const now = '2026-11-24T16:00:00.000Z';
const outage = (patch: Partial<OpenOutageFacts>): OpenOutageFacts => ({
  number: 'OUT-000001',
  title: 'Campus Network down',
  status: 'active',
  startAt: '2026-11-24T15:00:00.000Z',
  serviceIds: [9],
  ...patch,
});

test.each([
  ['an active outage on the service', [outage({})], 'OUT-000001'],
  ['an active outage on another service', [outage({ serviceIds: [13] })], undefined],
  [
    'a planned window on the service that has begun',
    [outage({ status: 'planned', startAt: now })],
    'OUT-000001',
  ],
  [
    'a planned window still ahead',
    [outage({ status: 'planned', startAt: '2026-11-28T08:00:00.000Z' })],
    undefined,
  ],
  [
    'the first matching of several',
    [outage({ number: 'OUT-000003', serviceIds: [13] }), outage({ number: 'OUT-000002' })],
    'OUT-000002',
  ],
  ['no open outage', [], undefined],
] as const)('%s → %s', (_name, outages, number) => {
  expect(knownOutageFor(outages, 9, now)?.number).toBe(number);
});
