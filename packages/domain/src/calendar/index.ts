export * from './holidays';
export * from './business-calendar';
export * from './format';
export * from './local-input';
export * from './opening-hours';
