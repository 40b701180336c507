import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeSegment, encodeSegment, openSegment } from '../../../src/index/segment-file.js';
import { countTerms, SegmentBuilder, type SegmentPostings } from '../../../src/index/segment-postings.js';

const FIELDS = ['title', 'body'];
const words = ['بوتين', 'علييف', 'سوتشي', 'روسيا', 'تونس', 'امطار', 'putin', 'café', 'x😀y', 'ﻻ'];

/** A segment of n documents with pseudo-random words (seeded), and its header. */
function sample(n: number): { postings: SegmentPostings; header: { docs: { meta: { id: string; source?: string; date?: string; title: string }; pack: [number, number] }[]; entityCounts: [string, string, number][] } } {
  let s = 7;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const b = new SegmentBuilder(FIELDS);
  const docs = [];
  for (let d = 0; d < n; d++) {
    const pick = (k: number) => Array.from({ length: k }, () => words[Math.floor(rand() * words.length)] + (rand() < 0.3 ? String(d % 7) : ''));
    b.add(countTerms([pick(2), pick(1 + Math.floor(rand() * 40))]));
    docs.push({ meta: { id: `a/${d}.json`, title: `عنوان ${d}`, ...(d % 3 ? { source: `source ${d % 4}` } : {}), ...(d % 5 ? { date: `2020-0${1 + (d % 9)}-01` } : {}) }, pack: [d * 10, 10] as [number, number] });
  }
  return { postings: b.build(), header: { docs, entityCounts: [['PERSON', 'بوتين', 3]] } };
}

/** Section [start, end) of a file, from its table of contents. */
function sectionOf(file: Buffer, name: string): [number, number] {
  const tocLength = file.readUInt32LE(12);
  const toc = JSON.parse(file.toString('utf8', 16, 16 + tocLength));
  const [offset, length] = toc.sections[name];
  return [16 + tocLength + offset, 16 + tocLength + offset + length];
}

const withFreshChecksum = (file: Buffer) => {
  file.writeUInt32LE(crc32(file.subarray(16)), 8);
  return file;
};

describe('segment file', () => {
  const { postings, header } = sample(150);
  const file = encodeSegment(postings, header);

  it('decodes to exactly what was encoded', () => {
    const back = decodeSegment<typeof header>(file);
    expect(back.postings.terms).toEqual(postings.terms);
    expect([...back.postings.postingStart]).toEqual([...postings.postingStart]);
    expect([...back.postings.postDocs]).toEqual([...postings.postDocs]);
    expect([...back.postings.postTf]).toEqual([...postings.postTf]);
    expect([...back.postings.fieldLengths]).toEqual([...postings.fieldLengths]);
    expect(back.header).toEqual(header);
    expect(decodeSegment<null>(encodeSegment(postings, null)).header).toBeNull();
  });

  it('reads lazily the same terms, postings and documents as the full decode', () => {
    const r = openSegment<typeof header>(file);
    const F = FIELDS.length;
    expect(r.allTerms()).toEqual(postings.terms);
    postings.terms.forEach((term, t) => {
      expect(r.findTerm(term)).toBe(t);
      expect(r.term(t)).toBe(term);
      const p = r.postings(t);
      for (let f = 0; f < F; f++) {
        const from = postings.postingStart[t * F + f];
        const to = postings.postingStart[t * F + f + 1];
        expect([...p.docs.subarray(p.fieldStart[f], p.fieldStart[f + 1])]).toEqual([...postings.postDocs.subarray(from, to)]);
        expect([...p.tfs.subarray(p.fieldStart[f], p.fieldStart[f + 1])]).toEqual([...postings.postTf.subarray(from, to)]);
      }
    });
    expect(r.findTerm('غير موجود')).toBe(-1);
    expect(r.lowerBound('')).toBe(0);
    expect(r.docColumn('docIds')).toEqual(header.docs.map((d) => d.meta.id));
    expect(r.docColumn('docSources')).toEqual(header.docs.map((d) => d.meta.source ?? null));
    expect(r.docColumn('docDates')).toEqual(header.docs.map((d) => d.meta.date ?? null));
    for (const d of [0, 63, 64, 149]) expect(r.doc(d)).toEqual(header.docs[d]);
    expect(r.header('entityCounts')).toEqual(header.entityCounts);
  });

  it('reads a file that does not start on a 4-byte boundary in memory', () => {
    const shifted = Buffer.concat([Buffer.alloc(1), file]).subarray(1);
    expect(shifted.byteOffset % 4).not.toBe(0);
    const r = openSegment<typeof header>(shifted);
    expect(r.allTerms()).toEqual(postings.terms);
    expect([...r.fieldLengths]).toEqual([...postings.fieldLengths]);
    expect(r.doc(149)).toEqual(header.docs[149]);
  });

  it('rejects a damaged byte anywhere, a postings block included, when the file is opened', () => {
    const [from, to] = sectionOf(file, 'postings');
    for (const at of [from, Math.floor((from + to) / 2), to - 1, file.length - 1]) {
      const bad = Buffer.from(file);
      bad[at] ^= 0x21;
      expect(() => openSegment(bad)).toThrow(/checksum/);
    }
    expect(() => openSegment(file.subarray(0, file.length - 4))).toThrow();
  });

  it('detects an inconsistent postings block even when its checksum was recomputed', () => {
    const [from] = sectionOf(file, 'postings');
    const bad = Buffer.from(file);
    bad[from] = 0x7f; // the first term's first field now claims 127 postings
    const r = openSegment(withFreshChecksum(bad));
    expect(() => r.postings(0)).toThrow(/damaged/);
    expect(() => decodeSegment(bad)).toThrow(/damaged/);
  });

  it('refuses a file of another format version', () => {
    const old = Buffer.from(file);
    old.writeUInt32LE(4, 4);
    expect(() => openSegment(old)).toThrow(/version/);
  });
});
