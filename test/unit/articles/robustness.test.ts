// A user's data never crashes the parser: mutated and random inputs give articles or failures, never throws,
// and whatever comes out as an article is clean text.
import { describe, expect, it } from 'vitest';
import { parseArticleBuffer } from '../../../src/articles/parse-file.js';
import { findDates } from '../../../src/dates/find-dates.js';
import { fixtureBytes } from './helpers.js';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

const SOURCES = [
  'seed/000_5325abadd3a796aa.txt',
  'news/baku-gas-deal.md',
  'news/2020/moscow-summit.html',
  'news/2017/tunis-festival.json',
  'feeds/wire.jsonl',
  'legacy/cairo-elections-cp1256.txt',
  'legacy/beirut-book-fair-utf16le.txt',
];

function mutate(buf: Buffer, rand: () => number): Buffer {
  const out = Buffer.from(buf);
  const kind = Math.floor(rand() * 4);
  if (kind === 0) return out.subarray(0, Math.floor(rand() * out.length)); // truncated (a partial download)
  if (kind === 1) {
    for (let i = 0; i < 1 + rand() * 20; i++) out[Math.floor(rand() * out.length)] = Math.floor(rand() * 256);
    return out;
  }
  if (kind === 2) return Buffer.concat([out, Buffer.from(Array.from({ length: 64 }, () => Math.floor(rand() * 256)))]);
  return Buffer.from(Array.from({ length: Math.floor(rand() * 2000) }, () => Math.floor(rand() * 256)));
}

describe('robustness', () => {
  it('never throws on mutated or random files and never lets garbage into article text unannounced', () => {
    const rand = prng(12345);
    let articles = 0;
    let failures = 0;
    for (const source of SOURCES) {
      const original = fixtureBytes(source);
      const ext = source.slice(source.lastIndexOf('.'));
      for (let i = 0; i < 60; i++) {
        const input = mutate(original, rand);
        const result = parseArticleBuffer(input, `fuzz/${i}${ext}`);
        expect(result.articles.length + result.failures.length).toBeGreaterThan(0);
        for (const a of result.articles) {
          // A damaged byte in otherwise good text is shown as U+FFFD, and counted as a repair.
          const shown = a.text.split('\uFFFD').length - 1;
          expect(shown).toBeLessThanOrEqual(result.repaired?.undecodable ?? 0);
          expect(shown).toBeLessThanOrEqual(a.text.length * 0.05);
          // eslint-disable-next-line no-control-regex -- no NUL may reach the text
          expect(a.text).not.toMatch(/\u0000/);
          expect(a.title.trim()).not.toBe('');
          expect(a.text.trim()).not.toBe('');
        }
        for (const f of result.failures) expect(f.code).toMatch(/\S/);
        articles += result.articles.length;
        failures += result.failures.length;
      }
    }
    // Both outcomes happen: the check is not vacuous.
    expect(articles).toBeGreaterThan(50);
    expect(failures).toBeGreaterThan(50);
  });

  it('reads deeply nested HTML without stalling (Readability is skipped for pathological nesting)', () => {
    const depth = 20000;
    const html = `<html><body>${'<div>'.repeat(depth)}نص عميق${'</div>'.repeat(depth)}</body></html>`;
    const result = parseArticleBuffer(Buffer.from(html), 'deep.html');
    expect(result.failures).toEqual([]);
    expect(result.articles.map((a) => a.text)).toEqual(['نص عميق']);
  });

  it('reads 100,000-deep HTML, as a page or as a JSON body, in seconds (the parser is quadratic in depth)', () => {
    const depth = 100_000;
    const html = `<html><body>${'<div>'.repeat(depth)}نص عميق<br>سطر${'</div>'.repeat(depth)}</body></html>`;
    const started = performance.now();
    const page = parseArticleBuffer(Buffer.from(html), 'deep.html');
    const json = parseArticleBuffer(Buffer.from(JSON.stringify({ title: 'عنوان', body: html })), 'deep.json');
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(page.articles.map((a) => a.text)).toEqual(['نص عميق\nسطر']);
    expect(json.articles.map((a) => a.text)).toEqual(['نص عميق\nسطر']);
  }, 60_000);

  it('survives a YAML alias bomb in front matter', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const md = `---\n${bomb.join('\n')}\ntitle: عنوان\n---\nنص\n`;
    const result = parseArticleBuffer(Buffer.from(md), 'bomb.md');
    expect(result.articles.length + result.failures.length).toBe(1);
  });
});

describe('no quadratic blow-ups on hostile text', () => {
  // Each input is 100,000 characters; a quadratic regex takes minutes on these, linear code milliseconds.
  const N = 100_000;
  const CASES: [string, string, string][] = [
    ['spaces inside a txt line', 'x.txt', 'عنوان\n\nنص' + ' '.repeat(N) + 'x'],
    ['spaces inside a md line', 'x.md', '# عنوان\n\nنص' + ' '.repeat(N) + 'x'],
    ['spaces inside a heading', 'x.md', '# a' + ' '.repeat(N) + 'b\n\nنص'],
    ['unclosed emphasis', 'x.md', '# t\n\n' + '*a '.repeat(N / 3)],
    ['unclosed underscores', 'x.md', '# t\n\n' + ' _a'.repeat(N / 3)],
    ['unclosed links', 'x.md', '# t\n\n' + '[x]('.repeat(N / 4)],
    ['unclosed brackets', 'x.md', '# t\n\n' + '['.repeat(N)],
    ['unclosed tags', 'x.md', '# t\n\n' + '<a'.repeat(N / 2)],
    ['spaces in a page', 'x.html', '<p>' + ' '.repeat(N) + 'x</p>'],
    ['spaces in a page title', 'x.html', '<title>a' + ' '.repeat(N) + 'b</title><p>نص</p>'],
  ];
  it.each(CASES)('%s', (_name, path, text) => {
    const start = performance.now();
    const result = parseArticleBuffer(Buffer.from(text), path);
    expect(result.articles).toHaveLength(1);
    expect(performance.now() - start).toBeLessThan(15_000);
  });

  it.each([
    ['a month name before many spaces', 'مارس' + ' '.repeat(N) + 'x', 0],
    ['many weekdays', 'الجمعة '.repeat(N / 7), Math.floor(N / 7)],
    ['many small numbers', '1 '.repeat(N / 2), 0],
  ])('findDates: %s', (_name, text, spans) => {
    const start = performance.now();
    expect(findDates(text)).toHaveLength(spans);
    expect(performance.now() - start).toBeLessThan(15_000);
  });
});
