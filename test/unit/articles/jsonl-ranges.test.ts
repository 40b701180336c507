import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJsonlRange } from '../../../src/articles/jsonl-range-parse.js';
import { rangesReadAsText, splitIntoLineRanges, type LineRange } from '../../../src/articles/jsonl-ranges.js';
import { letterCount } from '../../../src/articles/mojibake.js';
import { parseArticleBuffer } from '../../../src/articles/parse-file.js';
import { remove, tempDir } from '../engine/helpers.js';

const dir = tempDir('ranges');
afterAll(() => remove(dir));

function write(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const line = (i: number) => JSON.stringify({ title: `عنوان ${i}`, body: `نص المقال رقم ${i} عن الاقتصاد.`.repeat(1 + (i % 5)) });

/** Each range must start at a line start, end after a newline (or at the end), and follow the previous one. */
function expectContiguousLineRanges(bytes: Buffer, ranges: LineRange[], bom: number): void {
  expect(ranges[0].start).toBe(bom);
  expect(ranges.at(-1)!.end).toBe(bytes.length);
  for (const [i, r] of ranges.entries()) {
    if (i > 0) expect(r.start).toBe(ranges[i - 1].end);
    expect(r.end).toBeGreaterThan(r.start);
    if (r.end < bytes.length) expect(bytes[r.end - 1]).toBe(10);
    const newlinesBefore = bytes.subarray(0, r.start).filter((b) => b === 10).length;
    expect(r.firstLine).toBe(newlinesBefore + 1);
  }
}

describe('splitting a .jsonl file into line ranges', () => {
  it('cuts it into contiguous ranges of whole lines, with the line number each starts at', async () => {
    const text = Array.from({ length: 300 }, (_, i) => (i % 17 === 0 ? '' : line(i))).join('\n') + '\n';
    const bytes = Buffer.from(text);
    const ranges = (await splitIntoLineRanges(write('a.jsonl', bytes), 2000))!;
    expect(ranges.length).toBeGreaterThan(10);
    expectContiguousLineRanges(bytes, ranges, 0);
    for (const r of ranges.slice(0, -1)) expect(r.end - r.start).toBeGreaterThanOrEqual(2000);
  });

  it('skips a UTF-8 byte order mark, keeps a last line without newline, and leaves UTF-16 files whole', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(Array.from({ length: 50 }, (_, i) => line(i)).join('\r\n'))]);
    const ranges = (await splitIntoLineRanges(write('bom.jsonl', bytes), 500))!;
    expectContiguousLineRanges(bytes, ranges, 3);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(line(1) + '\n' + line(2), 'utf16le')]);
    expect(await splitIntoLineRanges(write('utf16.jsonl', utf16), 10)).toBeNull();
  });

  it('parses the ranges into the same articles and broken-line reports as the whole file', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => line(i));
    lines[7] = '{"title": "broken';
    lines[40] = '';
    lines[41] = '   ';
    lines[90] = '[1, 2]';
    const bytes = Buffer.from(lines.join('\r\n') + '\r\n');
    const path = write('mixed.jsonl', bytes);
    const whole = parseArticleBuffer(bytes, 'mixed.jsonl');
    const ranges = (await splitIntoLineRanges(path, 700))!;
    const parts = ranges.map((r) => parseJsonlRange(bytes.subarray(r.start, r.end), 'mixed.jsonl', r.firstLine));
    expect(rangesReadAsText(parts)).toBe(true);
    const articles = parts.flatMap((p) => (p.plain ? p.parsed.articles : []));
    const failures = parts.flatMap((p) => (p.plain ? p.parsed.failures : []));
    expect(articles).toEqual(whole.articles);
    expect(failures).toEqual(whole.failures);
    expect(failures.map((f) => f.path)).toEqual(['mixed.jsonl#8', 'mixed.jsonl#91']);
  });

  it('leaves to the whole-file reader what is not plain UTF-8 text', () => {
    const cp1256 = Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc7, 0xe1, 0xdf, 0x22, 0x7d, 0x0a]);
    expect(parseJsonlRange(cp1256, 'x.jsonl', 1)).toEqual({ plain: false });
    expect(parseJsonlRange(Buffer.from('{"title":"\uFFFD"}\n'), 'x.jsonl', 1)).toEqual({ plain: false });
  });

  it('takes stray control characters (NULs included) out of the lines it parses, counting them', () => {
    const range = parseJsonlRange(Buffer.from('{"title":"عنوان\u0000","body":"نص\u001a مقال"}\n{"a":1}\n'), 'x.jsonl', 1);
    expect(range).toMatchObject({ plain: true, controlChars: 2 });
    if (!range.plain) return;
    expect(range.parsed.articles.map((a) => [a.title, a.text])).toEqual([['عنوان', 'نص مقال']]);
    expect(range.parsed.repaired).toEqual({ controls: 2, undecodable: 0 });
  });

  it('judges control characters and garbled text over all the ranges, as for the whole file', () => {
    const figures = (chars: number, controlChars: number, pairs = 0, letters = 0) => ({
      plain: true as const,
      chars,
      controlChars,
      garbledPairs: [pairs, 0],
      letters,
    });
    expect(rangesReadAsText([figures(1000, 40), figures(1000, 60)])).toBe(true); // 100 = 5% of 2000
    expect(rangesReadAsText([figures(1000, 40), figures(1000, 61)])).toBe(false);
    expect(rangesReadAsText([figures(1000, 0, 3, 500), figures(1000, 0, 3, 500)])).toBe(true); // 6 pairs in 1000 letters
    expect(rangesReadAsText([figures(1000, 0, 3, 20), figures(1000, 0, 3, 20)])).toBe(false); // a garbled text
    expect(rangesReadAsText([figures(1000, 0), { plain: false }])).toBe(false);
  });
});

describe('counting letters for the garbled-text check', () => {
  it('counts what removing spaces, digits and punctuation leaves, astral and lone surrogates included', () => {
    const samples = [
      'قال الرئيس، في 26.11.2021: «السلام» — نعم؟ ٪٣',
      'Ø§Ù„Ø±Ø¦ÙŠØ³ said: "hello", world! 123',
      'a\u00a0b\u2003c\u3000d\u200be\ufeff',
      '𐄀𝐀x😀\ud800y\udc00z',
      '',
    ];
    for (const s of samples) expect(letterCount(s), s).toBe(s.replace(/[\s\d\p{P}]/gu, '').length);
  });
});
