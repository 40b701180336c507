// The evaluation's archive: the ANT corpus written once as one .jsonl file, indexed by the engine, and indexed by
// stock Lunr 2.3.9 + lunr-languages' Arabic pipeline; all kept in a cache folder between runs (keyed by the
// corpus file's path, size and modification time). Articles are known by KEY = sha1(url + "\n" + title)[:12].
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { ArchiveEngine } from '../../src/engine/archive-engine.js';
import { readManifest } from '../../src/cache/manifest.js';
import { LoadedArchive } from '../../src/index/loaded-archive.js';

export const repo = fileURLToPath(new URL('../..', import.meta.url));

export interface CorpusArticle {
  title: string;
  body: string;
  url?: string;
  source?: string;
  date?: string;
}

export function articleKey(url: string | undefined, title: string): string {
  return createHash('sha1')
    .update((url ?? '') + '\n' + title)
    .digest('hex')
    .slice(0, 12);
}

/** The corpus path from the argument, $ANT_CORPUS or the shared data folder beside the repository (or beside its
 * worktrees' folder); exits with a message when absent. */
export function corpusPath(arg: string | undefined, script: string): string {
  const shared = ['..', '../..'].map((up) => resolve(repo, up, 'shared/data/corpus/ant-v1.1.jsonl.gz'));
  const path = resolve(arg ?? process.env.ANT_CORPUS ?? shared.find((p) => existsSync(p)) ?? shared[0]);
  if (!existsSync(path)) {
    console.error(
      `${script}: the ANT corpus is not at ${path}. Give its path (ant-v1.1.jsonl.gz, one article object per line) as an argument or in ANT_CORPUS.`,
    );
    process.exit(2);
  }
  return path;
}

export interface EvalCorpus {
  /** The cache folder of this corpus. */
  work: string;
  articles: CorpusArticle[];
  /** Engine article id of each corpus line. */
  ids: string[];
  /** Engine ids of each KEY (a few articles are in the corpus twice, under two categories). */
  idsOfKey: Map<string, string[]>;
  archive: LoadedArchive;
  /** Stock lunr + lunr.ar: refs are engine ids. */
  stock: { search(q: string): { ref: string }[] };
  close(): Promise<void>;
}

function readLines(path: string): CorpusArticle[] {
  const raw = path.endsWith('.gz') ? gunzipSync(readFileSync(path)).toString('utf8') : readFileSync(path, 'utf8');
  return raw
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusArticle);
}

type Lunr = typeof import('lunr');

function stockLunr(): Lunr {
  const req = createRequire(join(repo, 'package.json'));
  const lunr = req('lunr') as Lunr;
  req('lunr-languages/lunr.stemmer.support')(lunr);
  req('lunr-languages/lunr.ar')(lunr);
  return lunr;
}

function stockIndex(file: string, articles: CorpusArticle[], ids: string[]): EvalCorpus['stock'] {
  const lunr = stockLunr();
  const ar = (lunr as unknown as { ar: lunr.Builder.Plugin }).ar;
  if (!existsSync(file)) {
    console.error('eval: building the stock lunr + lunr.ar index (once; about a minute)…');
    const index = lunr(function () {
      this.use(ar);
      this.ref('id');
      this.field('title');
      this.field('body');
      articles.forEach((a, i) => this.add({ id: ids[i], title: a.title, body: a.body }));
    });
    writeFileSync(file + '.tmp', JSON.stringify(index));
    renameSync(file + '.tmp', file);
  }
  return lunr.Index.load(JSON.parse(readFileSync(file, 'utf8')));
}

/** The folder indexed by the engine into cacheDir (only what changed since the last run), loaded for searching. */
export async function indexFolder(folder: string, cacheDir: string): Promise<LoadedArchive> {
  const engine = await ArchiveEngine.open({ root: folder, cacheDir, autoIndex: 'none' });
  const report = await engine.reindex();
  if (report.indexed) console.error(`eval: indexed ${report.indexed} articles into ${cacheDir}`);
  await engine.close();
  const read = readManifest(cacheDir, folder);
  if (!read.manifest) throw new Error(`eval: the index in ${cacheDir} cannot be read: ${read.reason}`);
  return LoadedArchive.load(cacheDir, read.manifest);
}

export async function openEvalCorpus(path: string, opts: { stock?: boolean } = {}): Promise<EvalCorpus> {
  const st = statSync(path);
  const tag = createHash('sha1').update(`${path}\n${st.size}\n${st.mtimeMs}`).digest('hex').slice(0, 12);
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  const work = join(base, 'archive-reader-eval-search', tag);
  const folder = join(work, 'archive');
  const cacheDir = join(work, 'index');
  mkdirSync(folder, { recursive: true });
  const articles = readLines(path);
  const jsonl = join(folder, 'corpus.jsonl');
  if (!existsSync(jsonl)) {
    const lines = articles.map((a) => JSON.stringify({ title: a.title, body: a.body, source: a.source, date: a.date, url: a.url }));
    writeFileSync(jsonl + '.tmp', lines.join('\n') + '\n');
    renameSync(jsonl + '.tmp', jsonl);
  }
  const ids = articles.map((_, i) => `corpus.jsonl#${i + 1}`);
  const idsOfKey = new Map<string, string[]>();
  articles.forEach((a, i) => {
    const key = articleKey(a.url, a.title ?? '');
    idsOfKey.set(key, [...(idsOfKey.get(key) ?? []), ids[i]]);
  });

  const archive = await indexFolder(folder, cacheDir);
  if (archive.docNumber(ids[0]) === undefined) throw new Error(`eval: article ids are not ${ids[0]}, …`);
  const stock = opts.stock === false ? { search: () => [] } : stockIndex(join(work, 'stock-lunr-ar.json'), articles, ids);
  return { work, articles, ids, idsOfKey, archive, stock, close: async () => archive.close() };
}
