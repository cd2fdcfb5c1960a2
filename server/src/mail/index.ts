// The mail feature's public surface: other features import from here only.
export { deleteMessagesOfInvitations, messagesOfInvitations, type OutboxRecord } from './outbox-records';
