import { describe, expect, test } from 'vitest';
import {
  adminAuditInWords,
  auditInWords,
  incidentAuditFields,
  problemAuditFields,
  promisesInWords,
  type AuditNames,
} from './audit-words';
import { formatDeskTime } from './format-time';

const names: AuditNames = {
  team: (id) => ({ 1: 'US - Help Desk', 3: 'US - Help Desk CPS' })[id],
  user: (id) => ({ 7: 'Cameron CPS', 8: 'Lee Level-One' })[id],
  service: (id) => ({ 2: 'NetID', 5: 'Duo' })[id],
  customer: (id) => ({ 4: 'Casey Customer' })[id],
  problem: (id) => ({ 9: 'PRB-000009' })[id],
  outage: (id) => ({ 6: 'OUT-000006' })[id],
  department: (id) => ({ 11: 'AIMS' })[id],
};

// 2026-12-01 is a Tuesday; 20:00Z is 2:00 PM in Chicago (CST).
const tuesday2pm = '2026-12-01T20:00:00.000Z';
const wednesday9am = '2026-12-02T15:00:00.000Z';

describe('formatDeskTime', () => {
  test.each([
    [tuesday2pm, 'Tue, Dec 1, 2:00 PM'],
    ['2026-07-01T14:30:00.000Z', 'Wed, Jul 1, 9:30 AM'], // CDT
    ['not a time', 'not a time'],
  ])('%s reads %s', (iso, text) => expect(formatDeskTime(iso)).toBe(text));
});

describe('an incident audit row in words: every audited field', () => {
  const rows: [
    keyof typeof incidentAuditFields,
    string | null,
    string | null,
    string,
    string | null,
    string | null,
  ][] = [
    ['callerName', 'Casey', 'Casey C.', 'Caller name', 'Casey', 'Casey C.'],
    ['callerPhone', null, '608-555-0100', 'Caller phone', null, '608-555-0100'],
    ['callerEmail', 'a@x.test', 'b@x.test', 'Caller e-mail', 'a@x.test', 'b@x.test'],
    ['customerId', null, '4', 'Customer', null, 'Casey Customer'],
    ['channel', 'phone', 'email', 'Channel', 'Phone', 'E-mail'],
    ['serviceId', '2', '5', 'Service', 'NetID', 'Duo'],
    ['description', 'old', 'new', 'Description', 'old', 'new'],
    ['classification', null, 'Duo > Enrollment', 'Classification', null, 'Duo > Enrollment'],
    ['status', 'new', 'in_progress', 'Status', 'New', 'In progress'],
    ['ownerTeamId', '1', '3', 'Owner team', 'US - Help Desk', 'US - Help Desk CPS'],
    ['ownerAgentId', '8', '7', 'Owner', 'Lee Level-One', 'Cameron CPS'],
    ['urgency', null, 'can_wait_until_hdl2', 'Urgency', null, 'Can wait until HDL2'],
    ['expectation', null, 'Today', 'Expectation', null, 'Today'],
    ['preferredContact', 'phone', 'e-mail', 'Preferred contact', 'phone', 'e-mail'],
    ['computerName', null, 'AIMS-1234', 'Computer name', null, 'AIMS-1234'],
    ['problemId', null, '9', 'Problem', null, 'PRB-000009'],
    [
      'promises',
      '{}',
      JSON.stringify({ contactBy: tuesday2pm, callIfNoContactBy: wednesday9am }),
      'Promises',
      'No promises',
      'Contact by Tue, Dec 1, 2:00 PM; Call us if no contact by Wed, Dec 2, 9:00 AM',
    ],
    ['peopleAffected', '1', '12', 'People affected', '1', '12'],
    ['tpTriage', 'review', 'mission_critical', 'TP review', 'In TP review', 'Mission critical'],
  ];

  test('the table has one row per audited field', () =>
    expect(rows.map((r) => r[0]).sort()).toEqual(Object.keys(incidentAuditFields).sort()));

  test.each(rows)('%s: %s → %s reads "%s: %s → %s"', (field, from, to, label, fromText, toText) =>
    expect(auditInWords('incident', { field, fromValue: from, toValue: to }, names)).toEqual({
      field: label,
      fromValue: fromText,
      toValue: toText,
    }),
  );
});

describe('a problem audit row in words: every audited field', () => {
  const rows: [
    keyof typeof problemAuditFields,
    string | null,
    string | null,
    string,
    string | null,
    string | null,
  ][] = [
    ['title', 'Duo down', 'Duo push fails', 'Title', 'Duo down', 'Duo push fails'],
    ['status', 'open', 'resolved', 'Status', 'Open', 'Resolved'],
    ['serviceId', '2', '5', 'Service', 'NetID', 'Duo'],
    ['category', 'a', 'b', 'Category', 'a', 'b'],
    ['impact', 'a', 'b', 'Impact', 'a', 'b'],
    ['symptoms', 'a', 'b', 'Symptoms', 'a', 'b'],
    [
      'firstSeenAt',
      tuesday2pm,
      wednesday9am,
      'First seen',
      'Tue, Dec 1, 2:00 PM',
      'Wed, Dec 2, 9:00 AM',
    ],
    ['ownerTeamId', '1', '3', 'Owner team', 'US - Help Desk', 'US - Help Desk CPS'],
    ['outageId', null, '6', 'Outage', null, 'OUT-000006'],
    ['resolvedAt', null, tuesday2pm, 'Resolved', null, 'Tue, Dec 1, 2:00 PM'],
  ];

  test('the table has one row per audited field', () =>
    expect(rows.map((r) => r[0]).sort()).toEqual(Object.keys(problemAuditFields).sort()));

  test.each(rows)('%s: %s → %s reads "%s: %s → %s"', (field, from, to, label, fromText, toText) =>
    expect(auditInWords('problem', { field, fromValue: from, toValue: to }, names)).toEqual({
      field: label,
      fromValue: fromText,
      toValue: toText,
    }),
  );
});

describe('what words cannot name', () => {
  test.each([
    [
      'a team that is gone keeps its id',
      { field: 'ownerTeamId', fromValue: '1', toValue: '99' },
      { field: 'Owner team', fromValue: 'US - Help Desk', toValue: '#99' },
    ],
    [
      'an unknown field is spelled out, values as stored',
      { field: 'some_field', fromValue: 'a', toValue: null },
      { field: 'Some field', fromValue: 'a', toValue: null },
    ],
  ])('%s', (_name, row, words) => expect(auditInWords('incident', row, names)).toEqual(words));

  test.each([
    ['not JSON', 'not JSON'],
    ['{"contactBy": 3}', '{"contactBy": 3}'],
    [JSON.stringify({ techContactBy: tuesday2pm }), 'Technician contacts by Tue, Dec 1, 2:00 PM'],
    [JSON.stringify({ respondBy: tuesday2pm }), 'Respond by Tue, Dec 1, 2:00 PM'],
  ])('promises %s read %s', (stored, text) => expect(promisesInWords(stored)).toBe(text));
});

describe('an admin audit row in words', () => {
  test.each([
    [
      { entity: 'user', entityKey: '8', field: 'active', fromValue: 'yes', toValue: 'no' },
      {
        entity: 'Login',
        entityKey: 'Lee Level-One',
        field: 'Active',
        fromValue: 'Yes',
        toValue: 'No',
      },
    ],
    [
      {
        entity: 'department',
        entityKey: '11',
        field: 'contractPartner',
        fromValue: 'false',
        toValue: 'true',
      },
      {
        entity: 'Department',
        entityKey: 'AIMS',
        field: 'Contract partner',
        fromValue: 'No',
        toValue: 'Yes',
      },
    ],
    [
      {
        entity: 'holiday',
        entityKey: '2026-12-25',
        field: 'name',
        fromValue: null,
        toValue: 'Christmas',
      },
      {
        entity: 'Holiday',
        entityKey: '2026-12-25',
        field: 'Name',
        fromValue: null,
        toValue: 'Christmas',
      },
    ],
    [
      { entity: 'opening_hours', entityKey: 'cps', field: 'week', fromValue: 'a', toValue: 'b' },
      { entity: 'Opening hours', entityKey: 'cps', field: 'Week', fromValue: 'a', toValue: 'b' },
    ],
    [
      { entity: 'leadership', entityKey: '3', field: 'position', fromValue: '1', toValue: '2' },
      {
        entity: 'HD leadership contact',
        entityKey: '3',
        field: 'Position',
        fromValue: '1',
        toValue: '2',
      },
    ],
    [
      { entity: 'user', entityKey: '8', field: 'role', fromValue: 'l1', toValue: 'hdqa' },
      {
        entity: 'Login',
        entityKey: 'Lee Level-One',
        field: 'Role',
        fromValue: 'Level 1 agent',
        toValue: 'HDQA',
      },
    ],
    [
      {
        entity: 'user',
        entityKey: 'new@x.test',
        field: 'created',
        fromValue: null,
        toValue: 'administrator',
      },
      {
        entity: 'Login',
        entityKey: 'new@x.test',
        field: 'Created',
        fromValue: null,
        toValue: 'administrator',
      },
    ],
    [
      { entity: 'team_lead', entityKey: '3', field: 'lead', fromValue: null, toValue: '7' },
      {
        entity: 'Team lead',
        entityKey: 'US - Help Desk CPS',
        field: 'Lead',
        fromValue: null,
        toValue: 'Cameron CPS',
      },
    ],
  ])('%o', (row, words) => expect(adminAuditInWords(row, names)).toEqual(words));
});
