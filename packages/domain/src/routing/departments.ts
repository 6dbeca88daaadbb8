/**
 * Short names of the demo departments on the List of DoIT Departmental Support Contract
 * Customers; a computer whose name begins with one of them is departmental (kb 000).
 */
export const demoDepartmentPrefixes: readonly string[] = [
  'cae',
  'lsci',
  'mdsn',
  'soe',
  'grad',
  'chem',
];

/** Legacy AIMS device-name prefixes, departmental whatever the department list says (kb 000). */
export const legacyAimsPrefixes = ['aims', 'wdn', 'wdm'] as const;

/**
 * Whether a computer name marks a departmental (CPS-supported) device (kb 000): its prefix is a
 * department short name, or it starts with a legacy AIMS prefix. A short name must end at a
 * non-letter ("CAE-1234", "lsci0042") so a personal "Caesar-PC" is not read as CAE's.
 */
export function isDepartmentalComputer(
  computerName: string,
  departmentPrefixes: readonly string[],
): boolean {
  const name = computerName.trim().toLowerCase();
  if (legacyAimsPrefixes.some((p) => name.startsWith(p))) return true;
  return departmentPrefixes.some((raw) => {
    const prefix = raw.trim().toLowerCase();
    return (
      prefix.length > 0 && name.startsWith(prefix) && !/^[a-z]/.test(name.slice(prefix.length))
    );
  });
}
