export * from './schema';
export * from './access';
export * from './create-incident';
export * from './edit-incident';
export * from './add-note';
export * from './entity';
export * from './changes';
