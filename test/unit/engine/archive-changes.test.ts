import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../../src/articles/scan-archive.js';
import { emptyManifest, type Manifest } from '../../../src/cache/manifest.js';
import { compareWithManifest, failuresOf, unchangedArticles } from '../../../src/engine/archive-changes.js';

const file = (relPath: string, size = 10, mtimeMs = 1000) => ({ relPath, absPath: `/a/${relPath}`, format: 'txt' as const, size, mtimeMs });

function manifestOf(files: Record<string, { size: number; mtimeMs: number; ids: string[] }>): Manifest {
  const m = emptyManifest('/a', 16);
  for (const [path, f] of Object.entries(files)) m.files[path] = { ...f, failures: [] };
  return m;
}

describe('unchangedArticles', () => {
  const manifest = manifestOf({
    'a.txt': { size: 10, mtimeMs: 1000, ids: ['a.txt'] },
    'b.jsonl': { size: 20, mtimeMs: 1000, ids: ['b.jsonl#1', 'b.jsonl#2'] },
  });
  const same: ScanResult = { files: [file('a.txt'), file('b.jsonl', 20)], failures: [] };

  it('counts the articles of a folder exactly as the manifest describes it', () => {
    expect(unchangedArticles(same, manifest)).toBe(3);
  });

  it.each([
    ['a changed size', { files: [file('a.txt', 11), file('b.jsonl', 20)], failures: [] }],
    ['a changed time', { files: [file('a.txt', 10, 2000), file('b.jsonl', 20)], failures: [] }],
    ['a new file', { files: [file('a.txt'), file('b.jsonl', 20), file('c.txt')], failures: [] }],
    ['a deleted file', { files: [file('a.txt')], failures: [] }],
    ['a file renamed', { files: [file('a.txt'), file('c.jsonl', 20)], failures: [] }],
    ['a new unreadable entry', { files: [file('a.txt'), file('b.jsonl', 20)], failures: [{ path: 'x', code: 'symlink-loop' as const }] }],
  ])('is null after %s, as compareWithManifest finds work to do', (_, scan: ScanResult) => {
    expect(unchangedArticles(scan, manifest)).toBeNull();
    const changes = compareWithManifest(scan, manifest);
    expect(changes.toParse.length + changes.goneFiles.length + (changes.scanFailuresChanged ? 1 : 0)).toBeGreaterThan(0);
  });

});

describe('failuresOf', () => {
  it('lists the scan problems, then every file\'s, however many a file has', () => {
    const m = manifestOf({ 'a.txt': { size: 1, mtimeMs: 1, ids: [] } });
    m.files['big.jsonl'] = { size: 1, mtimeMs: 1, ids: [], failures: Array.from({ length: 200_000 }, (_, i) => ({ path: `big.jsonl#${i + 1}`, code: 'no-article-text' })) };
    const all = failuresOf([{ path: 'x', code: 'symlink-loop' }], m.files);
    expect(all).toHaveLength(200_001);
    expect(all[0]).toEqual({ path: 'x', code: 'symlink-loop' });
    expect(all[200_000]).toEqual({ path: 'big.jsonl#200000', code: 'no-article-text' });
  });
});
