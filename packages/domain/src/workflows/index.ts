export * from './one-step-effects';
export * from './consult-leadership';
export * from './file-portal-case';
export * from './outage-ends-consults';
