import type { FailureReason } from './failure-reason.js';

/** Files larger than this are reported, not read (50 MB). */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export function tooLarge(size: number, maxBytes: number): FailureReason {
  return { code: 'too-large', params: { size, limit: maxBytes } };
}
