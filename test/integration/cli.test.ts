// The built CLI end to end on the fixture archive (copied to a temporary folder first: it is a user's
// folder and must not be written). Requires `npm run build` (npm test runs it first).
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(repo, 'bin', 'archive-reader.mjs');
const fixture = join(repo, 'test', 'fixtures', 'archive');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile('node', [bin, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out.push(`${p.slice(dir.length)} ${st.size} ${st.mtimeMs} ${readFileSync(p).toString('base64')}`);
    }
  };
  walk(dir);
  return out;
}

let work: string;
let archive: string;
let cache: string;
let before: string[];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ar-cli-'));
  archive = join(work, 'archive');
  cache = join(work, 'cache');
  cpSync(fixture, archive, { recursive: true, preserveTimestamps: true });
  before = listing(archive);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('archive-reader CLI', { timeout: 180_000 }, () => {
  it('indexes the fixture folder: 10 articles, the 4 expected failures with reasons', async () => {
    const r = await cli(['index', archive, '--cache', cache, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report).sort()).toEqual(['articles', 'failed', 'indexed', 'ms', 'removed', 'unchanged']);
    expect(report).toMatchObject({ articles: 10, indexed: 10, unchanged: 0, removed: 0 });
    const failed = Object.fromEntries(report.failed.map((f: { path: string; error: string }) => [f.path, f.error]));
    expect(Object.keys(failed).sort()).toEqual(['bad/broken.json', 'bad/empty.txt', 'bad/image-saved-as.txt', 'feeds/wire.jsonl#2']);
    expect(failed['bad/broken.json']).toMatch(/^invalid JSON:/);
    expect(failed['bad/empty.txt']).toBe('empty file');
    expect(failed['bad/image-saved-as.txt']).toBe('binary or undecodable file');
    expect(failed['feeds/wire.jsonl#2']).toMatch(/^invalid JSON/);
    const codes = Object.fromEntries(report.failed.map((f: { path: string; code: string }) => [f.path, f.code]));
    expect(codes).toEqual({
      'bad/broken.json': 'invalid-json',
      'bad/empty.txt': 'empty-file',
      'bad/image-saved-as.txt': 'undecodable',
      'feeds/wire.jsonl#2': 'invalid-json',
    });
    expect(typeof report.ms).toBe('number');
    expect(listing(archive)).toEqual(before);
  });

  it('re-indexes incrementally', async () => {
    const r = await cli(['index', archive, '--cache', cache, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ articles: 10, indexed: 0, unchanged: 10, removed: 0 });
  });

  it('searches with the JSON contract', async () => {
    const r = await cli(['search', archive, 'بوتين', '--cache', cache, '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.total).toBeGreaterThanOrEqual(3);
    expect(result.hits[0].id).toBe('seed/000_5325abadd3a796aa.txt');
    for (const hit of result.hits) {
      expect(Object.keys(hit)).toEqual(expect.arrayContaining(['id', 'title', 'source', 'date', 'score', 'snippet']));
      expect(typeof hit.score).toBe('number');
      for (const [s, e] of hit.snippet.highlights) {
        expect(hit.snippet.text.slice(s, e)).toMatch(/بوتين/);
      }
    }
    expect(result.facets).toHaveProperty('source');
    expect(result.facets).toHaveProperty('year');
    expect(listing(archive)).toEqual(before);
  });

  it('finds words across encodings, hamza and diacritics', async () => {
    // One process for all of them (--queries), as tools do.
    const file = join(work, 'encodings.txt');
    const queries = ['انتخابات برلمانية', 'معرض الكتاب بيروت', 'اذربيجان', 'العلم', 'HIDDEN_MARKER', 'SCRIPT_MARKER'];
    writeFileSync(file, queries.join('\n'));
    const r = await cli(['search', archive, '--queries', file, '--cache', cache, '--json', '--limit', '50']);
    const [elections, fair, azerbaijan, science, hidden, script] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).hits.map((h: { id: string }) => h.id));
    expect(elections).toEqual(['legacy/cairo-elections-cp1256.txt']);
    expect(fair).toContain('legacy/beirut-book-fair-utf16le.txt');
    expect(azerbaijan).toEqual(expect.arrayContaining(['news/baku-gas-deal.md', 'seed/000_5325abadd3a796aa.txt']));
    expect(science).toContain('feeds/wire.jsonl#3');
    expect(hidden).toEqual([]);
    expect(script).toEqual([]);
  });

  it('sorts by date and pages', async () => {
    const r = JSON.parse((await cli(['search', archive, 'بوتين', '--sort', 'date', '--limit', '2', '--offset', '1', '--cache', cache, '--json'])).stdout);
    expect(r.hits).toHaveLength(2);
    const dates = r.hits.map((h: { date: string }) => h.date);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('--ranking lunr orders by Lunr score alone; the default re-ranks questions only', async () => {
    const ask = async (query: string, ...flags: string[]) =>
      JSON.parse((await cli(['search', archive, query, '--limit', '20', '--cache', cache, '--json', ...flags])).stdout).hits as { id: string; score: number; partial?: boolean }[];
    const lunr = await ask('متى التقى بوتين علييف؟', '--ranking', 'lunr');
    expect(lunr.length).toBeGreaterThan(1);
    const full = lunr.filter((h) => !h.partial).map((h) => h.score);
    expect(full).toEqual([...full].sort((a, b) => b - a));
    expect((await ask('بوتين علييف')).map((h) => h.id)).toEqual((await ask('بوتين علييف', '--ranking', 'lunr')).map((h) => h.id));
  });

  it('answers a file of queries with one JSON line each, in order', async () => {
    const file = join(work, 'queries.txt');
    const queries = ['بوتين', '"قره باغ"', 'title:', 'سوتشي after:2021-01-01', 'لا شيء هنا xyzzy'];
    writeFileSync(file, queries.join('\n') + '\n');
    const r = await cli(['search', archive, '--queries', file, '--limit', '3', '--json', '--cache', cache]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query)).toEqual(queries);
    for (const l of lines) {
      expect(l).toHaveProperty('total');
      expect(l).toHaveProperty('hits');
      expect(l).toHaveProperty('facets');
      expect(l.hits.length).toBeLessThanOrEqual(3);
    }
    expect(lines[1].hits.map((h: { id: string }) => h.id)).toContain('news/2020/moscow-summit.html');
    expect(lines[2].message).toMatch(/title:/);
    expect(lines[2].code).toBe('field-needs-word');
    expect(lines[3].hits.map((h: { id: string }) => h.id)).toEqual(['seed/000_5325abadd3a796aa.txt']);
  });

  it('shows an article with the JSON contract', async () => {
    const r = await cli(['show', archive, 'news/baku-gas-deal.md', '--cache', cache, '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(Object.keys(a).sort()).toEqual(['date', 'id', 'location', 'source', 'text', 'title', 'url']);
    expect(a).toMatchObject({
      id: 'news/baku-gas-deal.md',
      title: 'أذربيجان توقع اتفاقا جديدا لتصدير الغاز إلى أوروبا',
      source: 'وكالة الأنباء الأذربيجانية',
      location: 'باكو',
      date: '2019-03-14T10:05',
      url: 'https://example.org/az/gas-deal-2019',
    });
    expect(a.text).toContain('اذربيجان');
  });

  it('show reads a fresh index without indexing, and says in one line when it must index first', async () => {
    const id = 'seed/000_5325abadd3a796aa.txt';
    const cacheBefore = listing(cache);
    const fresh = await cli(['show', archive, id, '--cache', cache]);
    expect(fresh.code).toBe(0);
    expect(fresh.stderr).toBe('');
    expect(fresh.stdout.split('\n')[0]).toBe('بوتين وعلييف يلتقيان في سوتشي');
    expect(listing(cache)).toEqual(cacheBefore);

    // Without --cache, the default cache has no index of this folder: said once, then indexed.
    const xdg = join(work, 'xdg-show');
    const first = await cli(['show', archive, id], { XDG_CACHE_HOME: xdg });
    expect(first.code).toBe(0);
    expect(first.stderr.trim().split('\n')).toHaveLength(1);
    expect(first.stderr).toMatch(/^archive-reader: no index of .* in .*xdg-show.* \(--cache DIR uses another\); indexing it first\n$/);
    expect(first.stdout.split('\n')[0]).toBe('بوتين وعلييف يلتقيان في سوتشي');
    const again = await cli(['show', archive, id], { XDG_CACHE_HOME: xdg });
    expect(again.stderr).toBe('');

    // An article whose file changed since it was indexed: said once, the index brought up to date, the new text shown.
    const copy = join(work, 'show-copy');
    const copyCache = join(work, 'show-copy-cache');
    cpSync(fixture, copy, { recursive: true });
    expect((await cli(['index', copy, '--cache', copyCache])).code).toBe(0);
    writeFileSync(join(copy, 'news', 'no-header.txt'), 'عنوان جديد\n\nنص جديد للمقال بعد التعديل.\n');
    const changed = await cli(['show', copy, 'news/no-header.txt', '--cache', copyCache]);
    expect(changed.code).toBe(0);
    expect(changed.stderr).toMatch(/^archive-reader: 'news\/no-header.txt' is not in the index .*; updating the index first\n$/);
    expect(changed.stdout.split('\n')[0]).toBe('عنوان جديد');
    expect(listing(archive)).toEqual(before);
  });

  it('prints readable output without --json', async () => {
    const r = await cli(['search', archive, 'سوتشي', '--cache', cache]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('بوتين وعلييف يلتقيان في سوتشي');
    expect(r.stdout).toContain('[سوتشي]');
    const s = await cli(['show', archive, 'seed/000_5325abadd3a796aa.txt', '--cache', cache]);
    expect(s.stdout.split('\n')[0]).toBe('بوتين وعلييف يلتقيان في سوتشي');
  });

  it('exits 2 on usage errors and 1 on other failures, with one line on stderr', async () => {
    const usage = [
      ['search', archive],
      ['search'],
      ['index'],
      ['show', archive],
      ['search', archive, 'x', '--limit', 'lots'],
      ['search', archive, 'x', '--sort', 'sideways'],
      ['search', archive, 'x', '--ranking', 'bm25'],
      ['index', archive, '--bogus'],
    ];
    const runs = await Promise.all(usage.map((args) => cli([...args, '--cache', cache])));
    runs.forEach((r, i) => {
      expect(r.code, usage[i].join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    });
    const [missing, noArticle] = await Promise.all([
      cli(['index', join(work, 'nope'), '--cache', cache]),
      cli(['show', archive, 'no/such.txt', '--cache', cache, '--json']),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(noArticle.code).toBe(1);
    expect(noArticle.stderr).toMatch(/no article/);
    expect(listing(archive)).toEqual(before);
  });

  it('keeps its cache in the XDG cache folder by default', async () => {
    const xdg = join(work, 'xdg');
    const r = await cli(['index', archive, '--json'], { XDG_CACHE_HOME: xdg });
    expect(r.code).toBe(0);
    expect(readdirSync(join(xdg, 'archive-reader'))).toHaveLength(1);
    expect(listing(archive)).toEqual(before);
  });

  it('lists a symlink leading outside the folder instead of reading it; --follow-links reads it', async () => {
    const linked = join(work, 'linked');
    const outside = join(work, 'outside');
    mkdirSync(linked);
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.txt'), 'سر خارج الأرشيف');
    writeFileSync(join(linked, 'own.txt'), 'مقال داخل الأرشيف');
    symlinkSync(join(outside, 'secret.txt'), join(linked, 'secret.txt'));
    const closed = await cli(['index', linked, '--cache', join(work, 'linked-cache'), '--json']);
    expect(closed.code).toBe(0);
    expect(JSON.parse(closed.stdout)).toMatchObject({
      articles: 1,
      failed: [{ path: 'secret.txt', error: `symlink leads outside the archive (to ${realpathSync(outside)}/secret.txt); not followed` }],
    });
    const shown = await cli(['show', linked, 'secret.txt', '--cache', join(work, 'linked-cache')]);
    expect(shown.code).toBe(1);
    const open = await cli(['index', linked, '--cache', join(work, 'linked-cache'), '--follow-links', '--json']);
    expect(JSON.parse(open.stdout)).toMatchObject({ articles: 2, indexed: 1, failed: [] });
  });
});
