import type { FailureCode } from '../messages/message.js';
import type { FailureReason } from './failure-reason.js';

const REASONS: Record<string, FailureCode> = {
  EACCES: 'permission-denied',
  EPERM: 'permission-denied',
  ENOENT: 'not-found',
  ELOOP: 'symlink-loop',
  EISDIR: 'is-folder',
  ENOTDIR: 'not-a-folder',
  EMFILE: 'too-many-open-files',
  EIO: 'io-error',
  ENAMETOOLONG: 'path-too-long',
};

/** The reason for a file-system error, with its errno code (EACCES…) when there is one. */
export function describeFsError(e: unknown): FailureReason {
  const errno = (e as NodeJS.ErrnoException | undefined)?.code;
  if (errno) return { code: REASONS[errno] ?? 'cannot-read', params: { errno } };
  return { code: 'cannot-read', params: { detail: (e as Error)?.message ?? String(e) } };
}

/** A folder that could not be opened, and why. */
export function folderUnreadable(e: unknown): FailureReason {
  const inner = describeFsError(e);
  return { code: 'folder-unreadable', params: { reason: inner.code, ...inner.params } };
}
