import { readFile } from 'node:fs/promises';
import { contentTypeFor } from '../static-files/content-types.js';
import { resolveFileInside, resolveUrlPath } from '../static-files/safe-path.js';

export interface StaticFile {
  body: Buffer;
  contentType: string;
  /** Vite's hashed asset names never change content, so they may be cached for long. */
  immutable: boolean;
}

/**
 * Resolves a raw URL path to a file inside `root`, or null when it does not exist or would leave `root`
 * (see resolveUrlPath and resolveFileInside). `/` serves index.html.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const lexical = resolveUrlPath(urlPath);
  if (!lexical.ok) return null;
  const resolved = await resolveFileInside(root, lexical.relativePath);
  if (!resolved.ok) return null;
  try {
    return {
      body: await readFile(resolved.file),
      contentType: contentTypeFor(resolved.file),
      immutable: lexical.relativePath.split('/')[0] === 'assets',
    };
  } catch {
    return null;
  }
}
