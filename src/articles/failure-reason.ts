// Why a file could not be read, as a message code: FailedFile is { path, ...reason }.
import type { FailureCode, Message } from '../messages/message.js';

export type FailureReason = Message<FailureCode>;

/** An error carrying a failure reason (thrown by parsers, caught where the file is reported). */
export class ArticleFailure extends Error {
  constructor(readonly reason: FailureReason) {
    super(reason.code);
    this.name = 'ArticleFailure';
  }
}
