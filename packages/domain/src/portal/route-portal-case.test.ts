import { describe, expect, test } from 'vitest';
import { type ContactFacts } from '../routing/schemas';
import { portalRoutingEntry, routePortalCase } from './route-portal-case';
import { demoRouting } from '../routing/test-fixtures';

// Tuesday 24 November 2026, 10:00 and 19:00 in Chicago.
const open = '2026-11-24T16:00:00.000Z';
const closed = '2026-11-25T01:00:00.000Z';
const plainService = {
  banner: null,
  generalHdHandles: false,
  supportCategory: 2,
  technologistGroup: 'DRMT',
} as const;
const coned = { coned: true, program: 'ds' } as const;
const tp = { coned: false, primaryTechPartner: true } as const;
const plain = { coned: false } as const;

const facts = (over: Partial<ContactFacts>): ContactFacts => ({
  at: open,
  channel: 'portal',
  service: plainService,
  customer: plain,
  workRelated: true,
  computerName: null,
  ...over,
});

describe('routePortalCase (kb 000 "Help Online", kb 004)', () => {
  test.each<[string, Partial<ContactFacts>, 'cps' | 'help_desk', boolean, string]>([
    [
      'a coned customer, work related, CPS open',
      { customer: coned },
      'cps',
      false,
      'assign_to_cps',
    ],
    [
      'a coned customer after hours (no one to page: wait for CPS)',
      { customer: coned, at: closed },
      'cps',
      false,
      'ask',
    ],
    [
      'a customer of a contract department',
      { customer: { coned: false, contractDepartment: true } },
      'cps',
      false,
      'assign_to_cps',
    ],
    [
      'anyone on a PICK 5 service',
      { service: { ...plainService, banner: 'pick5' } },
      'cps',
      false,
      'assign_to_cps',
    ],
    [
      'a Primary TP on a PICK 5 service (CPS first)',
      { customer: tp, service: { ...plainService, banner: 'pick5' } },
      'cps',
      false,
      'assign_to_cps',
    ],
    [
      'a coned customer, NetID (General HD always handles it)',
      { customer: coned, service: { ...plainService, generalHdHandles: true } },
      'help_desk',
      false,
      'general_hd',
    ],
    [
      'a coned customer, not work related, personal device',
      { customer: coned, workRelated: false, computerName: null },
      'help_desk',
      false,
      'general_hd',
    ],
    [
      'a coned customer, not work related, departmental computer',
      { customer: coned, workRelated: false, computerName: 'CAE-4411' },
      'cps',
      false,
      'assign_to_cps',
    ],
    ['a Primary Tech Partner', { customer: tp }, 'help_desk', true, 'ask'],
    ['a Primary Tech Partner after hours', { customer: tp, at: closed }, 'help_desk', true, 'ask'],
    ['a plain customer', {}, 'help_desk', false, 'general_hd'],
    [
      'a plain customer on a PICK 2 service',
      { service: { ...plainService, banner: 'pick2' } },
      'help_desk',
      false,
      'es_queue',
    ],
  ])('%s → %s', (_name, over, destination, tpReview, outcome) => {
    const route = routePortalCase(facts(over), demoRouting);
    expect(route).toMatchObject({ destination, tpReview, decision: { outcome } });
  });

  test('a Primary TP is asked nothing by the portal: the review finds out whether it is mission critical', () => {
    const route = routePortalCase(facts({ customer: tp }), demoRouting);
    expect(route.decision.question).toBe('missionCritical');
    expect(route.text).toMatch(/TP review queue of US - Help Desk/);
  });

  test('only portal cases are routed here', () => {
    expect(() => routePortalCase(facts({ channel: 'email' }), demoRouting)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });

  test('the routing journal entry is internal and carries the trace', () => {
    const route = routePortalCase(facts({ customer: coned }), demoRouting);
    const entry = portalRoutingEntry(route, 5, open);
    expect(entry).toMatchObject({
      kind: 'routing',
      visibility: 'internal',
      authorId: 5,
      createdAt: open,
    });
    expect(entry.body).toBe(
      'Help Online routing: CPS-supported: assigned to CPS at once (portal or auto case).',
    );
    expect(entry.data).toMatchObject({
      outcome: 'assign_to_cps',
      destination: 'cps',
      steps: route.decision.steps,
    });
  });
});
