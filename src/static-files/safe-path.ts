// Maps a URL path (as the client sent it) to a file inside a root folder, refusing anything that could reach
// outside it: dot segments (plain or percent-encoded), NUL, backslashes, absolute or drive paths, and symlinks
// that lead out of the root. Shared by the Electron app:// protocol and browser mode's static files.
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

export type RefusalStatus = 400 | 403 | 404;
export type UrlPathResolution = { ok: true; relativePath: string } | { ok: false; status: RefusalStatus; reason: string };
export type FileResolution = { ok: true; file: string } | { ok: false; status: RefusalStatus; reason: string };

/**
 * The file a raw URL path (no query or fragment, not normalised) names relative to the root, checked only
 * lexically. `/` names index.html.
 */
export function resolveUrlPath(rawPath: string): UrlPathResolution {
  if (hasDotSegment(rawPath) || hasDotSegment(safeDecode(rawPath))) {
    return { ok: false, status: 403, reason: 'dot segment in path' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
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

/** True when `child` (absolute) is `root` itself or lies inside it. */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/** Resolves a checked relative path to an existing regular file inside `root`, following symlinks only within it. */
export async function resolveFileInside(root: string, relativePath: string): Promise<FileResolution> {
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await realpath(root);
    realFile = await realpath(join(realRoot, relativePath));
  } catch {
    return { ok: false, status: 404, reason: 'not found' };
  }
  if (!isInside(realRoot, realFile)) return { ok: false, status: 403, reason: 'outside the served folder' };
  try {
    if (!(await stat(realFile)).isFile()) return { ok: false, status: 404, reason: 'not a file' };
  } catch {
    return { ok: false, status: 404, reason: 'not found' };
  }
  return { ok: true, file: realFile };
}
