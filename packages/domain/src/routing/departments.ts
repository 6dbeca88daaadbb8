import '../zod-config';
import { z } from 'zod';

/**
 * A department as routing reads it (kb 000 "List of DoIT Departmental Support Contract
 * Customers"): kept in the database and edited by administrators, never a constant in code.
 */
export const routingDepartmentSchema = z.object({
  name: z.string().trim().min(1, 'Give the department’s name').max(200),
  /** Also the computer-name prefix of the department's machines ("CAE-1234"). */
  shortName: z
    .string()
    .trim()
    .min(1, 'Give the short name (the computer-name prefix)')
    .max(20, 'A short name is at most 20 characters')
    .regex(/^[A-Za-z][A-Za-z0-9]*$/, 'A short name is letters and digits, starting with a letter'),
  /** On the contract list: its customers and its computers are CPS-supported. */
  contractPartner: z.boolean(),
  /** The legacy program (kb 001): AIMS or DS, which picks the after-hours on-call schedule. */
  program: z.enum(['aims', 'ds']).nullable(),
  primaryTechPartner: z.boolean(),
});
export type RoutingDepartment = z.infer<typeof routingDepartmentSchema>;

/** Legacy AIMS device-name prefixes, departmental whatever the department list says (kb 000). */
export const legacyAimsPrefixes = ['aims', 'wdn', 'wdm'] as const;

type Prefixed = Pick<RoutingDepartment, 'shortName' | 'contractPartner'>;

// A short name must end at a non-letter ("CAE-1234", "lsci0042") so a personal "Caesar-PC" is not CAE's.
const carriesPrefix = (name: string, raw: string): boolean => {
  const prefix = raw.trim().toLowerCase();
  return prefix.length > 0 && name.startsWith(prefix) && !/^[a-z]/.test(name.slice(prefix.length));
};

/** The department whose short name a computer name begins with, on the contract list or not. */
export function departmentOfComputer<D extends Prefixed>(
  computerName: string,
  departments: readonly D[],
): D | undefined {
  const name = computerName.trim().toLowerCase();
  return departments
    .filter((d) => carriesPrefix(name, d.shortName))
    .sort((a, b) => b.shortName.trim().length - a.shortName.trim().length)[0];
}

/**
 * Whether a computer name marks a departmental (CPS-supported) device (kb 000): it starts with a
 * legacy AIMS prefix, or with the short name of a department on the contract list. A department
 * that is not a contract partner (SOE, GRAD) does not make its computers departmental.
 */
export function isDepartmentalComputer(
  computerName: string,
  departments: readonly Prefixed[],
): boolean {
  const name = computerName.trim().toLowerCase();
  if (legacyAimsPrefixes.some((p) => name.startsWith(p))) return true;
  return departmentOfComputer(computerName, departments)?.contractPartner === true;
}
