// A flipped bit in each kind of cache file the CLI reads (the manifest, a segment's index file, a segment's pack of
// article bodies): `show` and `search` still answer right, the damage is said once on stderr, and the next `index`
// finds the cache whole again. Requires `npm run build` (npm test runs it first).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const ARTICLES: Record<string, string> = {
  'sochi.txt': 'بوتين يلتقي علييف في سوتشي\n\nالتقى الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في مدينة سوتشي.\n',
  'rain.txt': 'أمطار غزيرة في تونس\n\nهطلت أمطار غزيرة على العاصمة تونس يوم الخميس وأغلقت عدة طرقات.\n',
  'gas.txt': 'أذربيجان توقع اتفاقا للغاز\n\nوقعت أذربيجان اتفاقا جديدا لتصدير الغاز إلى أوروبا عبر تركيا.\n',
  'fair.txt': 'معرض للكتاب في الرباط\n\nافتتح في الرباط معرض للكتاب بمشاركة دور نشر من عدة دول عربية.\n',
};
const N = Object.keys(ARTICLES).length;

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ar-cli-damage-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A freshly indexed archive of its own. */
async function indexed(name: string): Promise<{ archive: string; cache: string }> {
  const archive = join(work, name);
  const cache = join(work, `${name}-cache`);
  mkdirSync(archive);
  for (const [file, text] of Object.entries(ARTICLES)) writeFileSync(join(archive, file), text);
  expect((await run(['index', archive, '--cache', cache, '--json'])).code).toBe(0);
  return { archive, cache };
}

/** Flips one bit in the middle of every cache file whose name matches (the same length: only a checksum can tell). */
function flipBits(cache: string, name: RegExp): void {
  const files = readdirSync(cache).filter((f) => name.test(f));
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) {
    const bytes = readFileSync(join(cache, f));
    bytes[bytes.length >> 1] ^= 0x10;
    writeFileSync(join(cache, f), bytes);
  }
}

const damageLines = (stderr: string) => stderr.split('\n').filter((l) => /damaged/.test(l));

describe('a flipped bit in the cache', { timeout: 180_000 }, () => {
  // How many damage lines show, search and index print: a damaged manifest or segment index file is found when the
  // cache is opened, a damaged article body when it is read (show, search) or checked (index checks every one).
  for (const [kind, files, told] of [
    ['the manifest', /^manifest\.json\.gz$/, [1, 0, 0]],
    ['every segment index file', /\.idx$/, [1, 0, 0]],
    ['every pack of article bodies', /\.pack$/, [1, 1, 1]],
  ] as const) {
    it(`in ${kind}: show and search answer right, the damage is said once, and index repairs it`, async () => {
      const { archive, cache } = await indexed(kind.replace(/\W+/g, '-'));
      flipBits(cache, files);

      const show = await run(['show', archive, 'sochi.txt', '--cache', cache, '--json']);
      expect(show.code).toBe(0);
      expect(JSON.parse(show.stdout).text).toBe(ARTICLES['sochi.txt'].split('\n\n')[1].trim());

      const search = await run(['search', archive, 'أمطار', '--cache', cache, '--json']);
      expect(search.code).toBe(0);
      const hits = JSON.parse(search.stdout).hits;
      expect(hits.map((h: { id: string }) => h.id)).toEqual(['rain.txt']);
      expect(hits[0].snippet.text).toContain('هطلت أمطار غزيرة');

      const again = await run(['index', archive, '--cache', cache, '--json']);
      expect(JSON.parse(again.stdout)).toMatchObject({ articles: N, failed: [] });
      const last = await run(['index', archive, '--cache', cache, '--json']);
      expect(JSON.parse(last.stdout)).toMatchObject({ articles: N, indexed: 0, unchanged: N });
      expect([show, search, again].map((r) => damageLines(r.stderr).length)).toEqual(told);
      expect(damageLines(last.stderr)).toEqual([]);
    });
  }
});
