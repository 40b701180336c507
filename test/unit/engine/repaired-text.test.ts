import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FailedFile } from '../../../src/api.js';
import { ArchiveEngine } from '../../../src/engine/archive-engine.js';
import { runIndex } from '../../../src/engine/indexer.js';
import { ARTICLES, remove, tempDir } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) remove(d);
});

function temp(prefix: string): string {
  const d = tempDir(prefix);
  dirs.push(d);
  return d;
}

const SUB = '\u001a';

describe('articles with stray control characters', { timeout: 120_000 }, () => {
  it('are indexed without them, each file counted as a warning in the report, also on the next run', async () => {
    const root = temp('controls');
    const body = Array.from({ length: 30 }, () => ARTICLES['sochi.json'].body).join('\n');
    writeFileSync(join(root, 'saudi.txt'), `بوتين في سوتشي\nالرياض 12 مارس${SUB.repeat(26)}\n${body}`);
    // Line 3 has a raw U+001A in its body (not valid JSON as it is), line 5 one escaped as JSON writers do.
    const lines = Object.values(ARTICLES).map((a, i) => JSON.stringify({ ...a, body: `${a.body}${i === 2 || i === 4 ? SUB : ''} رقم ${i}` }));
    lines[2] = lines[2].replace('\\u001a', SUB);
    writeFileSync(join(root, 'feed.jsonl'), lines.join('\n') + '\n');
    writeFileSync(join(root, 'clean.json'), JSON.stringify(ARTICLES['gas.json']));
    const cacheDir = temp('controls-cache');
    const warnings: FailedFile[] = [];
    const run = (previous: Awaited<ReturnType<typeof runIndex>> | null) =>
      runIndex({
        root,
        cacheDir,
        previous: previous?.manifest ?? null,
        workers: 2,
        jsonlRangeBytes: 300, // feed.jsonl is parsed in line ranges
        onProgress: () => undefined,
        onWarning: (w) => warnings.push(w),
        signal: new AbortController().signal,
      });
    const first = await run(null);
    expect(first.report.failed).toEqual([]);
    expect(first.report.articles).toBe(2 + Object.keys(ARTICLES).length);
    const expected = [
      { path: 'feed.jsonl', code: 'text-repaired', params: { controls: 2, undecodable: 0 } },
      { path: 'saudi.txt', code: 'text-repaired', params: { controls: 26, undecodable: 0 } },
    ];
    const byPath = (a: FailedFile, b: FailedFile) => (a.path < b.path ? -1 : 1);
    expect([...warnings].sort(byPath)).toEqual(expected);
    expect(first.report.warningCount).toBe(2);

    const engine = await ArchiveEngine.open({ root, cacheDir, autoIndex: 'none' });
    try {
      const article = await engine.getArticle({ id: 'saudi.txt' });
      expect(article.text).not.toContain(SUB);
      expect(article.text).toContain('الرياض 12 مارس\n');
      expect((await engine.getArticle({ id: 'feed.jsonl#3' })).text).toBe(`${ARTICLES['rain.json'].body} رقم 2`);
      expect((await engine.getArticle({ id: 'feed.jsonl#5' })).text).toBe(`${ARTICLES['ministers.json'].body} رقم 4`);
    } finally {
      await engine.close();
    }

    const again = await run(first);
    expect(again.report.indexed).toBe(0);
    expect([...again.report.warnings!].sort(byPath)).toEqual(expected);
  });
});
