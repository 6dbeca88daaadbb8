export * from './entity';
export * from './mark-read';
