import { describe, expect, test } from 'vitest';
import { incidentWith } from '../incident/test-fixtures';
import { type Incident } from '../incident/schema';
import { isComplete, tpCompleteness, tpScope } from './tp-review';

const service = {
  name: 'Remote Desktop Gateway',
  category: 'Access',
  subcategory: 'Cannot connect',
};
const complete: Partial<Incident> = {
  description: 'Nobody in the dean’s office can connect since 8 AM.',
  preferredContact: 'email',
  callerEmail: 'kpartner@education.wisc.edu',
  callerPhone: null,
  peopleAffected: 12,
};
const failing = (incident: Partial<Incident>, svc: typeof service | null = service) =>
  tpCompleteness(incidentWith({ ...complete, ...incident }), svc)
    .filter((c) => !c.ok)
    .map((c) => c.text);

describe('tpCompleteness (kb 004 step 2)', () => {
  test('a complete case passes all four checks', () => {
    const checks = tpCompleteness(incidentWith(complete), service);
    expect(checks.map((c) => [c.item, c.ok, c.text])).toEqual([
      ['service', true, 'Service: Remote Desktop Gateway › Access › Cannot connect'],
      ['description', true, 'Description: 51 characters'],
      ['contact', true, 'Contact: e-mail kpartner@education.wisc.edu'],
      ['peopleAffected', true, 'People affected: 12 (more than one: mission critical)'],
    ]);
    expect(isComplete(checks)).toBe(true);
  });

  test.each<[string, Partial<Incident>, typeof service | null, string[]]>([
    ['no service', {}, null, ['Service: not chosen']],
    [
      'a one-word description',
      { description: 'Broken' },
      service,
      ['Description: too short to classify (6 characters)'],
    ],
    [
      'phone preferred, no phone',
      { preferredContact: 'phone' },
      service,
      ['Contact: prefers phone but gave no phone number'],
    ],
    [
      'e-mail preferred, no e-mail',
      { callerEmail: null, callerPhone: '608-555-0100' },
      service,
      ['Contact: prefers email but gave no e-mail address'],
    ],
    [
      'no preference and no contact',
      { preferredContact: null, callerEmail: null },
      service,
      ['Contact: prefers to be contacted but gave no phone number'],
    ],
    ['head count unknown', { peopleAffected: null }, service, ['People affected: not known']],
  ])('%s', (_name, incident, svc, texts) => {
    expect(failing(incident, svc)).toEqual(texts);
  });

  test.each<[Partial<Incident>, string]>([
    [{ preferredContact: 'phone', callerPhone: '608-555-0100' }, 'Contact: phone 608-555-0100'],
    [{ preferredContact: null, callerPhone: '608-555-0100' }, 'Contact: 608-555-0100'],
    [{ peopleAffected: 1 }, 'People affected: 1 (one person: handle normally)'],
  ])('passing texts: %o → %s', (incident, text) => {
    expect(
      tpCompleteness(incidentWith({ ...complete, ...incident }), service).map((c) => c.text),
    ).toContain(text);
  });
});

describe('tpScope (kb 004 "The scope of Support")', () => {
  test.each([
    [1, 'SNCC', true, 'In Primary TP scope (category 1, SNCC technologists).'],
    [2, 'DRMT', true, 'In Primary TP scope (category 2, DRMT technologists).'],
    [
      3,
      'DRMT',
      false,
      'Out of Primary TP scope (category 3 products are excluded): handle normally.',
    ],
    [
      2,
      'Applications Technology',
      false,
      'Out of Primary TP scope (Applications Technology is not SNCC, DRMT, Middleware or IIAT): handle normally.',
    ],
    [
      1,
      null,
      false,
      'Out of Primary TP scope (no technologist group is not SNCC, DRMT, Middleware or IIAT): handle normally.',
    ],
  ] as const)('category %i, %s → %s', (supportCategory, technologistGroup, inScope, text) => {
    expect(tpScope({ supportCategory, technologistGroup })).toEqual({ inScope, text });
  });
});
