export * from './entity';
export * from './admin-settings';
