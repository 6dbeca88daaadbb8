export * from './one-step-effects';
export * from './consult-leadership';
