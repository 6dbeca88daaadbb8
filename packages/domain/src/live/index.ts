export * from './live-scope';
export * from './change-summary';
export * from './viewer';
export * from './follow';
