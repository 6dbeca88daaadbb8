// Builders shared by the incident rule tests: plain data, no I/O.
import { type Actor, type Role } from '../roles';
import { type Incident } from './schema';

export const now = '2026-11-24T16:00:00.000Z';

export function actorFor(role: Role, overrides: Partial<Actor> = {}): Actor {
  return {
    id: 10,
    name: `Test ${role}`,
    role,
    teamIds: role === 'customer' || role === 'admin' ? [] : [1],
    customerId: role === 'customer' ? 100 : null,
    ...overrides,
  };
}

export function incidentWith(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 1,
    number: 'INC-000001',
    callerName: 'Casey Customer',
    callerPhone: '608-555-0100',
    callerEmail: 'ccustomer@grad.wisc.edu',
    customerId: 100,
    channel: 'phone',
    serviceId: 5,
    description: 'Forgot NetID password.',
    classification: null,
    status: 'new',
    ownerTeamId: 1,
    ownerAgentId: 10,
    urgency: null,
    expectation: null,
    preferredContact: null,
    computerName: null,
    problemId: null,
    promises: {},
    peopleAffected: null,
    tpTriage: null,
    version: 3,
    createdById: 10,
    createdAt: '2026-11-24T15:00:00.000Z',
    updatedAt: '2026-11-24T15:00:00.000Z',
    ...overrides,
  };
}
