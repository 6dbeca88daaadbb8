export * from './free-mail-domains';
export * from './placement';
export * from './schema';
export * from './hops';
export { inputNeededSubject, ticketPath } from './messages';
export * from './submit-ticket';
export { canClaimTicket, claimTicket, offersClaim } from './claim-ticket';
export {
  canEscalateToTier2,
  escalateToTier2,
  escalateNeedsCommentMessage,
} from './escalate-to-tier2';
export { canReturnToAgent, returnToAgent, returnNeedsCommentMessage } from './return-to-agent';
export { canCommentOnTicket, commentOnTicket } from './comment';
export * from './requester-view';
export * from './email-reply';
export * from './inbound-route';
export * from './support-groups';
export * from './entity';
export {
  decideClaim,
  decideComment,
  decideEscalate,
  decideReturn,
  decideSubmitTicket,
  partnerEvent,
  partnerStepEffects,
} from './effects';
export * from './admin-effects';
