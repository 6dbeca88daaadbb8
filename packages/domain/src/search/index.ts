export * from './query';
export * from './snippet';
export * from './schema';
export * from './scope';
export * from './mark-snippet';
