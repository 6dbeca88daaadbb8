export * from './grid';
export * from './entity';
