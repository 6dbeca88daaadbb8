export * from './schema';
export * from './banners';
export * from './known-outages';
export * from './tp-review';
export * from './route-portal-case';
export * from './create-portal-case';
export * from './customer-note';
export * from './case-state';
