// Builders shared by the problem rule tests: plain data, no I/O.
import { DomainError } from '../errors';
import { incidentWith } from '../incident/test-fixtures';
import { type Incident } from '../incident/schema';
import { type Outage } from '../outage/schema';
import { type Problem } from './schema';

export { actorFor } from '../incident/test-fixtures';

export const now = '2026-12-08T15:00:00.000Z';
export const teams = { 'US - Help Desk': 1, HDQA: 2, 'SNCC-Sysops': 5, 'SNCC-Network': 6, EAST: 7 };
export const services = [
  { id: 9, name: 'Campus Network', category: 'Wired', subcategory: 'No connectivity' },
  { id: 10, name: 'Wireless (UWNet)', category: 'Connectivity', subcategory: 'Cannot connect' },
];

/** Incident n: INC-00000n, created n minutes after 14:00, on Campus Network, customer 100 + n. */
export const incidentN = (n: number, o: Partial<Incident> = {}): Incident =>
  incidentWith({
    id: n,
    number: `INC-${String(n).padStart(6, '0')}`,
    serviceId: 9,
    customerId: 100 + n,
    callerName: `Caller ${n}`,
    callerEmail: `caller${n}@wisc.edu`,
    description: 'No wired connection in Bascom Hall.',
    createdAt: new Date(Date.parse('2026-12-08T14:00:00.000Z') + n * 60_000).toISOString(),
    ...o,
  });

export const problemWith = (o: Partial<Problem> = {}): Problem => ({
  id: 40,
  number: 'PRB-000040',
  title: 'Campus Network: No wired connection in Bascom Hall.',
  status: 'open',
  serviceId: 9,
  category: 'Wired › No connectivity',
  impact: '3 incidents from 3 customers',
  symptoms: '- No wired connection in Bascom Hall.',
  firstSeenAt: '2026-12-08T14:01:00.000Z',
  ownerTeamId: 6,
  outageId: 7,
  version: 2,
  createdById: 10,
  createdAt: '2026-12-08T14:30:00.000Z',
  updatedAt: '2026-12-08T14:30:00.000Z',
  resolvedAt: null,
  ...o,
});

export const outageWith = (o: Partial<Outage> = {}): Outage => ({
  id: 7,
  number: 'OUT-000007',
  title: 'Campus network outage',
  kind: 'unplanned',
  status: 'active',
  publicSummary: 'Wired connections in several buildings are down.',
  startAt: '2026-12-08T14:20:00.000Z',
  expectedEndAt: null,
  endAt: null,
  ownerTeamId: 6,
  declaredById: 10,
  version: 3,
  createdAt: '2026-12-08T14:20:00.000Z',
  updatedAt: '2026-12-08T14:20:00.000Z',
  ...o,
});

export function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}
