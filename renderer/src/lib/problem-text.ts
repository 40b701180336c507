// What went wrong, for the user: connection problems and the API's own error codes in the interface language;
// anything else (a fault) as it came.
import { ApiError } from './http-api.js';
import type { MessageKey } from './i18n.js';
import { syntaxRun } from './isolates.js';

const KEYS: Record<string, MessageKey> = {
  no_token: 'noToken',
  token_refused: 'tokenRefused',
  unreachable: 'serverUnreachable',
  busy: 'busyArchive',
  no_archive: 'noArchive',
};

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function problemText(err: unknown, t: Translate): string {
  const key = err instanceof ApiError ? KEYS[err.code] : undefined;
  if (key) return t(key, { command: syntaxRun('archive-reader serve'), suffix: syntaxRun('#token=…') });
  return err instanceof Error ? err.message : String(err);
}
