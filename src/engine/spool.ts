// The spool: how parsed articles travel from the parse step to the segment builders. Each parse task appends
// the articles it parsed, one JSON line each, to one file per segment (`s<segment>-t<task>.jsonl`) in a spool
// folder of the cache; each build task reads its segment's files back in task order (file and line order, so the
// same articles give the same segments however the work was split). Every name and line format is spelled here.
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, ArticleMeta } from '../api.js';
import { segmentOf } from '../index/stable-hash.js';
import { fileLines } from './spool-lines.js';

/** One article as the parse step hands it to the segment builder (one JSON line in a spool file). */
export interface SpooledArticle {
  meta: ArticleMeta;
  text: string;
}

/** The spool folder of one indexing run, inside the cache folder. */
export function spoolDirFor(cacheDir: string): string {
  return join(cacheDir, `spool-${process.pid}-${Date.now()}`);
}

/** Source of a pattern matching the names spoolDirFor gives (leftovers of a crashed run are recognised by it). */
export const SPOOL_DIR_NAME = 'spool-\\d+-\\d+';

/** The spool file of one segment written by one parse task. */
export function spoolFile(spoolDir: string, segment: number, taskNo: number): string {
  return join(spoolDir, `s${segment}-t${taskNo}.jsonl`);
}

/** The spool files of each segment, in task order. */
export function spoolFilesBySegment(spoolDir: string): Map<number, string[]> {
  const spooled = readdirSync(spoolDir).map((name) => {
    const [, seg, task] = /^s(\d+)-t(\d+)\./.exec(name)!.map(Number);
    return { seg, task, path: join(spoolDir, name) };
  });
  const bySegment = new Map<number, string[]>();
  for (const { seg, path } of spooled.sort((a, b) => a.task - b.task)) {
    if (!bySegment.has(seg)) bySegment.set(seg, []);
    bySegment.get(seg)!.push(path);
  }
  return bySegment;
}

/** Writes parsed articles to the spool file of their segment, a couple of megabytes at a time. */
export class SpoolWriter {
  private pending = new Map<number, string[]>();
  private pendingChars = 0;
  /** Metadata of the articles added since the last reportParsed(). */
  private parsed: ArticleMeta[] = [];

  /** `onParsed` hears which articles were parsed (listed while a first index is built). */
  constructor(
    private readonly task: { spoolDir: string; taskNo: number; segmentCount: number },
    private readonly onParsed?: (metas: ArticleMeta[]) => void,
  ) {}

  add(article: Article): void {
    const { text, ...meta } = article;
    if (this.onParsed) this.parsed.push(meta);
    const seg = segmentOf(article.id, this.task.segmentCount);
    const line = JSON.stringify({ meta, text } satisfies SpooledArticle) + '\n';
    let lines = this.pending.get(seg);
    if (!lines) this.pending.set(seg, (lines = []));
    lines.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars > 2_000_000) this.flush();
  }

  /** Passes the articles added since the last call to onParsed. */
  reportParsed(): void {
    if (this.parsed.length) this.onParsed?.(this.parsed);
    this.parsed = [];
  }

  flush(): void {
    this.reportParsed();
    for (const [seg, lines] of this.pending) appendFileSync(spoolFile(this.task.spoolDir, seg, this.task.taskNo), lines.join(''));
    this.pending.clear();
    this.pendingChars = 0;
  }
}

/** The articles of a spool file, in the order they were written. */
export function* spooledArticles(path: string): Generator<SpooledArticle> {
  for (const line of fileLines(path)) yield JSON.parse(line) as SpooledArticle;
}
