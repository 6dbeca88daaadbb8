export * from './people';
export * from './catalog';
export * from './incidents';
export * from './operations';
export * from './outbox';
export * from './partners';
export * from './problems';
export * from './mail';
