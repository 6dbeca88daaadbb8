export * from './schema';
export * from './target';
export * from './clock';
export * from './kb-promises';
export * from './policy';
export * from './reconcile';
export * from './entity';
export * from './warnings';
