export * from './client';
export * from './password';
export * as schema from './schema';
export * as incidentRepository from './repositories/incident';
export * as customerRepository from './repositories/customer';
export * as catalogRepository from './repositories/catalog';
export * as userRepository from './repositories/user';
export * as teamRepository from './repositories/team';
export { seedDemoData, demoLogins, demoPassword, isEmpty } from './seed/demo';
