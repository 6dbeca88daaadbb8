import { expect, test } from 'vitest';
import { routersFor } from './invalidation';

test.each([
  ['incident', ['incident', 'queue', 'case', 'notification', 'alert', 'consult', 'sla']],
  // The clocks panel polled every minute; a clock change or warning refetches it now.
  ['slaClock', ['sla', 'incident', 'queue']],
  ['consult', ['consult', 'incident', 'queue']],
  ['user', ['presence']],
  ['outage', ['outage', 'alert', 'case']],
  ['incidentViewer', ['live']],
  ['tick', ['consult']],
  ['notification', ['notification']],
  ['outbox', ['mail']],
])('a change of %s refetches %j', (entity, routers) =>
  expect(routersFor(entity)).toEqual(expect.arrayContaining(routers)),
);

test('an unknown entity refetches nothing', () => expect(routersFor('weather')).toEqual([]));
