// People, teams and channel-partner organisations as the commit kernel knows them (the rows the
// membership and organisation admin and the partner mail intake write).
import { type Role } from '../roles';

export const teamKinds = [
  'help_desk',
  'support',
  'operations',
  'technologist',
  'partner',
  'tier2',
] as const;
export type TeamKind = (typeof teamKinds)[number];

export interface TeamRow {
  id: number;
  name: string;
  kind: TeamKind;
  description: string | null;
  notify: 'everyone' | 'nobody';
}

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  customerId: number | null;
  presence: 'ready' | 'not_ready' | 'busy';
  presenceChangedAt: string | null;
  sessionVersion: number;
  deactivatedAt: string | null;
}

export interface CustomerRow {
  id: number;
  name: string;
  netId: string;
  email: string;
  phone: string | null;
  departmentId: number | null;
  coned: boolean;
  program: 'aims' | 'ds' | null;
  primaryTechPartner: boolean;
  organisation: string | null;
  organisationId: number | null;
}

export interface OrganisationRow {
  id: number;
  name: string;
  partnerTeamId: number;
  createdAt: string;
}

export interface OrganisationDomainRow {
  domain: string;
  organisationId: number;
}

export interface TeamMemberRow {
  userId: number;
  teamId: number;
}

type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

declare module '../change/entities' {
  interface Entities {
    team: { row: TeamRow; insert: Optional<Omit<TeamRow, 'id'>, 'description' | 'notify'> };
    user: {
      row: UserRow;
      insert: Optional<
        Omit<UserRow, 'id'>,
        'customerId' | 'presence' | 'presenceChangedAt' | 'sessionVersion' | 'deactivatedAt'
      >;
    };
    customer: {
      row: CustomerRow;
      insert: Optional<
        Omit<CustomerRow, 'id'>,
        | 'phone'
        | 'departmentId'
        | 'coned'
        | 'program'
        | 'primaryTechPartner'
        | 'organisation'
        | 'organisationId'
      >;
    };
    organisation: { row: OrganisationRow; insert: Omit<OrganisationRow, 'id'> };
    organisationDomain: { row: OrganisationDomainRow; insert: OrganisationDomainRow };
    teamMember: { row: TeamMemberRow; insert: TeamMemberRow };
  }
}
