export * from './templates';
export * from './threading';
export * from './delivery';
export * from './text';
export * from './inbound';
export * from './notifications';
export * from './entity';
export * from './intake-log';
