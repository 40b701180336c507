import type { ArticleFormat } from '../api.js';

const BY_EXTENSION: Record<string, ArticleFormat> = {
  txt: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  json: 'json',
  jsonl: 'jsonl',
};

/** Extensions read as articles (lower case, without dot). Anything else in the folder is ignored. */
export const ARTICLE_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

/** The article format of a file name by its extension (case-insensitive), or undefined for other files. */
export function articleFormatOf(fileName: string): ArticleFormat | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0 || dot === fileName.length - 1) return undefined;
  return BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()];
}
