export * from './schema';
export * from './link-incident';
export * from './create-problem';
export * from './change-problem';
export * from './resolve-attached';
export * from './potential-outage';
export * from './open-incident';
export * from './entity';
