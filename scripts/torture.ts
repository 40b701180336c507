// npm run torture: builds a hostile archive folder in a temporary folder (every kind of file that once stalled,
// crashed or silently hid something), indexes it with the built CLI under a time bound, damages the index cache and
// the annotation log in each known way, and prints a table: case, expected, observed, ok/FAIL. Exit code 1 on any FAIL.
// Needs `npm run build`. Takes about two minutes.
import { englishText } from '../src/messages/english.js';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AnchoredAnnotation, ArchiveStatus, IndexReport, SearchResult } from '../src/api.js';
import { ArchiveEngine } from '../src/engine/archive-engine.js';
import { LOG_DAMAGE } from './torture/annotation-damage.js';
import { CACHE_DAMAGE } from './torture/cache-damage.js';
import { buildHostileFolder, largeArticle, SEARCH_WORD, SHOWN_ID, type FolderCase } from './torture/hostile-folder.js';
import { jsonOf, runCli, type CliRun } from './torture/run-cli.js';
import { Table } from './torture/table.js';

const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'torture-'));
const root = join(work, 'archive');
const cache = join(work, 'cache');
mkdirSync(root);
const table = new Table();
const firstLine = (text: string) => text.trim().split('\n')[0] ?? '';
const seconds = (run: CliRun) => `${(run.ms / 1000).toFixed(1)} s`;

try {
  const cases = buildHostileFolder(root, join(work, 'outside'));
  await indexTheFolder(cases);
  await followingLinks();
  await damageTheCache();
  await damageTheAnnotationLog();
  await largeArticleAndSigterm();
} finally {
  table.print();
  console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s; folder ${work} removed)`);
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = table.rows.every((r) => r.ok) ? 0 : 1;

async function indexTheFolder(cases: FolderCase[]): Promise<void> {
  const run = await runCli(['index', root, '--cache', cache, '--json'], 120_000);
  const report = jsonOf<IndexReport>(run);
  table.add('index the hostile folder', 'exit 0 within 120 s, a JSON report', run.timedOut ? 'still running after 120 s: killed' : `exit ${run.code} in ${seconds(run)}${report ? '' : `: ${firstLine(run.stderr)}`}`, run.code === 0 && report !== null);
  if (!report) return;
  const failed = new Map(report.failed.map((f) => [f.path, englishText(f)]));
  const warned = new Map((report.warnings ?? []).map((w) => [w.path, englishText(w)]));
  const engine = await ArchiveEngine.open({ root, cacheDir: cache, autoIndex: 'none' });
  const ids = new Set((await engine.listArticles({ limit: 100_000 })).items.map((a) => a.id));
  await engine.close();
  // A file's failures are listed under its path, or under path#n for its items (a JSON array).
  const failureOf = (path: string) => failed.get(path) ?? [...failed].find(([p]) => p.startsWith(`${path}#`))?.[1];
  for (const c of cases) {
    const failure = failureOf(c.path);
    const seen = failure !== undefined ? `failed: ${failure}` : ids.has(c.path) ? `indexed${warned.has(c.path) ? ` (warning: ${warned.get(c.path)})` : ''}` : 'not listed at all';
    if ('failed' in c.expect) table.add(c.name, `failed: ${c.expect.failed.source}`, seen, failure !== undefined && c.expect.failed.test(failure));
    else if ('indexed' in c.expect) {
      const warning = warned.get(c.path);
      const ok = ids.has(c.expect.indexed) && (c.expect.warning ? warning !== undefined && c.expect.warning.test(warning) : true);
      table.add(c.name, `indexed${c.expect.warning ? `, warning ${c.expect.warning.source}` : ''}`, seen, ok);
    } else table.add(c.name, 'read or refused, never a stall', seen, seen !== 'not listed at all');
  }
}

async function followingLinks(): Promise<void> {
  const run = await runCli(['index', root, '--cache', join(work, 'cache-follow'), '--follow-links', '--json'], 120_000);
  const report = jsonOf<IndexReport>(run);
  const outside = report?.failed.filter((f) => f.code === 'symlink-outside-archive').length;
  table.add('index --follow-links', 'links outside are read (no failure for them)', report ? `${outside} links outside reported, ${report.articles} articles` : `exit ${run.code}`, outside === 0);
}

async function searchAndShow(): Promise<{ search: CliRun; show: CliRun; ids: string; text: string | undefined }> {
  const search = await runCli(['search', root, SEARCH_WORD, '--json', '--cache', cache], 60_000);
  const show = await runCli(['show', root, SHOWN_ID, '--json', '--cache', cache], 60_000);
  const ids = (jsonOf<SearchResult>(search)?.hits ?? []).map((h) => h.id).join(',');
  return { search, show, ids, text: jsonOf<{ text: string }>(show)?.text };
}

async function damageTheCache(): Promise<void> {
  const intact = await searchAndShow();
  const pristine = join(work, 'cache-pristine');
  cpSync(cache, pristine, { recursive: true });
  for (const damage of CACHE_DAMAGE) {
    rmSync(cache, { recursive: true, force: true });
    cpSync(pristine, cache, { recursive: true });
    damage.apply(cache);
    const after = await searchAndShow();
    const sameHits = after.search.code === 0 && after.ids === intact.ids;
    const sameText = after.show.code === 0 && after.text === intact.text;
    const said = (after.search.stderr + '\n' + after.show.stderr).split('\n').find((l) => /damag|rebuil|repair|cache/i.test(l)) ?? '';
    table.add(
      `cache: ${damage.name}`,
      'search and show answer as from an intact cache',
      `search exit ${after.search.code}${sameHits ? ', same hits' : ', other hits'}; show exit ${after.show.code}${sameText ? ', same text' : ', other text'}${said ? ` (${said})` : ''}`,
      sameHits && sameText,
    );
  }
  rmSync(cache, { recursive: true, force: true });
  cpSync(pristine, cache, { recursive: true });
}

interface Server {
  call<T>(method: string, arg?: unknown): Promise<{ status: number; body: { result?: T; error?: string; code?: string } }>;
  stop(): void;
}

async function startServer(): Promise<Server> {
  const child = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'archive-reader.mjs'), 'serve', root, '--cache', cache], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', () => reject(new Error('the server exited before printing its address')));
  });
  const { origin, hash } = new URL(url);
  const token = hash.replace('#token=', '');
  return {
    async call<T>(method: string, arg?: unknown) {
      const res = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(arg === undefined ? {} : { arg }),
      });
      return { status: res.status, body: (await res.json()) as { result?: T; error?: string; code?: string } };
    },
    stop: () => child.kill('SIGTERM'),
  };
}

async function damageTheAnnotationLog(): Promise<void> {
  for (let i = 1; i <= 3; i++) {
    await runCli(['annotations', root, 'add', '--article', SHOWN_ID, '--start', String(i * 10), '--end', String(i * 10 + 8), '--note', `ملاحظة رقم ${i}`, '--cache', cache], 60_000);
  }
  const log = join(root, '.archive-reader', 'annotations.jsonl');
  const pristine = readFileSync(log);
  const server = await startServer();
  try {
    const missing = await server.call('getArticle', { id: 'no/such/article.txt' });
    table.add('HTTP: unknown article id', '404 not_found', `${missing.status} ${missing.body.code}`, missing.status === 404 && missing.body.code === 'not_found');
    const badImport = await server.call('importAnnotations', { json: '{"type": "not an annotation"' });
    table.add('HTTP: invalid import payload', '400 invalid_argument', `${badImport.status} ${badImport.body.code}`, badImport.status === 400 && badImport.body.code === 'invalid_argument');

    for (const damage of LOG_DAMAGE) {
      writeFileSync(log, pristine);
      await server.call('listAnnotations', {}); // the server has read the intact log
      damage.apply(log);
      const list = await runCli(['annotations', root, 'list', '--json', '--cache', cache], 60_000);
      const listed = jsonOf<unknown[]>(list)?.length;
      const exported = await runCli(['annotations', root, 'export', '--format', 'damaged', '--cache', cache], 60_000);
      const exportedLines = exported.stdout.split('\n').filter((l) => l !== '').length;
      const served = (await server.call<AnchoredAnnotation[]>('listAnnotations', {})).body.result?.length;
      const status = (await server.call<ArchiveStatus>('getStatus')).body.result;
      const warned = /could not be read/.test(list.stderr);
      const ok =
        listed === damage.listed && served === damage.listed && (status?.damagedAnnotations ?? 0) === damage.damaged && exportedLines === damage.damaged && warned === damage.damaged > 0;
      table.add(
        `annotations: ${damage.name}`,
        `${damage.listed} listed by CLI and server; ${damage.damaged} damaged reported and exported`,
        `CLI ${listed}, server ${served}; damaged: status ${status?.damagedAnnotations ?? 0}, exported ${exportedLines}, CLI warning ${warned ? 'yes' : 'no'}`,
        ok,
      );
    }
    writeFileSync(log, pristine);
    await server.call('listAnnotations', {});
    await runCli(['annotations', root, 'add', '--article', SHOWN_ID, '--start', '50', '--end', '58', '--note', 'من سطر الأوامر', '--cache', cache], 60_000);
    const served = (await server.call<AnchoredAnnotation[]>('listAnnotations', {})).body.result?.length;
    table.add('annotations: added by the CLI while the server runs', 'the server lists 4', `the server lists ${served}`, served === 4);
  } finally {
    server.stop();
  }
}

async function largeArticleAndSigterm(): Promise<void> {
  const large = join(work, 'large');
  mkdirSync(large);
  writeFileSync(join(large, 'long.txt'), largeArticle(4));
  const run = await runCli(['index', large, '--cache', join(work, 'cache-large'), '--json'], 60_000);
  const report = jsonOf<IndexReport>(run);
  table.add('one 4 MB article', 'indexed within 20 s', run.timedOut ? 'still indexing after 60 s: killed' : `exit ${run.code}, ${report?.articles ?? 0} article in ${seconds(run)}`, report?.articles === 1 && run.ms < 20_000);

  const cacheDir = join(work, 'cache-sigterm');
  let pid = 0;
  const stopped = runCli(['index', large, '--cache', cacheDir, '--json'], 60_000, (p) => (pid = p));
  await new Promise((r) => setTimeout(r, 2500));
  process.kill(pid, 'SIGTERM');
  const ended = await stopped;
  const left = readdirSync(cacheDir).filter((n) => n.startsWith('spool-'));
  table.add('SIGTERM while indexing', 'exits, no spool folder left', `exit ${ended.code} after ${seconds(ended)}; ${left.length ? `left ${left.join(', ')}` : 'nothing left'}`, !ended.timedOut && left.length === 0);
}
