// On-disk form of a segment (format 5), laid out so that opening it decodes almost nothing:
//   magic | version | crc32 of everything after these 16 bytes | table-of-contents length | TOC JSON | sections
// Sections (4-byte aligned, positions in the TOC):
//   termStart, postStart  u32[termCount + 1]: byte offsets of each term in `terms` and of its postings in `postings`
//   terms                 UTF-8, sorted in JavaScript's string order (binary-searched in place)
//   postings              per term, per field: count, then doc-number deltas and tfs (LEB128), decoded on demand
//   fieldLengths          u32[docCount * fields]
//   header                every key of the header as deflated JSON, parsed when first asked for; `docs` (one entry
//                         per document) in blocks of DOC_BLOCK entries deflated with a dictionary made of the first
//                         DOC_DICTIONARY entries, plus the id, source and date of
//                         each entry's `meta` as plain columns (search facets and filters need only those)
// No positions and no scores (BM25 weights are computed at query time from archive-wide statistics).
// The whole file is CRC-checked when it is opened (a few milliseconds), so a damaged byte anywhere — a postings
// block read much later included — makes the cache untrusted and rebuilt.
import { crc32, deflateRawSync } from 'node:zlib';
import { ByteWriter } from './varint.js';
import type { SegmentPostings } from './segment-postings.js';
import { DOC_BLOCK, DOC_DICTIONARY, SegmentReader, type SegmentToc } from './segment-reader.js';

const MAGIC = 0x41525347; // "ARSG"
export const SEGMENT_FORMAT_VERSION = 5;
export const FIXED = 16;

interface DocLike {
  meta?: { id?: unknown; source?: unknown; date?: unknown };
}

class SectionWriter {
  private parts: Uint8Array[] = [];
  private length = 0;
  readonly sections: Record<string, [number, number]> = {};

  add(name: string, data: Uint8Array): void {
    const pad = (4 - (this.length % 4)) % 4;
    if (pad) this.push(new Uint8Array(pad));
    this.sections[name] = [this.length, data.length];
    this.push(data);
  }

  private push(data: Uint8Array): void {
    this.parts.push(data);
    this.length += data.length;
  }

  concat(): Buffer {
    return Buffer.concat(this.parts, this.length);
  }
}

const u32Bytes = (a: Uint32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const json = (v: unknown) => Buffer.from(JSON.stringify(v) ?? 'null');
const deflated = (v: unknown) => deflateRawSync(json(v), { level: 6 });

export function encodeSegment<H>(postings: SegmentPostings, header: H): Buffer {
  const F = postings.fields.length;
  const T = postings.terms.length;
  const out = new SectionWriter();

  const termStart = new Uint32Array(T + 1);
  const termBytes = postings.terms.map((t) => Buffer.from(t));
  for (let t = 0; t < T; t++) termStart[t + 1] = termStart[t] + termBytes[t].length;
  const postStart = new Uint32Array(T + 1);
  const w = new ByteWriter();
  for (let t = 0; t < T; t++) {
    for (let f = 0; f < F; f++) {
      const from = postings.postingStart[t * F + f];
      const to = postings.postingStart[t * F + f + 1];
      w.uint(to - from);
      let prev = 0;
      for (let i = from; i < to; i++) {
        w.uint(postings.postDocs[i] - prev);
        prev = postings.postDocs[i];
        w.uint(postings.postTf[i]);
      }
    }
    postStart[t + 1] = w.length;
  }
  out.add('termStart', u32Bytes(termStart));
  out.add('postStart', u32Bytes(postStart));
  out.add('terms', Buffer.concat(termBytes));
  out.add('postings', w.result());
  out.add('fieldLengths', u32Bytes(Uint32Array.from(postings.fieldLengths)));

  const isObject = header !== null && typeof header === 'object' && !Array.isArray(header);
  const keys = isObject ? Object.keys(header as object) : [];
  let docBlocks = 0;
  let docEntries = 0;
  if (isObject) {
    for (const key of keys) {
      const value = (header as Record<string, unknown>)[key];
      if (key === 'docs' && Array.isArray(value)) {
        const docs = value as DocLike[];
        const text = (x: unknown) => (typeof x === 'string' ? x : null);
        out.add('docIds', json(docs.map((d) => text(d?.meta?.id))));
        out.add('docSources', json(docs.map((d) => text(d?.meta?.source))));
        out.add('docDates', json(docs.map((d) => text(d?.meta?.date))));
        // Small blocks keep showing one hit cheap; a dictionary of the first entries keeps them compressing well.
        const dictionary = json(docs.slice(0, DOC_DICTIONARY));
        out.add('docDictionary', deflateRawSync(dictionary));
        for (let b = 0; b * DOC_BLOCK < docs.length; b++)
          out.add(`docs.${b}`, deflateRawSync(json(docs.slice(b * DOC_BLOCK, (b + 1) * DOC_BLOCK)), { level: 6, dictionary }));
        docBlocks = Math.ceil(docs.length / DOC_BLOCK);
        docEntries = docs.length;
      } else out.add(`header.${key}`, deflated(value));
    }
  } else out.add('header', deflated(header));

  const toc: SegmentToc = {
    fields: [...postings.fields],
    docCount: postings.docCount,
    termCount: T,
    headerKeys: isObject ? keys : null,
    docBlocks,
    docEntries,
    sections: out.sections,
  };
  const tocBytes = json(toc);
  const tocPad = (4 - ((FIXED + tocBytes.length) % 4)) % 4;
  const body = Buffer.concat([tocBytes, Buffer.alloc(tocPad, 0x20), out.concat()]);
  const fixed = Buffer.alloc(FIXED);
  fixed.writeUInt32LE(MAGIC, 0);
  fixed.writeUInt32LE(SEGMENT_FORMAT_VERSION, 4);
  fixed.writeUInt32LE(crc32(body), 8);
  fixed.writeUInt32LE(tocBytes.length + tocPad, 12);
  return Buffer.concat([fixed, body]);
}

/** Checks a segment file (magic, version, checksum, table of contents) and opens it for lazy reading. */
export function openSegment<H>(file: Buffer): SegmentReader<H> {
  if (file.length < FIXED || file.readUInt32LE(0) !== MAGIC) throw new Error('not a segment file');
  if (file.readUInt32LE(4) !== SEGMENT_FORMAT_VERSION) throw new Error('segment format version mismatch');
  if (crc32(file.subarray(FIXED)) !== file.readUInt32LE(8)) throw new Error('segment checksum mismatch');
  const tocLength = file.readUInt32LE(12);
  if (FIXED + tocLength > file.length) throw new Error('segment truncated');
  let toc: SegmentToc;
  try {
    toc = JSON.parse(file.toString('utf8', FIXED, FIXED + tocLength)) as SegmentToc;
  } catch {
    throw new Error('segment table of contents is damaged');
  }
  return new SegmentReader<H>(file, FIXED + tocLength, toc);
}

/** The whole segment decoded at once (the indexing worker carries unchanged documents into a rebuilt segment). */
export function decodeSegment<H>(file: Buffer): { postings: SegmentPostings; header: H } {
  const reader = openSegment<H>(file);
  return { postings: reader.decodeAll(), header: reader.wholeHeader() };
}
