import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { answerQuestion, isQuestionOpen, type RoutingAnswer } from './questions';
import { routeContact } from './route-contact';
import {
  contactChannels,
  type ContactFacts,
  contactFactsSchema,
  routingDecisionSchema,
  type RoutingQuestion,
} from './schemas';
import { demoRouting } from './test-fixtures';

const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { nil: undefined });

// Random instants over the demo calendar's years, plus the edges where bugs live:
// the opening and closing seconds, weekends, holidays and both DST changes.
const instant = fc.oneof(
  fc
    .date({
      min: new Date('2025-12-01T00:00:00Z'),
      max: new Date('2028-01-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    '2026-02-10T06:59:59-06:00',
    '2026-02-10T07:00:00-06:00',
    '2026-02-10T17:59:59-06:00',
    '2026-02-10T18:00:00-06:00',
    '2026-02-14T10:00:00-06:00',
    '2026-07-03T10:00:00-05:00',
    '2026-11-26T12:00:00-06:00',
    '2026-03-08T08:30:00Z',
    '2026-11-01T06:30:00Z',
  ),
);

const computerNames = fc.constantFrom(
  'CAE-1234',
  'lsci0042',
  'AIMS12345',
  'wdn-1',
  'WDM9',
  'DESKTOP-8FJ2K',
  'Caesar-PC',
  'chem7',
);
const computerName = fc.oneof(
  computerNames,
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0),
);

const rawFacts = fc.record({
  at: instant,
  channel: fc.constantFrom(...contactChannels),
  service: fc.record({
    banner: fc.constantFrom('pick5' as const, 'pick2' as const, null),
    generalHdHandles: optional(fc.boolean()),
    supportCategory: optional(fc.constantFrom(1 as const, 2 as const, 3 as const)),
    technologistGroup: optional(
      fc.constantFrom(
        'SNCC-Sysops',
        'SNCC-Network',
        'DRMT',
        'Middleware',
        'IIAT',
        'Applications Technology',
        'Tier 2 Support',
      ),
    ),
  }),
  customer: fc.record({
    coned: fc.boolean(),
    program: optional(fc.constantFrom('aims' as const, 'ds' as const, null)),
    primaryTechPartner: optional(fc.boolean()),
    contractDepartment: optional(fc.boolean()),
    indicatesContractPartner: optional(fc.boolean()),
  }),
  workRelated: optional(fc.boolean()),
  computerName: optional(fc.option(computerName, { nil: null })),
  criticalWorkStoppage: optional(fc.boolean()),
  suspectedEnterprise: optional(fc.boolean()),
  esSupported: optional(fc.boolean()),
  missionCritical: optional(fc.boolean()),
  outage: optional(fc.boolean()),
  cpsAgentsReady: optional(fc.nat({ max: 5 })),
});

/** Only schema-valid facts: exactly what a procedure would hand to routeContact. */
const validFacts: fc.Arbitrary<ContactFacts> = rawFacts.map((raw) => contactFactsSchema.parse(raw));

const answerValue = fc.record({
  flag: fc.boolean(),
  computer: fc.option(computerName, { nil: null }),
});

const answerFor = (
  question: RoutingQuestion,
  value: { flag: boolean; computer: string | null },
): RoutingAnswer =>
  question === 'computerName'
    ? { question, value: value.computer }
    : { question, value: value.flag };

// Hundreds of generated cases each: a busy CI machine needs more than vitest's default 5 s.
vi.setConfig({ testTimeout: 60_000 });

describe('routeContact properties (fast-check)', () => {
  test('never throws on schema-valid facts and always returns a schema-valid decision', () => {
    fc.assert(
      fc.property(validFacts, (facts) => {
        const decision = routeContact(facts, demoRouting);
        expect(routingDecisionSchema.safeParse(decision).success).toBe(true);
        expect(decision.steps.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  test('asks only with a question whose fact is absent, and asks nothing otherwise', () => {
    fc.assert(
      fc.property(validFacts, (facts) => {
        const decision = routeContact(facts, demoRouting);
        if (decision.outcome === 'ask') {
          expect(decision.question).toBeDefined();
          expect(isQuestionOpen(facts, decision.question!)).toBe(true);
        } else {
          expect(decision.question).toBeUndefined();
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('answering the question changes it or ends the asking, within 5 questions', () => {
    fc.assert(
      fc.property(
        validFacts,
        fc.array(answerValue, { minLength: 6, maxLength: 6 }),
        (start, answers) => {
          let facts = start;
          let decision = routeContact(facts, demoRouting);
          let asked = 0;
          while (decision.outcome === 'ask') {
            const question = decision.question!;
            asked += 1;
            expect(asked).toBeLessThanOrEqual(5);
            facts = answerQuestion(facts, answerFor(question, answers[asked - 1]!));
            expect(contactFactsSchema.safeParse(facts).success).toBe(true);
            decision = routeContact(facts, demoRouting);
            if (decision.outcome === 'ask') expect(decision.question).not.toBe(question);
          }
          expect(decision.outcome).not.toBe('ask');
        },
      ),
      { numRuns: 2000 },
    );
  });
});
