export * from './badge';
export * from './status';
export * from './feedback';
export * from './field';
export * from './time';
export * from './load-more';
