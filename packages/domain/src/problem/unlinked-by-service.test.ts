import { expect, test } from 'vitest';
import { groupByServiceName } from './unlinked-by-service';

test.each([
  [
    'two catalog rows of one service make one group (issue 19 item 6)',
    [
      { id: 1, serviceId: 7, serviceName: 'Departmental Computer Support' },
      { id: 2, serviceId: 8, serviceName: 'Departmental Computer Support' },
    ],
    [{ serviceName: 'Departmental Computer Support', serviceIds: [7, 8], ids: [1, 2] }],
  ],
  [
    'most incidents first, then by name',
    [
      { id: 1, serviceId: 2, serviceName: 'NetID' },
      { id: 2, serviceId: 3, serviceName: 'Canvas' },
      { id: 3, serviceId: 4, serviceName: 'Duo' },
      { id: 4, serviceId: 4, serviceName: 'Duo' },
    ],
    [
      { serviceName: 'Duo', serviceIds: [4], ids: [3, 4] },
      { serviceName: 'Canvas', serviceIds: [3], ids: [2] },
      { serviceName: 'NetID', serviceIds: [2], ids: [1] },
    ],
  ],
  ['nothing unlinked, no group', [], []],
])('%s', (_name, rows, groups) =>
  expect(
    groupByServiceName(rows).map((g) => ({
      serviceName: g.serviceName,
      serviceIds: g.serviceIds,
      ids: g.incidents.map((i) => i.id),
    })),
  ).toEqual(groups),
);
