// The article formats the archive reads, one entry each: the file extensions read as that format (the first is the
// one the interface names). Types and constants only, so the renderer can import it through api.ts. Each format's
// parser is registered in articles/parse-file.ts (PARSERS), which the compiler keeps complete for every entry here.

export const ARTICLE_FORMATS = {
  txt: { extensions: ['txt'] },
  md: { extensions: ['md', 'markdown'] },
  html: { extensions: ['html', 'htm'] },
  json: { extensions: ['json'] },
  jsonl: { extensions: ['jsonl'] },
} as const satisfies Record<string, { extensions: readonly [string, ...string[]] }>;

export type ArticleFormat = keyof typeof ARTICLE_FORMATS;

/** How the interface names each format (its first extension with its dot), in table order: `.txt`, `.md`, … */
export const ARTICLE_FORMAT_LABELS: readonly string[] = Object.values(ARTICLE_FORMATS).map((f) => `.${f.extensions[0]}`);
