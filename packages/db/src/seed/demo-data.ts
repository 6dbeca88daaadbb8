// The demo organisation: every team of DOMAIN.md §2, a service catalog covering every banner and
// support category, departments and customers covering every routing case, one login per role.
import { type Role } from '@handoff/domain';

export const demoPassword = 'handoff-demo';

export const demoTeams = [
  { name: 'US - Help Desk', kind: 'help_desk', description: 'General Help Desk, Level 1' },
  { name: 'HDQA', kind: 'help_desk', description: 'Help Desk Quality Assurance' },
  {
    name: 'US - Help Desk CPS',
    kind: 'support',
    description: 'Contract Partner Support, 608-265-6900, Mon–Fri 7:00–18:00',
  },
  { name: 'HD ES', kind: 'support', description: 'Enterprise Support' },
  { name: 'SNCC-Sysops', kind: 'operations', description: 'Operations center: systems' },
  { name: 'SNCC-Network', kind: 'operations', description: 'Operations center: network' },
  { name: 'EAST', kind: 'support', description: 'After-hours escalation for departmental issues' },
  {
    name: 'DRMT',
    kind: 'technologist',
    description: 'Technologists: desktop and remote management',
  },
  { name: 'Middleware', kind: 'technologist', description: 'Technologists: middleware' },
  { name: 'IIAT', kind: 'technologist', description: 'Technologists: identity and access' },
  {
    name: 'Applications Technology',
    kind: 'technologist',
    description: 'Technologists: applications',
  },
  { name: 'Tier 2 Support', kind: 'tier2', description: 'Vendor Tier 2 for channel partners' },
  {
    name: 'Badger Health Client Support',
    kind: 'partner',
    description: 'Channel partner Tier 1 for Badger Health',
  },
] as const;

export const demoDepartments = [
  {
    name: 'Computer-Aided Engineering',
    shortName: 'CAE',
    contractPartner: true,
    program: 'ds',
    primaryTechPartner: false,
    emailDomains: ['cae.wisc.edu'],
  },
  {
    name: 'Letters & Science Computing',
    shortName: 'LSCI',
    contractPartner: true,
    program: 'aims',
    primaryTechPartner: false,
    emailDomains: ['ls.wisc.edu'],
  },
  {
    name: 'Division of Extension',
    shortName: 'MDSN',
    contractPartner: true,
    program: null,
    primaryTechPartner: false,
    emailDomains: ['extension.wisc.edu'],
  },
  {
    name: 'School of Education',
    shortName: 'SOE',
    contractPartner: false,
    program: null,
    primaryTechPartner: true,
    emailDomains: ['education.wisc.edu'],
  },
  {
    name: 'Graduate School',
    shortName: 'GRAD',
    contractPartner: false,
    program: null,
    primaryTechPartner: false,
    emailDomains: ['grad.wisc.edu'],
  },
  {
    name: 'Department of Chemistry',
    shortName: 'CHEM',
    contractPartner: true,
    program: null,
    primaryTechPartner: false,
    emailDomains: ['chem.wisc.edu'],
  },
] as const;

type Banner = 'pick5' | 'pick2' | null;
const svc = (
  name: string,
  category: string,
  subcategory: string,
  banner: Banner,
  supportCategory: 1 | 2 | 3,
  technologistGroup: string | null,
  generalHdHandles = false,
) => ({
  name,
  category,
  subcategory,
  banner,
  supportCategory,
  technologistGroup,
  generalHdHandles,
});

export const demoServices = [
  // Where Assign to EAST files after-hours cases (kb 001): an agents' bucket, not a customer's choice.
  {
    ...svc('DoIT Departmental Support', 'Service Inquiry', 'Unclassified', 'pick5', 3, null),
    customerFacing: false,
  },
  svc('Departmental Computer Support', 'Hardware', 'Desktop or laptop', 'pick5', 3, null),
  svc('Departmental Computer Support', 'Software', 'Installation', 'pick5', 3, null),
  svc(
    'Enterprise Business System',
    'Payroll',
    'Access request',
    'pick2',
    2,
    'Applications Technology',
  ),
  svc('Student Information System', 'Enrollment', 'Error message', 'pick2', 1, 'Middleware'),
  svc('NetID', 'Account', 'Password reset', null, 1, 'IIAT', true),
  svc('Duo Multi-Factor Authentication', 'Enrollment', 'New device', null, 1, 'IIAT', true),
  svc('Office 365', 'Email', 'Delivery problem', null, 2, 'Middleware'),
  svc('Campus Network', 'Wired', 'No connectivity', null, 1, 'SNCC'),
  svc('Wireless (UWNet)', 'Connectivity', 'Cannot connect', null, 1, 'SNCC'),
  svc('Remote Desktop Gateway', 'Access', 'Cannot connect', null, 2, 'DRMT'),
  svc('Enterprise File Storage', 'File share', 'Permissions', null, 2, 'DRMT'),
  svc('Canvas', 'Course', 'Access', null, 3, 'Applications Technology'),
  svc('Campus Printing', 'Printers', 'Paper jam', null, 3, null),
  // Where channel-partner tickets are filed (partnerTicketService in the domain).
  svc('Channel partner support', 'Ticket', 'General', null, 3, null),
  // Where e-mail cases land until an agent classifies them (domain emailIntakeService).
  svc('General Help Desk', 'Service Inquiry', 'Unclassified', null, 3, null),
];

/** Channel-partner organisations (kb 003): end users are placed in them by e-mail domain. */
export const demoOrganisations = [
  {
    name: 'Badger Health',
    domains: ['badgerhealth.example'],
    partnerTeam: 'Badger Health Client Support',
  },
] as const;

/** End users of those organisations (their e-mail doubles as the NetID). */
export const demoOrganisationMembers = [
  { name: 'Rita Requester', email: 'rita@badgerhealth.example', organisation: 'Badger Health' },
  { name: 'Bao Tran', email: 'bao@badgerhealth.example', organisation: 'Badger Health' },
  { name: 'Noor Haddad', email: 'noor@badgerhealth.example', organisation: 'Badger Health' },
] as const;

type Program = 'aims' | 'ds' | null;
const cust = (
  name: string,
  netId: string,
  dept: string,
  coned: boolean,
  program: Program,
  primaryTechPartner = false,
) => ({
  name,
  netId,
  dept,
  coned,
  program,
  primaryTechPartner,
});

export const demoCustomers = [
  // coned, AIMS program (Letters & Science)
  cust('Avery Aims', 'aaims', 'LSCI', true, 'aims'),
  cust('Blake Lindqvist', 'blindqvist', 'LSCI', true, 'aims'),
  cust('Carmen Ortiz', 'cortiz', 'LSCI', true, 'aims'),
  cust('Dmitri Volkov', 'dvolkov', 'LSCI', true, 'aims'),
  // coned, legacy DS program (Engineering)
  cust('Dana Departmental', 'ddept', 'CAE', true, 'ds'),
  cust('Elena Marsh', 'emarsh', 'CAE', true, 'ds'),
  cust('Farid Haddad', 'fhaddad', 'CAE', true, 'ds'),
  cust('Grace Kim', 'gkim', 'CAE', true, 'ds'),
  // coned, no program (Extension)
  cust('Hana Coned', 'hconed', 'MDSN', true, null),
  cust('Ivan Petrov', 'ipetrov', 'MDSN', true, null),
  cust('Jia Li', 'jli', 'MDSN', true, null),
  // Primary Tech Partners (Education)
  cust('Kai Partner', 'kpartner', 'SOE', false, null, true),
  cust('Lena Fischer', 'lfischer', 'SOE', false, null, true),
  cust('Marcus Reed', 'mreed', 'SOE', false, null, true),
  cust('Nora Quinn', 'nquinn', 'SOE', false, null, true),
  // plain customers (Graduate School, not on the contract list)
  cust('Casey Customer', 'ccustomer', 'GRAD', false, null),
  cust('Oscar Nguyen', 'onguyen', 'GRAD', false, null),
  cust('Priya Shah', 'pshah', 'GRAD', false, null),
  cust('Quentin Brooks', 'qbrooks', 'GRAD', false, null),
  cust('Rosa Alvarez', 'ralvarez', 'GRAD', false, null),
  cust('Sam Okafor', 'sokafor', 'GRAD', false, null),
  cust('Taylor Second', 'tsecond', 'GRAD', false, null),
  // unflagged contract partners: department on the contract list, customer record not coned
  cust('Uma Unflagged', 'uunflagged', 'CHEM', false, null),
  cust('Victor Chen', 'vchen', 'CHEM', false, null),
  cust('Wendy Stone', 'wstone', 'CHEM', false, null),
  cust('Xavier Dubois', 'xdubois', 'CHEM', false, null),
];

export const demoLogins: {
  email: string;
  name: string;
  role: Role;
  teams: string[];
  customerNetId?: string;
}[] = [
  { email: 'l1@handoff.test', name: 'Lee Level-One', role: 'l1', teams: ['US - Help Desk'] },
  { email: 'hdqa@handoff.test', name: 'Harper Quality', role: 'hdqa', teams: ['HDQA'] },
  { email: 'cps@handoff.test', name: 'Cameron CPS', role: 'cps', teams: ['US - Help Desk CPS'] },
  { email: 'cps2@handoff.test', name: 'Cory CPS', role: 'cps', teams: ['US - Help Desk CPS'] },
  { email: 'es@handoff.test', name: 'Emery Enterprise', role: 'es', teams: ['HD ES'] },
  {
    email: 'sncc@handoff.test',
    name: 'Sydney SNCC',
    role: 'sncc',
    teams: ['SNCC-Sysops', 'SNCC-Network'],
  },
  { email: 'east@handoff.test', name: 'Ellis EAST', role: 'technologist', teams: ['EAST'] },
  {
    email: 'technologist@handoff.test',
    name: 'Toni Technologist',
    role: 'technologist',
    teams: ['DRMT', 'Middleware', 'IIAT', 'Applications Technology'],
  },
  { email: 'tier2@handoff.test', name: 'Tatum Tier2', role: 'tier2', teams: ['Tier 2 Support'] },
  { email: 'tier2b@handoff.test', name: 'Toby Tier2', role: 'tier2', teams: ['Tier 2 Support'] },
  {
    email: 'partner@handoff.test',
    name: 'Parker Partner',
    role: 'partner_agent',
    teams: ['Badger Health Client Support'],
  },
  {
    email: 'partner2@handoff.test',
    name: 'Piper Partner',
    role: 'partner_agent',
    teams: ['Badger Health Client Support'],
  },
  {
    email: 'customer@handoff.test',
    name: 'Casey Customer',
    role: 'customer',
    teams: [],
    customerNetId: 'ccustomer',
  },
  {
    email: 'tp@handoff.test',
    name: 'Kai Partner',
    role: 'customer',
    teams: [],
    customerNetId: 'kpartner',
  },
  // Badger Health end users: they submit tickets to their channel partner in Help Online.
  {
    email: 'rita@badgerhealth.example',
    name: 'Rita Requester',
    role: 'customer',
    teams: [],
    customerNetId: 'rita@badgerhealth.example',
  },
  {
    email: 'bao@badgerhealth.example',
    name: 'Bao Tran',
    role: 'customer',
    teams: [],
    customerNetId: 'bao@badgerhealth.example',
  },
  { email: 'admin@handoff.test', name: 'Alex Admin', role: 'admin', teams: [] },
  // A coned (CPS) customer's Help Online login: their portal cases go straight to CPS.
  {
    email: 'coned@handoff.test',
    name: 'Dana Departmental',
    role: 'customer',
    teams: [],
    customerNetId: 'ddept',
  },
];

/** The after-hours on-call schedules L1 pages for critical work stoppages (kb 001). */
export const demoOncallContacts = [
  { schedule: 'aims', name: 'Morgan Reyes (AIMS primary)', phone: '608-555-7001', position: 1 },
  { schedule: 'aims', name: 'Jordan Blake (AIMS backup)', phone: '608-555-7002', position: 2 },
  { schedule: 'gds', name: 'Riley Chen (GDS primary)', phone: '608-555-7101', position: 1 },
  { schedule: 'gds', name: 'Sasha Patel (GDS backup)', phone: '608-555-7102', position: 2 },
] as const;

/** kb 001: "reach out to HD leadership via a group teams message … or call using contact information in NOVA". */
export const demoLeadershipContacts = [
  { name: 'Hannah Pringle', contact: 'Teams: HD leadership group · phone in NOVA' },
  { name: 'Jeff Wiltzius', contact: 'Teams: HD leadership group · phone in NOVA' },
  { name: 'Jade Schill', contact: 'Teams: HD leadership group · phone in NOVA' },
  { name: 'Mike Crawford', contact: 'Teams: HD leadership group · phone in NOVA' },
] as const;
