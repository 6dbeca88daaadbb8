export * from './set-presence';
