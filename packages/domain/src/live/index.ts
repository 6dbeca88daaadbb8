export * from './live-scope';
export * from './change-summary';
export * from './viewer';
