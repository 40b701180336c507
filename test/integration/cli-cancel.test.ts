// Ctrl+C during `archive-reader index`: the run stops with a message, leaves nothing half-written in the cache,
// and the previous index still answers. Requires `npm run build` (npm test runs it first).
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/archive-reader.mjs', import.meta.url));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [bin, ...args], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

const WORDS = ['الحكومة', 'أعلنت', 'وزارة', 'الصحة', 'في', 'تونس', 'عن', 'خطة', 'جديدة', 'لدعم', 'المستشفيات', 'والمدارس', 'يوم', 'الأحد'];

function article(n: number): string {
  const words = Array.from({ length: 120 }, (_, i) => WORDS[(n * 7 + i * 3) % WORDS.length]);
  return `خبر رقم ${n}\n\n${words.join(' ')}.\nقال المتحدث باسم الوزارة محمد العلوي إن العمل بدأ في 12 مارس 2021.\n`;
}

/** The cache's files with their sizes and times: the previous index, untouched. */
function cacheFiles(): string[] {
  return readdirSync(cache)
    .filter((f) => f !== 'index.lock')
    .sort()
    .map((f) => `${f} ${statSync(join(cache, f)).size} ${statSync(join(cache, f)).mtimeMs}`);
}

let work: string;
let archive: string;
let cache: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ar-cancel-'));
  archive = join(work, 'archive');
  cache = join(work, 'cache');
  mkdirSync(archive);
  for (let n = 0; n < 5; n++) writeFileSync(join(archive, `old-${n}.txt`), article(n));
});

afterAll(() => rmSync(work, { recursive: true, force: true }), 60_000);

describe('cancelling an index run', { timeout: 120_000 }, () => {
  // Windows has no SIGINT to send: child.kill ends the process outright there.
  it.skipIf(process.platform === 'win32')('stops on Ctrl+C with a message, removes its partial files and keeps the previous index', async () => {
    expect((await run(['index', archive, '--cache', cache, '--json'])).code).toBe(0);
    const previous = cacheFiles();
    const big = join(archive, 'new');
    mkdirSync(big);
    for (let n = 0; n < 6000; n++) writeFileSync(join(big, `${n}.txt`), article(1000 + n));

    const child = spawn('node', [bin, 'index', archive, '--cache', cache, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Signalled as soon as the run reports work in progress (or, failing that, when it has exited: then it fails).
    await Promise.race([
      new Promise<void>((resolve) => {
        child.stderr.on('data', (d) => {
          stderr += d;
          if (/parsing|indexing \d/.test(stderr)) resolve();
        });
      }),
      exited,
    ]);
    child.kill('SIGINT');
    const code = await exited;

    expect(stderr).toMatch(/indexing was cancelled/);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(cacheFiles()).toEqual(previous);

    const again = JSON.parse((await run(['index', archive, '--cache', cache, '--json'])).stdout);
    expect(again).toMatchObject({ articles: 6005, unchanged: 5, indexed: 6000, failed: [] });
  });

  // A service manager stops with SIGTERM, and may send it twice: the second one exits at once, without a spool left.
  for (const signals of [['SIGTERM'], ['SIGTERM', 'SIGTERM']] as const) {
    it.skipIf(process.platform === 'win32')(`leaves nothing half-written on ${signals.join(' + ')}`, async () => {
      expect((await run(['index', archive, '--cache', cache, '--json'])).code).toBe(0);
      const previous = cacheFiles();
      const more = join(archive, `more-${signals.length}`);
      mkdirSync(more);
      for (let n = 0; n < 4000; n++) writeFileSync(join(more, `${n}.txt`), article(10_000 + n));
      const child = spawn('node', [bin, 'index', archive, '--cache', cache, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await Promise.race([
        new Promise<void>((resolve) => {
          child.stderr.on('data', (d) => {
            stderr += d;
            if (/parsing \d|indexing \d/.test(stderr)) resolve();
          });
        }),
        exited,
      ]);
      for (const signal of signals) {
        child.kill(signal);
        await new Promise((r) => setTimeout(r, 15)); // two at once would arrive as one
      }
      const code = await exited;
      expect(code).not.toBe(0);
      expect(cacheFiles()).toEqual(previous);
    });
  }
});
