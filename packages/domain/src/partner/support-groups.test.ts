import { describe, expect, test } from 'vitest';
import { type Role } from '../roles';
import { groupMemberCreateSchema, groupMemberSchema } from './schema';
import {
  canAddGroupMember,
  canRemoveGroupMember,
  checkAddGroupMember,
  checkNewGroupMember,
  checkRemoveGroupMember,
  memberRoleOf,
  supportGroupOrRefuse,
  type MemberTicket,
  type SupportGroup,
} from './support-groups';
import { domainErrorOf, parker, partnerTeam, piper, tatum, tier2Team, toby } from './test-fixtures';

const badger: SupportGroup = {
  ...partnerTeam,
  kind: 'partner',
  organisations: ['Badger Health'],
  members: [parker, piper],
};
const tier2: SupportGroup = {
  ...tier2Team,
  kind: 'tier2',
  organisations: [],
  members: [tatum, toby],
};
const spare: SupportGroup = {
  id: 20,
  name: 'Spare Partner Group',
  kind: 'partner',
  organisations: [],
  members: [parker],
};
const login = (role: Role, id = 90, name = 'Quinn New') => ({ id, name, role });
const ticket = (
  number: string,
  isAssignee: boolean,
  isRelationshipAgent: boolean,
): MemberTicket => ({ number, isAssignee, isRelationshipAgent });

describe('memberRoleOf', () => {
  test('partner groups hold partner agents; Tier 2 Support holds Tier 2 agents', () => {
    expect(memberRoleOf('partner')).toBe('partner_agent');
    expect(memberRoleOf('tier2')).toBe('tier2');
  });
});

describe('canAddGroupMember / checkAddGroupMember', () => {
  test.each([
    ['a partner agent to a partner group', badger, login('partner_agent'), null],
    ['a Tier 2 agent to Tier 2 Support', tier2, login('tier2'), null],
    [
      'a partner agent already in another group to this one',
      spare,
      { ...piper, role: 'partner_agent' as const },
      null,
    ],
    [
      'a Tier 2 agent to a partner group',
      badger,
      login('tier2'),
      "Only partner agents can be in Badger Health Client Support, a partner client-support group; Quinn New's role is Tier 2 Support.",
    ],
    [
      'an end user to a partner group',
      badger,
      login('customer'),
      "Only partner agents can be in Badger Health Client Support, a partner client-support group; Quinn New's role is Customer.",
    ],
    [
      'an admin to a partner group',
      badger,
      login('admin'),
      "Only partner agents can be in Badger Health Client Support, a partner client-support group; Quinn New's role is Administrator.",
    ],
    [
      'a partner agent to Tier 2 Support',
      tier2,
      login('partner_agent'),
      "Only Tier 2 agents can be in Tier 2 Support; Quinn New's role is Partner agent.",
    ],
    [
      'an L1 agent to Tier 2 Support',
      tier2,
      login('l1'),
      "Only Tier 2 agents can be in Tier 2 Support; Quinn New's role is Level 1 agent.",
    ],
    [
      'someone already in the group',
      badger,
      { ...piper, role: 'partner_agent' as const },
      'Piper Partner is already in Badger Health Client Support.',
    ],
  ])('%s', (_name, group, user, refusal) => {
    expect(canAddGroupMember({ group, user })).toBe(refusal);
    if (refusal === null) expect(() => checkAddGroupMember({ group, user })).not.toThrow();
    else
      expect(domainErrorOf(() => checkAddGroupMember({ group, user }))).toMatchObject({
        code: 'VALIDATION',
        message: refusal,
        fields: { userId: refusal },
      });
  });
});

describe('checkNewGroupMember', () => {
  test.each([
    ['a partner group', badger, 'partner_agent'],
    ['Tier 2 Support', tier2, 'tier2'],
  ])('a new login in %s gets the group’s member role', (_name, group, role) => {
    expect(
      checkNewGroupMember({ group, email: 'quinn@partner.example', isEmailInUse: false }),
    ).toEqual({ role });
  });

  test('an address already in use (by a login or a customer record) is refused at the field', () => {
    expect(
      domainErrorOf(() =>
        checkNewGroupMember({
          group: badger,
          email: 'rita@badgerhealth.example',
          isEmailInUse: true,
        }),
      ),
    ).toMatchObject({
      code: 'VALIDATION',
      message: 'rita@badgerhealth.example is already in use.',
      fields: { email: 'Someone already uses this address' },
    });
  });
});

describe('canRemoveGroupMember / checkRemoveGroupMember', () => {
  test.each([
    ['a member with no open tickets, others remain', badger, piper.id, [], null],
    [
      'the last member of a partner group that supports no organisation',
      spare,
      parker.id,
      [],
      null,
    ],
    ['a Tier 2 agent with no open tickets, others remain', tier2, toby.id, [], null],
  ])('allowed: %s', (_name, group, userId, openTickets, refusal) => {
    expect(canRemoveGroupMember({ group, userId, openTickets })).toBe(refusal);
    expect(() => checkRemoveGroupMember({ group, userId, openTickets })).not.toThrow();
  });

  test.each([
    [
      'a partner agent who is assignee and relationship agent of open tickets, naming them',
      badger,
      parker.id,
      [ticket('INC-000009', true, true), ticket('INC-000011', false, true)],
      'Parker Partner still works open tickets of Badger Health Client Support: INC-000009 (assignee and relationship agent), INC-000011 (relationship agent). ' +
        'A partner agent keeps the requester through every escalation, so they can leave the group once those tickets are resolved.',
    ],
    [
      'a Tier 2 agent who has pulled an open ticket',
      tier2,
      tatum.id,
      [ticket('INC-000012', true, false)],
      'Tatum Tier2 still works open tickets of Tier 2 Support: INC-000012 (assignee). Have them return those tickets to the partner agent first.',
    ],
    [
      'the last member of a group that supports an organisation (nobody would be told)',
      { ...badger, organisations: ['Badger Health', 'Badger Labs'], members: [piper] },
      piper.id,
      [],
      'Piper Partner is the last member of Badger Health Client Support, which supports Badger Health, Badger Labs: nobody would be told of their new tickets. Add another agent first.',
    ],
    [
      'the last member of Tier 2 Support (nobody would be told of escalations)',
      { ...tier2, members: [toby] },
      toby.id,
      [],
      'Toby Tier2 is the last member of Tier 2 Support: nobody would be told of escalations. Add another Tier 2 agent first.',
    ],
    [
      'the last member, with an open ticket: both reasons',
      { ...badger, members: [parker] },
      parker.id,
      [ticket('INC-000009', true, true)],
      'Parker Partner still works open tickets of Badger Health Client Support: INC-000009 (assignee and relationship agent). ' +
        'A partner agent keeps the requester through every escalation, so they can leave the group once those tickets are resolved. ' +
        'Parker Partner is the last member of Badger Health Client Support, which supports Badger Health: nobody would be told of their new tickets. Add another agent first.',
    ],
  ])('refused: %s', (_name, group, userId, openTickets, refusal) => {
    expect(canRemoveGroupMember({ group, userId, openTickets })).toBe(refusal);
    expect(
      domainErrorOf(() => checkRemoveGroupMember({ group, userId, openTickets })),
    ).toMatchObject({ code: 'INVALID_TRANSITION', message: refusal });
  });

  test('someone who is not in the group → VALIDATION', () => {
    expect(
      domainErrorOf(() =>
        checkRemoveGroupMember({ group: badger, userId: tatum.id, openTickets: [] }),
      ),
    ).toMatchObject({
      code: 'VALIDATION',
      message: 'That person is not in Badger Health Client Support.',
    });
  });
});

describe('supportGroupOrRefuse', () => {
  test('a partner group or Tier 2 Support passes through', () => {
    expect(supportGroupOrRefuse(badger)).toBe(badger);
  });
  test('anything else (no such team, or not a support group) → VALIDATION at teamId', () => {
    expect(domainErrorOf(() => supportGroupOrRefuse(undefined))).toMatchObject({
      code: 'VALIDATION',
      fields: { teamId: 'Choose a partner client-support group or Tier 2 Support.' },
    });
  });
});

describe('the admin input schemas', () => {
  test('a new member: the same name, e-mail and password rules as an end user', () => {
    expect(
      groupMemberCreateSchema.parse({
        teamId: 13,
        name: ' Quinn New ',
        email: ' Quinn@Partner.Example ',
        password: 'long-enough',
      }),
    ).toEqual({
      teamId: 13,
      name: 'Quinn New',
      email: 'quinn@partner.example',
      password: 'long-enough',
    });
    const bad = groupMemberCreateSchema.safeParse({
      teamId: 0,
      name: ' ',
      email: 'not-an-address',
      password: 'short',
    });
    expect(bad.success).toBe(false);
    expect(Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), i.message]))).toEqual(
      {
        teamId: 'Choose a group',
        name: 'Give their name',
        email: 'Enter a valid e-mail address',
        password: 'Use at least 8 characters',
      },
    );
  });
  test('a membership names a group and a person', () => {
    expect(groupMemberSchema.safeParse({ teamId: 13, userId: 30 }).success).toBe(true);
    expect(groupMemberSchema.safeParse({ teamId: 13 }).success).toBe(false);
  });
});
