// Maps app://archive/… request URLs to files inside the built renderer folder, refusing anything that
// could reach outside it (dot segments, encoded traversal, absolute paths, backslashes, symlinks).
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'archive';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

export type PathResolution = { ok: true; relativePath: string } | { ok: false; status: 400 | 403 | 404; reason: string };

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
  const rawPath = rawPathOf(requestUrl);
  if (hasDotSegment(rawPath) || hasDotSegment(safeDecode(rawPath))) {
    return { ok: false, status: 403, reason: 'dot segment in path' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'NUL in path' };
  if (decoded.includes('\\')) return { ok: false, status: 403, reason: 'backslash in path' };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403, reason: 'dot segment in path' };
  if (segments.length > 0 && /^[A-Za-z]:$/.test(segments[0])) return { ok: false, status: 403, reason: 'absolute path' };
  if (decoded.startsWith('//')) return { ok: false, status: 403, reason: 'absolute path' };
  const relativePath = segments.length === 0 ? 'index.html' : segments.join('/');
  return { ok: true, relativePath };
}

function hasDotSegment(path: string): boolean {
  return /(^|[/\\])\.\.?([/\\]|$)/.test(path);
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function rawPathOf(requestUrl: string): string {
  const afterScheme = requestUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  return afterScheme.split(/[?#]/)[0] ?? '';
}

/** True when `child` (absolute) is `root` itself or lies inside it. */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

export type FileResolution = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/** Resolves a request URL to an existing regular file inside `root`, following symlinks only within it. */
export async function resolveRequestFile(requestUrl: string, root: string): Promise<FileResolution> {
  const lexical = resolveRequestPath(requestUrl);
  if (!lexical.ok) return lexical;
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await realpath(root);
    realFile = await realpath(join(realRoot, lexical.relativePath));
  } catch {
    return { ok: false, status: 404, reason: 'not found' };
  }
  if (!isInside(realRoot, realFile)) return { ok: false, status: 403, reason: 'outside the app folder' };
  try {
    if (!(await stat(realFile)).isFile()) return { ok: false, status: 404, reason: 'not a file' };
  } catch {
    return { ok: false, status: 404, reason: 'not found' };
  }
  return { ok: true, file: realFile };
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
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
