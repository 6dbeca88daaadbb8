import { kbDocs } from '../constants';
import { departmentOfComputer, isDepartmentalComputer } from '../departments';
import { ask, type CpsBasis, type RuleEnv, type Verdict } from './context';

/** Rule 2 (kb 000, 002): a CPS customer is coned or from a department on the contract list. */
export function classifyCpsCustomer({ facts, noteFor }: RuleEnv): 'yes' | 'no' | 'unknown' {
  const note = noteFor(kbDocs.cpsTransfer);
  const { coned, contractDepartment, indicatesContractPartner } = facts.customer;
  if (coned) {
    note('cps.customer', 'yes', 'Customer is coned (contract partner flag): a CPS customer.');
    return 'yes';
  }
  if (contractDepartment === true) {
    note('cps.customer', 'yes', "Customer's department is on the contract list: a CPS customer.");
    return 'yes';
  }
  if (contractDepartment === undefined && indicatesContractPartner === true) {
    note(
      'cps.customer',
      'unknown',
      'Customer is not coned but indicates a contract partner: confirm their department on ' +
        'the List of DoIT Departmental Support Contract Customers.',
    );
    return 'unknown';
  }
  const why =
    contractDepartment === false
      ? 'their department is not on the contract list'
      : 'nothing suggests a contract partner';
  note('cps.customer', 'no', `Customer is not coned and ${why}: not a CPS customer.`);
  return 'no';
}

/**
 * Rule 3 (kb 000 "Verify that Help Desk CPS supports the product or problem", kb 002): why the
 * contact is CPS-supported, `not-cps` to go on to rule 6, or a verdict (a question or General HD).
 */
export function checkCpsEligibility(
  { facts, departments, noteFor }: RuleEnv,
  isCpsCustomer: boolean,
): CpsBasis | 'not-cps' | Verdict {
  const note = noteFor(kbDocs.cpsTransfer);
  const { banner, generalHdHandles } = facts.service;

  if (banner === 'pick5') {
    note(
      'cps.pick5-banner',
      'yes',
      'Purple PICK 5 banner: CPS-supported, whoever the customer is.',
    );
    return 'pick5';
  }
  if (!isCpsCustomer) {
    note('cps.pick5-banner', 'no', 'Not a PICK 5 service and the customer is not coned: not CPS.');
    return 'not-cps';
  }
  note('cps.pick5-banner', 'no', 'Not a PICK 5 service; the customer is a CPS customer.');

  // kb 002 decides this one: CPS customers go to CPS "regardless of whether it's Pick 2".
  const noteEs = noteFor(kbDocs.enterpriseSupport);
  if (banner === 'pick2') {
    noteEs('cps.pick2-coned', 'yes', 'PICK 2 banner, but CPS customers go to CPS regardless.');
    return 'coned-pick2';
  }
  noteEs('cps.pick2-coned', 'no', 'Not a PICK 2 service.');

  if (generalHdHandles === true) {
    note('cps.general-hd-handles', 'yes', 'The General HD always handles NetID / Duo / passwords.');
    return { outcome: 'general_hd' };
  }
  note('cps.general-hd-handles', 'no', 'Not a NetID / Duo / password service.');

  if (facts.workRelated === undefined) {
    note('cps.work-related', 'unknown', 'Not yet asked whether the contact is work related.');
    return ask('workRelated');
  }
  if (facts.workRelated) {
    note('cps.work-related', 'yes', 'Work related: CPS-supported.');
    return 'work-related';
  }
  note('cps.work-related', 'no', 'Not work related: check whether the computer is departmental.');

  const { computerName } = facts;
  if (computerName === undefined) {
    note('cps.computer-name', 'unknown', 'Computer number not asked yet.');
    return ask('computerName');
  }
  if (computerName === null) {
    note('cps.computer-name', 'no', 'Personal device: continue the call as normal (General HD).');
    return { outcome: 'general_hd' };
  }
  if (isDepartmentalComputer(computerName, departments)) {
    note('cps.computer-name', 'yes', `Computer ${computerName} is departmental: CPS-supported.`);
    return 'departmental-computer';
  }
  const owner = departmentOfComputer(computerName, departments);
  const why = owner ? ` (${owner.name} is not on the contract list)` : '';
  note(
    'cps.computer-name',
    'no',
    `Computer ${computerName} is not departmental${why}: General HD.`,
  );
  return { outcome: 'general_hd' };
}
