export * from './one-step-effects';
