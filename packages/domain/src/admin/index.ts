export * from './entity';
export * from './password-policy';
export * from './user-admin';
export * from './routing-data-entity';
export * from './routing-data-admin';
