export * from './schema';
export * from './open-consult';
export * from './accept-consult';
export * from './consult-prompt';
export * from './send-chat-template';
export * from './entity';
export * from './cps-follow-up';
export * from './outage-ended';
