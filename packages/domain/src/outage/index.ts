export * from './schema';
export * from './declare-outage';
export * from './change-outage';
export * from './board';
export * from './entity';
