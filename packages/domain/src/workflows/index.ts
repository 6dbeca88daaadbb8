export * from './one-step-effects';
export * from './file-portal-case';
