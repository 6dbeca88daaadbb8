export * from './format-time';
export * from './audit-words';
