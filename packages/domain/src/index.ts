export * from './errors';
export * from './roles';
export * from './permissions';
export * from './incident';
export * from './calendar';
export * from './routing';
