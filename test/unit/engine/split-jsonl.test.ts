// A large .jsonl file is parsed in line ranges by several workers: the index must be the one a single worker
// reading the whole file builds, and files that are not plain UTF-8 must still be read as before.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FailedFile, IndexProgress } from '../../../src/api.js';
import { ArchiveEngine } from '../../../src/engine/archive-engine.js';
import type { IndexTask } from '../../../src/engine/index-tasks.js';
import { runIndex } from '../../../src/engine/indexer.js';
import { WorkerPool } from '../../../src/engine/worker-pool.js';
import { ARTICLES, remove, tempDir } from './helpers.js';

const dirs: string[] = [];
const engines: ArchiveEngine[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const e of engines.splice(0)) await e.close();
  for (const d of dirs.splice(0)) remove(d);
}, 60_000);

function temp(prefix: string): string {
  const d = tempDir(prefix);
  dirs.push(d);
  return d;
}

/** 240 lines made from the test articles: varied texts, some blank lines and two broken ones. */
function corpusLines(): string[] {
  const base = Object.values(ARTICLES);
  return Array.from({ length: 240 }, (_, i) => {
    if (i === 30 || i === 31) return '';
    if (i === 77) return '{"title": "not closed';
    if (i === 150) return '"a string, not an article"';
    const a = base[i % base.length];
    return JSON.stringify({ ...a, title: `${a.title} ${i}`, body: `${a.body} العدد ${i}.` });
  });
}

async function index(
  root: string,
  opts: { workers: number; rangeBytes: number; onWarning?: (w: FailedFile) => void; onProgress?: (p: IndexProgress) => void },
) {
  const cacheDir = temp('split-cache');
  const tasks: IndexTask['kind'][] = [];
  const run = WorkerPool.prototype.run;
  vi.spyOn(WorkerPool.prototype, 'run').mockImplementation(function (this: WorkerPool, task, listeners) {
    tasks.push(task.kind);
    return run.call(this, task, listeners);
  });
  const result = await runIndex({
    root,
    cacheDir,
    previous: null,
    workers: opts.workers,
    jsonlRangeBytes: opts.rangeBytes,
    onProgress: opts.onProgress ?? (() => undefined),
    onWarning: opts.onWarning ?? (() => undefined),
    signal: new AbortController().signal,
  });
  vi.restoreAllMocks();
  const segmentBytes = result.manifest.segments.map((s) => s && [readFileSync(join(cacheDir, s.index)), readFileSync(join(cacheDir, s.pack))]);
  return { ...result, cacheDir, tasks, segmentBytes };
}

async function search(root: string, cacheDir: string, query: string) {
  const e = await ArchiveEngine.open({ root, cacheDir, autoIndex: 'none' });
  engines.push(e);
  return e.search({ query, limit: 1000 });
}

describe('a large .jsonl file split over workers', { timeout: 120_000 }, () => {
  it('gives the same articles, failures, segments and search results as one worker reading it whole', async () => {
    const root = temp('split');
    writeFileSync(join(root, 'big.jsonl'), '\uFEFF' + corpusLines().join('\r\n') + '\r\n');
    writeFileSync(join(root, 'small.json'), JSON.stringify(ARTICLES['sochi.json']));
    const progress: IndexProgress[] = [];
    const split = await index(root, { workers: 2, rangeBytes: 4096, onProgress: (p) => progress.push(p) });
    const whole = await index(root, { workers: 1, rangeBytes: 1 << 30 });
    const parts = split.tasks.filter((k) => k === 'parse-lines').length;
    expect(parts).toBeGreaterThan(5);
    // The big file is one of the two files; while its parts are read, the message says how far they are.
    const told = progress.filter((p) => p.phase === 'parsing' && p.message?.params?.path === 'big.jsonl').map((p) => p.message);
    expect(told).toEqual(Array.from({ length: parts }, (_, k) => ({ code: 'parsing-file', params: { path: 'big.jsonl', done: k + 1, total: parts } })));
    expect(progress.filter((p) => p.phase === 'parsing').every((p) => p.total === 2 && p.done <= 2)).toBe(true);
    expect(whole.tasks).not.toContain('parse-lines');

    expect(split.report).toMatchObject({ articles: 237, indexed: 237 });
    expect(split.report.failed.map((f) => f.path).sort()).toEqual(['big.jsonl#151', 'big.jsonl#78']);
    expect(split.manifest.files['big.jsonl'].ids[0]).toBe('big.jsonl#1');
    expect(split.manifest.files).toEqual(whole.manifest.files);
    expect(split.segmentBytes).toEqual(whole.segmentBytes);
    for (const q of ['بوتين', 'الغاز أوروبا', '"مدينة سوتشي"', 'العدد']) {
      expect(await search(root, split.cacheDir, q)).toEqual(await search(root, whole.cacheDir, q));
    }
    expect((await search(root, split.cacheDir, 'بوتين')).total).toBeGreaterThan(30);
  });

  it('reads a Windows-1256 or garbled file whole, as before', async () => {
    const root = temp('split-legacy');
    const lines = corpusLines().filter((l) => l.startsWith('{"title":"'));
    writeFileSync(join(root, 'legacy.jsonl'), iconv.encode(lines.join('\n'), 'windows-1256'));
    // UTF-8 Arabic that was read as Windows-1252 and saved again ("Ø§Ù„…"): repaired when read whole.
    writeFileSync(join(root, 'garbled.jsonl'), new TextDecoder('windows-1252').decode(Buffer.from(lines.join('\n'))));
    const split = await index(root, { workers: 2, rangeBytes: 2048 });
    expect(split.tasks.filter((k) => k === 'parse-lines').length).toBeGreaterThan(5);
    expect(split.tasks).toContain('parse');
    expect(split.report).toMatchObject({ articles: 2 * lines.length, failed: [] });
    const whole = await index(root, { workers: 1, rangeBytes: 1 << 30 });
    expect(split.manifest.files).toEqual(whole.manifest.files);
    // Two files parsed in another order fill the segments in another order: the same documents and scores.
    const scored = async (cacheDir: string) =>
      (await search(root, cacheDir, 'الغاز')).hits.map((h) => `${h.id} ${h.score.toFixed(6)}`).sort();
    expect(await scored(split.cacheDir)).toEqual(await scored(whole.cacheDir));
    const hits = (await search(root, split.cacheDir, 'سوتشي')).hits;
    expect(hits.map((h) => h.id.split('#')[0])).toContain('legacy.jsonl');
    expect(hits.map((h) => h.id.split('#')[0])).toContain('garbled.jsonl');
    expect(hits.every((h) => h.title.startsWith('بوتين يلتقي علييف'))).toBe(true);
  });

  it('reports a file of blank lines as empty', async () => {
    const root = temp('split-blank');
    writeFileSync(join(root, 'blank.jsonl'), '\n   \n'.repeat(2000));
    const split = await index(root, { workers: 2, rangeBytes: 1024 });
    expect(split.tasks).toContain('parse-lines');
    expect(split.report.failed).toEqual([{ path: 'blank.jsonl', code: 'empty-file' }]);
  });
});

describe('an entity tagger failure', { timeout: 120_000 }, () => {
  it('is reported with the article id, and the article is indexed without entities', async () => {
    const models = temp('broken-model');
    writeFileSync(join(models, 'entities-model.bin.gz'), 'not a model');
    writeFileSync(join(models, 'gazetteer.json'), '{}');
    vi.stubEnv('ARCHIVE_READER_MODELS', models); // the workers start with this environment
    const root = temp('tagger-failure');
    writeFileSync(join(root, 'a.json'), JSON.stringify(ARTICLES['sochi.json']));
    writeFileSync(join(root, 'b.json'), JSON.stringify(ARTICLES['gas.json']));
    const warnings: FailedFile[] = [];
    const result = await index(root, { workers: 2, rangeBytes: 1 << 20, onWarning: (w) => warnings.push(w) });
    vi.unstubAllEnvs();
    expect(result.report).toMatchObject({ articles: 2, indexed: 2, failed: [] });
    expect(result.warnings).toEqual(warnings);
    const texts = warnings.filter((w) => w.code === 'entities-failed' && w.params?.part === 'text');
    expect(texts.map((w) => w.path).sort()).toEqual(['a.json', 'b.json']);
    expect(warnings.every((w) => w.code === 'entities-failed')).toBe(true);
    const found = await search(root, result.cacheDir, 'سوتشي');
    expect(found.hits.map((h) => h.id)).toEqual(['a.json']);
    const e = engines.at(-1)!;
    expect((await e.getArticle({ id: 'a.json' })).entities).toEqual([]);
  });

  it('stays in the report, article by article, until the article is indexed again with its entities', async () => {
    const models = temp('broken-model-2');
    writeFileSync(join(models, 'entities-model.bin.gz'), 'not a model');
    writeFileSync(join(models, 'gazetteer.json'), '{}');
    const root = temp('tagger-failure-report');
    writeFileSync(join(root, 'a.json'), JSON.stringify(ARTICLES['sochi.json']));
    writeFileSync(join(root, 'b.json'), JSON.stringify(ARTICLES['gas.json']));
    const cacheDir = temp('tagger-failure-cache');
    const run = async (previous: Awaited<ReturnType<typeof runIndex>> | null) =>
      runIndex({ root, cacheDir, previous: previous?.manifest ?? null, workers: 1, onProgress: () => undefined, onWarning: () => undefined, signal: new AbortController().signal });
    vi.stubEnv('ARCHIVE_READER_MODELS', models);
    const broken = await run(null);
    vi.unstubAllEnvs();
    expect(broken.report.warningCount).toBe(2);
    expect(broken.report.warnings!.map((w) => w.path).sort()).toEqual(['a.json', 'b.json']);
    expect(broken.manifest.lastReport!.warnings).toHaveLength(2);

    // The model works again; a new file is indexed, the two kept articles still have no entities.
    writeFileSync(join(root, 'c.json'), JSON.stringify(ARTICLES['gas.json']));
    const added = await run(broken);
    expect(added.report).toMatchObject({ indexed: 1, unchanged: 2, warningCount: 2 });
    expect(added.report.warnings!.map((w) => w.path).sort()).toEqual(['a.json', 'b.json']);

    // a.json changed: indexed again, with its entities; only b.json keeps its warning.
    writeFileSync(join(root, 'a.json'), JSON.stringify({ ...ARTICLES['sochi.json'], title: 'عنوان جديد' }));
    const fixed = await run(added);
    expect(fixed.report).toMatchObject({ indexed: 1, warningCount: 1, warnings: [{ path: 'b.json' }] });

    // Unchanged folder: the engine answers from the manifest, and the warning is still reported.
    const e = await ArchiveEngine.open({ root, cacheDir, autoIndex: 'none' });
    engines.push(e);
    expect(await e.reindex()).toMatchObject({ indexed: 0, warningCount: 1, warnings: [{ path: 'b.json' }] });
    expect((await e.getStatus()).lastReport?.warnings).toEqual([expect.objectContaining({ path: 'b.json' })]);
  });
});
