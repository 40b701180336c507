// On-disk form of a segment: gzip( magic | version | header JSON | terms | varint field lengths | varint postings ).
// Postings store doc-number deltas and term frequencies only: no positions, no scores (they are recomputed
// on load from global statistics). The gzip CRC plus section length checks reject any damaged file.
import { gunzipSync, gzipSync } from 'node:zlib';
import { ByteReader, ByteWriter } from './varint.js';
import type { SegmentPostings } from './segment-postings.js';

const MAGIC = 0x41525347; // "ARSG"
export const SEGMENT_FORMAT_VERSION = 1;

export function encodeSegment<H>(postings: SegmentPostings, header: H): Buffer {
  const F = postings.fields.length;
  const w = new ByteWriter();
  const headerBytes = Buffer.from(
    JSON.stringify({ fields: postings.fields, docCount: postings.docCount, termCount: postings.terms.length, header }),
  );
  const termBytes = Buffer.from(postings.terms.join('\n'));
  const fixed = Buffer.alloc(16);
  fixed.writeUInt32LE(MAGIC, 0);
  fixed.writeUInt32LE(SEGMENT_FORMAT_VERSION, 4);
  fixed.writeUInt32LE(headerBytes.length, 8);
  fixed.writeUInt32LE(termBytes.length, 12);
  w.bytes(fixed);
  w.bytes(headerBytes);
  w.bytes(termBytes);
  for (let i = 0; i < postings.fieldLengths.length; i++) w.uint(postings.fieldLengths[i]);
  const slots = postings.terms.length * F;
  for (let s = 0; s < slots; s++) {
    const from = postings.postingStart[s];
    const to = postings.postingStart[s + 1];
    w.uint(to - from);
    let prev = 0;
    for (let i = from; i < to; i++) {
      w.uint(postings.postDocs[i] - prev);
      prev = postings.postDocs[i];
      w.uint(postings.postTf[i]);
    }
  }
  return gzipSync(w.result(), { level: 6 });
}

export function decodeSegment<H>(file: Buffer): { postings: SegmentPostings; header: H } {
  const raw = gunzipSync(file);
  const r = new ByteReader(raw);
  const fixed = Buffer.from(r.bytes(16));
  if (fixed.readUInt32LE(0) !== MAGIC) throw new Error('not a segment file');
  if (fixed.readUInt32LE(4) !== SEGMENT_FORMAT_VERSION) throw new Error('segment format version mismatch');
  const top = JSON.parse(Buffer.from(r.bytes(fixed.readUInt32LE(8))).toString('utf8')) as {
    fields: string[];
    docCount: number;
    termCount: number;
    header: H;
  };
  const termText = Buffer.from(r.bytes(fixed.readUInt32LE(12))).toString('utf8');
  const terms = top.termCount === 0 ? [] : termText.split('\n');
  if (terms.length !== top.termCount) throw new Error('segment term count mismatch');
  const F = top.fields.length;
  const fieldLengths = new Uint32Array(top.docCount * F);
  for (let i = 0; i < fieldLengths.length; i++) fieldLengths[i] = r.uint();
  const slots = terms.length * F;
  const postingStart = new Uint32Array(slots + 1);
  let docs = new Uint32Array(Math.max(1024, top.docCount * 8));
  let tfs = new Uint16Array(docs.length);
  let n = 0;
  for (let s = 0; s < slots; s++) {
    const count = r.uint();
    if (n + count > docs.length) {
      let size = docs.length * 2;
      while (size < n + count) size *= 2;
      const nd = new Uint32Array(size);
      nd.set(docs.subarray(0, n));
      const nt = new Uint16Array(size);
      nt.set(tfs.subarray(0, n));
      docs = nd;
      tfs = nt;
    }
    let prev = 0;
    for (let i = 0; i < count; i++) {
      prev += r.uint();
      if (prev >= top.docCount) throw new Error('segment posting out of range');
      docs[n] = prev;
      tfs[n] = r.uint();
      n++;
    }
    postingStart[s + 1] = n;
  }
  if (!r.done) throw new Error('segment has trailing bytes');
  return {
    postings: {
      fields: top.fields,
      docCount: top.docCount,
      terms,
      fieldLengths,
      postingStart,
      postDocs: docs.slice(0, n),
      postTf: tfs.slice(0, n),
    },
    header: top.header,
  };
}
