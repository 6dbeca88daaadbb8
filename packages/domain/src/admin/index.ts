export * from './entity';
export * from './password-policy';
export * from './user-admin';
