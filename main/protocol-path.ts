// Maps app://archive/… request URLs to files inside the built renderer folder; the path checks themselves
// (dot segments, encoded traversal, absolute paths, backslashes, symlinks) live in src/static-files.
import { contentTypeFor } from '../src/static-files/content-types.js';
import { resolveFileInside, resolveUrlPath, type FileResolution, type UrlPathResolution } from '../src/static-files/safe-path.js';

export { contentTypeFor } from '../src/static-files/content-types.js';
export { isInside, type FileResolution } from '../src/static-files/safe-path.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'archive';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

export type PathResolution = UrlPathResolution;

/** The file a request URL names, relative to the renderer root, checked only lexically. */
export function resolveRequestPath(requestUrl: string): PathResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { ok: false, status: 403, reason: `not an ${APP_ORIGIN} URL` };
  }
  // The raw path as sent, before URL normalisation could hide a traversal attempt.
  return resolveUrlPath(rawPathOf(requestUrl));
}

function rawPathOf(requestUrl: string): string {
  const afterScheme = requestUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  return afterScheme.split(/[?#]/)[0] ?? '';
}

/** Resolves a request URL to an existing regular file inside `root`, following symlinks only within it. */
export async function resolveRequestFile(requestUrl: string, root: string): Promise<FileResolution> {
  const lexical = resolveRequestPath(requestUrl);
  if (!lexical.ok) return lexical;
  return resolveFileInside(root, lexical.relativePath);
}

/**
 * The app's Content-Security-Policy: only its own files, no remote anything, no inline script, no plugins,
 * no framing. Same directives as browser mode (src/server/security-headers.ts) so the UI behaves alike.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers for every response of the app protocol. */
export function responseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': contentTypeFor(file),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}
