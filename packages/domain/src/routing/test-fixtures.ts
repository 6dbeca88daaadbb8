// The demo department list (as the demo seed has it) for the routing rule tests: plain data.
import { type RoutingContext } from './route-contact';
import { type RoutingDepartment } from './departments';

const dept = (
  shortName: string,
  name: string,
  contractPartner: boolean,
  program: RoutingDepartment['program'] = null,
  primaryTechPartner = false,
): RoutingDepartment => ({ name, shortName, contractPartner, program, primaryTechPartner });

export const demoDepartments: readonly RoutingDepartment[] = [
  dept('CAE', 'Computer-Aided Engineering', true, 'ds'),
  dept('LSCI', 'Letters & Science Computing', true, 'aims'),
  dept('MDSN', 'Division of Extension', true),
  dept('SOE', 'School of Education', false, null, true),
  dept('GRAD', 'Graduate School', false),
  dept('CHEM', 'Department of Chemistry', true),
];

/** The routing data a test passes when it is not about the data itself. */
export const demoRouting: RoutingContext = { departments: demoDepartments };
