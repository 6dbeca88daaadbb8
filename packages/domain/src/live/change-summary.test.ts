import { expect, test } from 'vitest';
import { changeSentence, describeChange } from './change-summary';

test.each([
  ['onestep.assign_to_cps', 'assigned it to CPS'],
  ['onestep.take_ownership', 'took ownership'],
  ['edited', 'edited its fields'],
  ['note_added.internal', 'added an internal note'],
  ['partner.escalate', 'escalated it to Tier 2'],
  ['onestep.unknown', 'changed it (onestep.unknown)'],
  ['something_new', 'changed it (something_new)'],
])('%s reads "%s"', (kind, phrase) => expect(describeChange(kind)).toBe(phrase));

test.each([
  ['Cameron Chen', 'onestep.assign_to_cps', 3, 'Cameron Chen assigned it to CPS — now version 3'],
  [null, 'edited', 4, 'The system edited its fields — now version 4'],
  ['Lee', 'note_added', null, 'Lee added a customer-visible note'],
] as const)('%s + %s + v%s', (name, kind, version, sentence) =>
  expect(changeSentence(name, kind, version)).toBe(sentence),
);
