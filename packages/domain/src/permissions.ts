import { DomainError } from './errors';
import { type Actor, type Role } from './roles';

/** Every action a procedure can authorize. One row per action in the table below. */
export const actions = [
  'incident.create',
  'incident.read',
  'incident.readInternal',
  'incident.update',
  'incident.addNote',
  'incident.addInternalNote',
  'incident.listMine',
  'case.listOwn',
  'queue.read',
  'customer.search',
  'catalog.read',
  'admin.manage',
] as const;
export type Action = (typeof actions)[number];

const agentsWhoTakeContacts = ['l1', 'hdqa', 'cps', 'es', 'sncc'] as const satisfies Role[];
const allStaff = [
  'l1',
  'hdqa',
  'cps',
  'es',
  'sncc',
  'technologist',
  'tier2',
  'partner_agent',
  'admin',
] as const satisfies Role[];

/**
 * The one permission table (role → allowed actions), read by every procedure.
 * Customers reach incidents only through their own scope (see canReadIncident).
 */
export const permissionTable: Record<Action, readonly Role[]> = {
  'incident.create': agentsWhoTakeContacts,
  'incident.read': [...allStaff, 'customer'],
  'incident.readInternal': allStaff,
  'incident.update': [...agentsWhoTakeContacts, 'technologist', 'tier2', 'partner_agent'],
  'incident.addNote': [...allStaff, 'customer'],
  'incident.addInternalNote': allStaff,
  'incident.listMine': allStaff,
  'case.listOwn': ['customer'],
  'queue.read': allStaff,
  'customer.search': allStaff,
  'catalog.read': [...allStaff, 'customer'],
  'admin.manage': ['admin'],
};

export function can(role: Role, action: Action): boolean {
  return permissionTable[action].includes(role);
}

/** Throws FORBIDDEN with a message naming the role and the action. */
export function assertCan(actor: Pick<Actor, 'role'>, action: Action): void {
  if (!can(actor.role, action)) {
    throw new DomainError('FORBIDDEN', `Your role (${actor.role}) may not ${describeAction(action)}.`);
  }
}

const actionDescriptions: Record<Action, string> = {
  'incident.create': 'create incidents',
  'incident.read': 'read incidents',
  'incident.readInternal': 'read internal notes',
  'incident.update': 'edit incidents',
  'incident.addNote': 'add notes',
  'incident.addInternalNote': 'add internal notes',
  'incident.listMine': 'list incidents they own',
  'case.listOwn': 'list their own cases',
  'queue.read': 'read team queues',
  'customer.search': 'search customers',
  'catalog.read': 'read the service catalog',
  'admin.manage': 'administer Handoff',
};
export const describeAction = (action: Action): string => actionDescriptions[action];
