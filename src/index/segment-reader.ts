// Reads a segment file in place (see segment-file.ts): terms are binary-searched in the UTF-8 bytes, a term's
// postings are decoded only when a query asks for it, and header keys are inflated and parsed on first use.
import { inflateRawSync } from 'node:zlib';
import type { SegmentPostings } from './segment-postings.js';

export interface SegmentToc {
  fields: string[];
  docCount: number;
  termCount: number;
  /** Keys of an object header; null when the header is another value. */
  headerKeys: string[] | null;
  docBlocks: number;
  /** Number of entries of the header's `docs` (0 without one). */
  docEntries: number;
  sections: Record<string, [offset: number, length: number]>;
}

/** One term's postings, all fields: field f is docs/tfs[fieldStart[f] .. fieldStart[f + 1]), docs ascending. */
export interface TermPostings {
  fieldStart: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
}

const POSTINGS_CACHE = 512;
export const DOC_BLOCK = 8;
export const DOC_DICTIONARY = 16;

function damaged(what: string): Error {
  return new Error(`segment ${what} is damaged`);
}

export class SegmentReader<H = unknown> {
  readonly fields: readonly string[];
  readonly docCount: number;
  readonly termCount: number;
  readonly fieldLengths: Uint32Array;
  private termStart: Uint32Array;
  private postStart: Uint32Array;
  private termsAt: number;
  private postingsAt: number;
  private postingsEnd: number;
  private allTermsList: string[] | null = null;
  private lookups = new Map<string, number>();
  private decoded = new Map<number, TermPostings>();
  private headerValues = new Map<string, unknown>();
  private docBlockCache = new Map<number, unknown[]>();
  private dictionary: Buffer | null = null;
  private columns = new Map<string, (string | null)[]>();

  constructor(
    private readonly file: Buffer,
    private readonly base: number,
    private readonly toc: SegmentToc,
  ) {
    this.fields = toc.fields;
    this.docCount = toc.docCount;
    this.termCount = toc.termCount;
    const F = this.fields.length;
    if (!Array.isArray(toc.fields) || !Number.isInteger(toc.docCount) || !Number.isInteger(toc.termCount)) throw damaged('table of contents');
    if (toc.docBlocks !== Math.ceil(toc.docEntries / DOC_BLOCK)) throw damaged('table of contents');
    this.termStart = this.u32('termStart', this.termCount + 1);
    this.postStart = this.u32('postStart', this.termCount + 1);
    this.fieldLengths = this.u32('fieldLengths', this.docCount * F);
    const [termsAt, termsLength] = this.section('terms');
    const [postingsAt, postingsLength] = this.section('postings');
    this.termsAt = termsAt;
    this.postingsAt = postingsAt;
    this.postingsEnd = postingsAt + postingsLength;
    if (this.termStart[0] !== 0 || this.termStart[this.termCount] !== termsLength) throw damaged('term table');
    if (this.postStart[0] !== 0 || this.postStart[this.termCount] !== postingsLength) throw damaged('postings table');
    for (let t = 0; t < this.termCount; t++) {
      if (this.termStart[t + 1] < this.termStart[t] || this.postStart[t + 1] <= this.postStart[t]) throw damaged('term table');
    }
  }

  private section(name: string): [number, number] {
    const s = this.toc.sections?.[name];
    if (!s) throw damaged(`section ${name}`);
    const [offset, length] = s;
    const at = this.base + offset;
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || at + length > this.file.length)
      throw damaged(`section ${name}`);
    return [at, length];
  }

  private u32(name: string, count: number): Uint32Array {
    const [at, length] = this.section(name);
    if (length !== count * 4) throw damaged(`section ${name}`);
    const offset = this.file.byteOffset + at;
    if (offset % 4 === 0) return new Uint32Array(this.file.buffer, offset, count);
    return new Uint32Array(Uint8Array.prototype.slice.call(this.file, at, at + length).buffer);
  }

  get docEntryCount(): number {
    return this.toc.docEntries;
  }

  term(t: number): string {
    return this.file.toString('utf8', this.termsAt + this.termStart[t], this.termsAt + this.termStart[t + 1]);
  }

  /** First term position whose term is ≥ key (JavaScript string order). */
  lowerBound(key: string): number {
    let lo = 0;
    let hi = this.termCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.term(mid) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The term's position, or -1. */
  findTerm(term: string): number {
    let t = this.lookups.get(term);
    if (t === undefined) {
      const i = this.lowerBound(term);
      t = i < this.termCount && this.term(i) === term ? i : -1;
      if (this.lookups.size > 20_000) this.lookups.clear();
      this.lookups.set(term, t);
    }
    return t;
  }

  /** Every term, in order (decoded once, for fuzzy expansion and full decoding). */
  allTerms(): string[] {
    if (!this.allTermsList) {
      const text = this.file.toString('utf8', this.termsAt, this.termsAt + this.termStart[this.termCount]);
      if (Buffer.byteLength(text) === this.termStart[this.termCount] && !text.includes('\ufffd')) {
        // Byte offsets → string offsets: walk the text once, counting UTF-8 lengths.
        const list: string[] = new Array(this.termCount);
        let pos = 0;
        for (let t = 0; t < this.termCount; t++) {
          const bytes = this.termStart[t + 1] - this.termStart[t];
          let end = pos;
          let seen = 0;
          while (seen < bytes) {
            const c = text.charCodeAt(end);
            seen += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : 3;
            end += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
          }
          list[t] = text.slice(pos, end);
          pos = end;
        }
        this.allTermsList = list;
      } else this.allTermsList = Array.from({ length: this.termCount }, (_, t) => this.term(t));
    }
    return this.allTermsList;
  }

  /** In how many documents term t occurs, summed over fields (Lunr counts a document once per field). */
  documentFrequency(t: number): number {
    const p = this.postings(t);
    return p.fieldStart[this.fields.length];
  }

  postings(t: number): TermPostings {
    let p = this.decoded.get(t);
    if (p) return p;
    p = this.decode(t);
    if (this.decoded.size >= POSTINGS_CACHE) this.decoded.delete(this.decoded.keys().next().value as number);
    this.decoded.set(t, p);
    return p;
  }

  private decode(t: number): TermPostings {
    const F = this.fields.length;
    const buf: Uint8Array = this.file;
    let pos = this.postingsAt + this.postStart[t];
    const end = this.postingsAt + this.postStart[t + 1];
    if (end > this.postingsEnd) throw damaged('postings');
    const next = (): number => {
      let result = 0;
      let shift = 0;
      for (;;) {
        if (pos >= end) throw damaged('postings block');
        const b = buf[pos++];
        result += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return result;
        shift += 7;
        if (shift > 35) throw damaged('postings block');
      }
    };
    const fieldStart = new Uint32Array(F + 1);
    // A block holds at most (end - pos) / 2 postings: allocate that much once, trim at the end.
    const cap = (end - pos) >>> 1;
    const docs = new Uint32Array(cap);
    const tfs = new Uint16Array(cap);
    let n = 0;
    for (let f = 0; f < F; f++) {
      const count = next();
      if (n + count > cap) throw damaged('postings block');
      let prev = 0;
      for (let i = 0; i < count; i++) {
        const delta = next();
        if (i > 0 && delta === 0) throw damaged('postings block');
        prev += delta;
        docs[n] = prev;
        tfs[n] = next();
        n++;
      }
      if (count > 0 && prev >= this.docCount) throw damaged('postings block');
      fieldStart[f + 1] = n;
    }
    if (pos !== end) throw damaged('postings block');
    return { fieldStart, docs: docs.subarray(0, n), tfs: tfs.subarray(0, n) };
  }

  private inflate(name: string, dictionary?: Buffer): unknown {
    const [at, length] = this.section(name);
    try {
      const data = this.file.subarray(at, at + length);
      return JSON.parse((dictionary ? inflateRawSync(data, { dictionary }) : inflateRawSync(data)).toString('utf8'));
    } catch {
      throw damaged(name);
    }
  }

  private docDictionary(): Buffer {
    if (!this.dictionary) {
      const [at, length] = this.section('docDictionary');
      try {
        this.dictionary = inflateRawSync(this.file.subarray(at, at + length));
      } catch {
        throw damaged('docDictionary');
      }
    }
    return this.dictionary;
  }

  /** One key of an object header (parsed once). */
  header<K extends keyof H & string>(key: K): H[K] {
    if (key === 'docs' && this.toc.docBlocks > 0) return this.docs() as H[K];
    if (!this.headerValues.has(key)) {
      if (!this.toc.headerKeys?.includes(key)) return undefined as H[K];
      this.headerValues.set(key, this.inflate(`header.${key}`));
    }
    return this.headerValues.get(key) as H[K];
  }

  /** The whole header, as it was given to encodeSegment. */
  wholeHeader(): H {
    if (!this.toc.headerKeys) return this.inflate('header') as H;
    const out: Record<string, unknown> = {};
    for (const key of this.toc.headerKeys) out[key] = this.header(key as keyof H & string);
    return out as H;
  }

  /** Entry d of the header's `docs` (its block is inflated on first use). */
  doc(d: number): unknown {
    if (d < 0 || d >= this.toc.docEntries) throw new RangeError(`no document ${d} in segment`);
    const b = Math.floor(d / DOC_BLOCK);
    let block = this.docBlockCache.get(b);
    if (!block) {
      block = this.inflate(`docs.${b}`, this.docDictionary()) as unknown[];
      const expected = Math.min(DOC_BLOCK, this.toc.docEntries - b * DOC_BLOCK);
      if (!Array.isArray(block) || block.length !== expected) throw damaged(`docs.${b}`);
      this.docBlockCache.set(b, block);
    }
    return block[d - b * DOC_BLOCK];
  }

  private docs(): unknown[] {
    return Array.from({ length: this.toc.docEntries }, (_, d) => this.doc(d));
  }

  /** meta.id, meta.source or meta.date of every entry of the header's `docs` (null where absent). */
  docColumn(name: 'docIds' | 'docSources' | 'docDates'): (string | null)[] {
    let col = this.columns.get(name);
    if (!col) {
      const [at, length] = this.section(name);
      try {
        col = JSON.parse(this.file.toString('utf8', at, at + length)) as (string | null)[];
      } catch {
        throw damaged(name);
      }
      if (!Array.isArray(col) || col.length !== this.toc.docEntries) throw damaged(name);
      this.columns.set(name, col);
    }
    return col;
  }

  /** Every posting decoded into flat arrays (what the indexing worker reads an old segment into). */
  decodeAll(): SegmentPostings {
    const F = this.fields.length;
    const terms = this.allTerms();
    const lists = terms.map((_, t) => this.decode(t));
    const total = lists.reduce((n, p) => n + p.docs.length, 0);
    const postingStart = new Uint32Array(this.termCount * F + 1);
    const postDocs = new Uint32Array(total);
    const postTf = new Uint16Array(total);
    let n = 0;
    lists.forEach((p, t) => {
      postDocs.set(p.docs, n);
      postTf.set(p.tfs, n);
      for (let f = 0; f < F; f++) postingStart[t * F + f + 1] = n + p.fieldStart[f + 1];
      n += p.docs.length;
    });
    return { fields: this.fields, docCount: this.docCount, terms, fieldLengths: this.fieldLengths.slice(), postingStart, postDocs, postTf };
  }
}
