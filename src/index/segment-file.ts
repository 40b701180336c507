// On-disk form of a segment:
//   magic | version | header length | terms length | posting count | crc32 of the rest | header JSON | terms
//   | varint field lengths | varint postings (per term and field: count, then doc-number deltas and tfs)
// No positions and no scores (BM25 weights are computed at query time from archive-wide statistics).
// The whole is gzip-compressed (the article metadata in the header compresses well); a CRC and section checks
// reject any damaged file.
import { crc32, gunzipSync, gzipSync } from 'node:zlib';
import { ByteWriter } from './varint.js';
import type { SegmentPostings } from './segment-postings.js';

const MAGIC = 0x41525347; // "ARSG"
export const SEGMENT_FORMAT_VERSION = 3;
const FIXED = 24;

export function encodeSegment<H>(postings: SegmentPostings, header: H): Buffer {
  const F = postings.fields.length;
  const w = new ByteWriter();
  const headerBytes = Buffer.from(
    JSON.stringify({ fields: postings.fields, docCount: postings.docCount, termCount: postings.terms.length, header }),
  );
  const termBytes = Buffer.from(postings.terms.join('\n'));
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
  const body = w.result();
  const fixed = Buffer.alloc(FIXED);
  fixed.writeUInt32LE(MAGIC, 0);
  fixed.writeUInt32LE(SEGMENT_FORMAT_VERSION, 4);
  fixed.writeUInt32LE(headerBytes.length, 8);
  fixed.writeUInt32LE(termBytes.length, 12);
  fixed.writeUInt32LE(postings.postDocs.length, 16);
  fixed.writeUInt32LE(crc32(body), 20);
  return gzipSync(Buffer.concat([fixed, body]), { level: 6 });
}

export function decodeSegment<H>(compressed: Buffer): { postings: SegmentPostings; header: H } {
  const file = gunzipSync(compressed);
  if (file.length < FIXED || file.readUInt32LE(0) !== MAGIC) throw new Error('not a segment file');
  if (file.readUInt32LE(4) !== SEGMENT_FORMAT_VERSION) throw new Error('segment format version mismatch');
  const headerLength = file.readUInt32LE(8);
  const termLength = file.readUInt32LE(12);
  const postingCount = file.readUInt32LE(16);
  if (crc32(file.subarray(FIXED)) !== file.readUInt32LE(20)) throw new Error('segment checksum mismatch');
  let pos = FIXED;
  if (pos + headerLength + termLength > file.length) throw new Error('segment truncated');
  const top = JSON.parse(file.toString('utf8', pos, (pos += headerLength))) as {
    fields: string[];
    docCount: number;
    termCount: number;
    header: H;
  };
  const terms = top.termCount === 0 ? [] : file.toString('utf8', pos, (pos += termLength)).split('\n');
  if (top.termCount === 0) pos += termLength;
  if (terms.length !== top.termCount) throw new Error('segment term count mismatch');
  const F = top.fields.length;
  const buf: Uint8Array = file;
  const end = file.length;
  // Inlined LEB128 reader: this loop is most of the load time.
  const next = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (pos >= end) throw new Error('segment truncated');
      const b = buf[pos++];
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  };
  const fieldLengths = new Uint32Array(top.docCount * F);
  for (let i = 0; i < fieldLengths.length; i++) fieldLengths[i] = next();
  const slots = terms.length * F;
  const postingStart = new Uint32Array(slots + 1);
  const postDocs = new Uint32Array(postingCount);
  const postTf = new Uint16Array(postingCount);
  let n = 0;
  for (let s = 0; s < slots; s++) {
    const count = next();
    if (n + count > postingCount) throw new Error('segment posting count mismatch');
    let prev = 0;
    for (let i = 0; i < count; i++) {
      prev += next();
      postDocs[n] = prev;
      postTf[n] = next();
      n++;
    }
    if (prev >= top.docCount && count > 0) throw new Error('segment posting out of range');
    postingStart[s + 1] = n;
  }
  if (n !== postingCount || pos !== end) throw new Error('segment length mismatch');
  return {
    postings: { fields: top.fields, docCount: top.docCount, terms, fieldLengths, postingStart, postDocs, postTf },
    header: top.header,
  };
}
