// Benchmark: one large article. For each size, a folder holding a single made-up Arabic article of that size is
// indexed by the CLI in a fresh process (wall time, peak RSS of the process, its workers included), then searched
// for a word and a phrase (snippets and the phrase check run on the whole text) and shown.
//
//   npm run bench:large -- [--sizes 1,4,16,49] [--timeout 600]
//
// Sizes are in MB (the file limit is 50 MB). A run that passes --timeout seconds is stopped and reported as such.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { largeArabicArticle } from './large-article.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const cli = join(repo, 'bin', 'archive-reader.mjs');

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

interface Timed {
  seconds: number;
  peakMb: number;
  ok: boolean;
  note: string;
}

/** Runs the CLI under /usr/bin/time; a run that passes the timeout is killed. */
function timedCli(args: string[], timeoutS: number): Timed {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', 'node', cli, ...args], { encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 1 << 28 });
  const figures = /(\d+(?:\.\d+)?) (\d+)\s*$/.exec(r.stderr ?? '');
  if (r.error || !figures) return { seconds: timeoutS, peakMb: NaN, ok: false, note: `stopped after ${timeoutS} s` };
  return { seconds: Number(figures[1]), peakMb: Number(figures[2]) / 1024, ok: r.status === 0, note: r.status === 0 ? '' : `exit ${r.status}` };
}

if (!existsSync(join(repo, 'dist', 'index.worker.mjs'))) {
  console.error('bench:large: run `npm run build` first');
  process.exit(2);
}
const sizes = option('sizes', '1,4,16,49').split(',').map(Number).filter((x) => x > 0 && x < 50);
const timeout = Number(option('timeout', '600'));
const work = mkdtempSync(join(tmpdir(), 'ar-bench-large-'));
const cell = (t: Timed, what: string) => (t.ok ? `${what} ${t.seconds.toFixed(1)} s` : `${what} ${t.note}`);
console.log('| size | index: time | index: peak RSS | search (word, phrase) | show |');
console.log('|---|---|---|---|---|');
try {
  for (const mb of sizes) {
    const folder = join(work, `${mb}mb`);
    const cache = join(work, `${mb}mb-cache`);
    mkdirSync(folder);
    writeFileSync(join(folder, 'big.txt'), largeArabicArticle(mb * 1024 * 1024));
    const index = timedCli(['index', folder, '--cache', cache, '--json'], timeout);
    let search = '', show = '';
    if (index.ok) {
      const word = timedCli(['search', folder, 'بوتين', '--cache', cache, '--json'], timeout);
      const phrase = timedCli(['search', folder, '"وقف إطلاق النار"', '--cache', cache, '--json'], timeout);
      search = `${cell(word, 'word')}, ${cell(phrase, 'phrase')}`;
      show = cell(timedCli(['show', folder, 'big.txt', '--cache', cache, '--json'], timeout), '');
    }
    const peak = Number.isNaN(index.peakMb) ? '–' : `${Math.round(index.peakMb)} MB`;
    console.log(`| ${mb} MB | ${index.ok ? `${index.seconds.toFixed(1)} s` : index.note} | ${peak} | ${search} | ${show} |`);
    rmSync(folder, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
