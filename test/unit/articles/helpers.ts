import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../../src/api.js';
import { parseArticleBuffer } from '../../../src/articles/parse-file.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/archive/', import.meta.url));

export function fixtureBytes(rel: string): Buffer {
  return readFileSync(FIXTURES + rel);
}

/** Parses text (UTF-8) as a file named relPath and returns its only article, failing the test otherwise. */
export function parseOne(text: string | Uint8Array, relPath: string): Article {
  const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const { articles, failures } = parseArticleBuffer(buf, relPath);
  if (failures.length || articles.length !== 1) {
    throw new Error(`expected one article from ${relPath}, got ${articles.length} and failures ${JSON.stringify(failures)}`);
  }
  return articles[0];
}
