import './zod-config';
import { z } from 'zod';

/** The roles of DOMAIN.md §2; every user has exactly one. */
export const roles = [
  'l1',
  'hdqa',
  'cps',
  'es',
  'sncc',
  'technologist',
  'tier2',
  'partner_agent',
  'customer',
  'admin',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  l1: 'Level 1 agent',
  hdqa: 'HDQA',
  cps: 'Contract Partner Support',
  es: 'Enterprise Support',
  sncc: 'SNCC',
  technologist: 'Technologist',
  tier2: 'Tier 2 Support',
  partner_agent: 'Partner agent',
  customer: 'Customer',
  admin: 'Administrator',
};

/** Who is acting: what the session knows about the signed-in user. */
export const actorSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: roleSchema,
  teamIds: z.array(z.number().int()),
  customerId: z.number().int().nullable(),
});
export type Actor = z.infer<typeof actorSchema>;

export const isStaff = (role: Role): boolean => role !== 'customer';

/** Where each role lands after sign-in. Customers use the portal; everyone else the desk. */
export function homePathFor(role: Role): string {
  if (role === 'customer') return '/portal';
  if (role === 'admin') return '/admin';
  return '/desk';
}
