import { gunzipSync } from 'node:zlib';
import { wordHash } from './features.js';
import { nameLookup, type NameLookup } from './name-dictionary.js';
import { SortedKeys } from './sorted-keys.js';
import { NUM_TAGS, TAGS } from './tags.js';

// The trained tagger on disk (gzip-compressed): "ARNE", a little-endian u32 header length, a JSON header, padding to 4
// bytes, then the arrays named in the header, in this order:
//   featureKeys u32[features]      hashed feature ids (see features.ts), sorted
//   weights     i16[features·T]    quantized weights, T = number of tags, row per feature
//   lexiconKeys u32[lexicon]       hashes of folded training words, sorted
//   lexiconCounts u16[lexicon]     how often each occurred (capped)
//   clusterKeys u32[clusters]      hashes of folded words with a word cluster, sorted
//   clusterIds  u32[clusters]      their clusters (see clusters.ts)
//   nameKeys    u32[names]         hashes of folded words of the name dictionary, sorted (optional)
//   nameCodes   u8[names]          their codes (see name-dictionary.ts)
// Real weight = int16 · header.scale. Transitions are floats in the header.

const MAGIC = 'ARNE';

export interface ModelHeader {
  version: 1;
  tags: string[];
  scale: number;
  features: number;
  lexicon: number;
  clusters: number;
  /** Entries of the name dictionary (absent = none). */
  names?: number;
  /** Subtracted from the score of O: favours finding names over missing them (recall-oriented). */
  outsideBias?: number;
  /** (T + 1) × T, last row = sentence start. */
  transitions: number[];
  trainedOn?: string;
}

export interface ModelArrays {
  featureKeys: Uint32Array;
  weights: Int16Array;
  lexiconKeys: Uint32Array;
  lexiconCounts: Uint16Array;
  clusterKeys: Uint32Array;
  clusterIds: Uint32Array;
  nameKeys?: Uint32Array;
  nameCodes?: Uint8Array;
}

export interface TaggerModel extends ModelArrays {
  header: ModelHeader;
  /** Lookups in featureKeys, nameKeys, lexiconKeys. */
  featureIndex: SortedKeys;
  nameIndex: SortedKeys;
  lexiconIndex: SortedKeys;
  /**
   * One bit per FILTER_BITS-bit hash of each key: most features the model does not have (pairs of words seen
   * in no training sentence) are rejected by this small array instead of reading the bucket index and keys.
   */
  featureFilter: Int32Array;
  transitions: Float64Array;
  names: NameLookup | null;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

export function encodeModel(header: ModelHeader, arrays: ModelArrays): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const headerEnd = align4(8 + json.length);
  const parts: ArrayBufferView[] = [arrays.featureKeys, arrays.weights, arrays.lexiconKeys, arrays.lexiconCounts, arrays.clusterKeys, arrays.clusterIds];
  if (arrays.nameKeys && arrays.nameCodes) parts.push(arrays.nameKeys, arrays.nameCodes);
  let size = headerEnd;
  for (const p of parts) size = align4(size + p.byteLength);
  const out = Buffer.alloc(size);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  let at = headerEnd;
  for (const p of parts) {
    Buffer.from(p.buffer, p.byteOffset, p.byteLength).copy(out, at);
    at = align4(at + p.byteLength);
  }
  return out;
}

const FILTER_BITS = 21;

function filterBit(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - FILTER_BITS);
}

function keyFilter(keys: Uint32Array): Int32Array {
  const filter = new Int32Array(1 << (FILTER_BITS - 5));
  for (let i = 0; i < keys.length; i++) {
    const bit = filterBit(keys[i]);
    filter[bit >>> 5] |= 1 << (bit & 31);
  }
  return filter;
}

export function decodeModel(data: Uint8Array): TaggerModel {
  const gzipped = data[0] === 0x1f && data[1] === 0x8b;
  const buf = gzipped ? gunzipSync(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('not an entity model file');
  const jsonLength = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + jsonLength)) as ModelHeader;
  if (header.version !== 1 || header.tags.join() !== TAGS.join()) throw new Error('entity model does not match this version of the tagger');
  // Typed-array views need 4-byte alignment: copy only when the buffer does not have it.
  const aligned = buf.byteOffset % 4 === 0 ? buf : Uint8Array.from(buf);
  let at = align4(8 + jsonLength);
  const take = <A>(make: (b: ArrayBufferLike, o: number, n: number) => A, count: number, bytes: number): A => {
    const arr = make(aligned.buffer, aligned.byteOffset + at, count);
    at = align4(at + count * bytes);
    return arr;
  };
  const featureKeys = take((b, o, n) => new Uint32Array(b, o, n), header.features, 4);
  const weights = take((b, o, n) => new Int16Array(b, o, n), header.features * NUM_TAGS, 2);
  const lexiconKeys = take((b, o, n) => new Uint32Array(b, o, n), header.lexicon, 4);
  const lexiconCounts = take((b, o, n) => new Uint16Array(b, o, n), header.lexicon, 2);
  const clusterKeys = take((b, o, n) => new Uint32Array(b, o, n), header.clusters, 4);
  const clusterIds = take((b, o, n) => new Uint32Array(b, o, n), header.clusters, 4);
  const nameCount = header.names ?? 0;
  const nameKeys = take((b, o, n) => new Uint32Array(b, o, n), nameCount, 4);
  const nameCodes = take((b, o, n) => new Uint8Array(b, o, n), nameCount, 1);
  const nameIndex = new SortedKeys(nameKeys);
  const names = nameCount > 0 ? nameLookup(nameIndex, nameCodes, wordHash) : null;
  const featureIndex = new SortedKeys(featureKeys);
  const lexiconIndex = new SortedKeys(lexiconKeys);
  const featureFilter = keyFilter(featureKeys);
  const transitions = Float64Array.from(header.transitions);
  return { header, featureKeys, weights, lexiconKeys, lexiconCounts, clusterKeys, clusterIds, nameKeys, nameCodes, featureIndex, nameIndex, lexiconIndex, featureFilter, transitions, names };
}

/** Where a feature's weights start in model.weights (NUM_TAGS of them), or -1 when the model does not know it. */
export function featureSlot(model: TaggerModel, key: number): number {
  const bit = filterBit(key);
  if ((model.featureFilter[bit >>> 5] & (1 << (bit & 31))) === 0) return -1;
  const at = model.featureIndex.indexOf(key);
  return at < 0 ? -1 : at * NUM_TAGS;
}

/** How often a folded word occurred in the training text (0 when unseen or rare). */
export function lexiconCount(model: TaggerModel, wordHash: number): number {
  const at = model.lexiconIndex.indexOf(wordHash);
  return at < 0 ? 0 : model.lexiconCounts[at];
}

/** Name-dictionary code of a word hash (wordHash or pairHash), 0 when absent. */
export function nameCodeOfHash(model: TaggerModel, hash: number): number {
  if (!model.nameCodes) return 0;
  const at = model.nameIndex.indexOf(hash);
  return at < 0 ? 0 : model.nameCodes[at];
}
