import { ARTICLE_FORMATS, type ArticleFormat } from '../api.js';

const BY_EXTENSION: ReadonlyMap<string, ArticleFormat> = new Map(
  (Object.keys(ARTICLE_FORMATS) as ArticleFormat[]).flatMap((format) => ARTICLE_FORMATS[format].extensions.map((ext) => [ext, format] as const)),
);

/** Extensions read as articles (lower case, without dot). Anything else in the folder is ignored. */
export const ARTICLE_EXTENSIONS: readonly string[] = [...BY_EXTENSION.keys()];

/** The article format of a file name by its extension (case-insensitive), or undefined for other files. */
export function articleFormatOf(fileName: string): ArticleFormat | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0 || dot === fileName.length - 1) return undefined;
  return BY_EXTENSION.get(fileName.slice(dot + 1).toLowerCase());
}
