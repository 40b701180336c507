import { gunzipSync } from 'node:zlib';
import { wordHash } from './features.js';
import { nameLookup, type NameLookup } from './name-dictionary.js';
import { FeatureTable } from './feature-table.js';
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

/** The model as the tagger uses it (the file's feature arrays become `features`). */
export interface TaggerModel extends Omit<ModelArrays, 'featureKeys' | 'weights'> {
  header: ModelHeader;
  features: FeatureTable;
  /** Lookups in nameKeys and lexiconKeys. */
  nameIndex: SortedKeys;
  lexiconIndex: SortedKeys;
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

export function decodeModel(data: Uint8Array): TaggerModel {
  const gzipped = data[0] === 0x1f && data[1] === 0x8b;
  const buf = gzipped ? gunzipSync(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('not an entity model file');
  const jsonLength = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + jsonLength)) as ModelHeader;
  if (header.version !== 1 || header.tags.join() !== TAGS.join()) throw new Error('entity model does not match this version of the tagger');
  // Typed-array views need 4-byte alignment: copy only when the buffer does not have it. (The arrays kept are
  // copied out of it below, so that it can be freed.)
  const aligned = buf.byteOffset % 4 === 0 ? buf : Uint8Array.from(buf);
  let at = align4(8 + jsonLength);
  const take = <A>(make: (b: ArrayBufferLike, o: number, n: number) => A, count: number, bytes: number): A => {
    const arr = make(aligned.buffer, aligned.byteOffset + at, count);
    at = align4(at + count * bytes);
    return arr;
  };
  const featureKeys = take((b, o, n) => new Uint32Array(b, o, n), header.features, 4);
  const weights = take((b, o, n) => new Int16Array(b, o, n), header.features * NUM_TAGS, 2);
  const lexiconKeys = take((b, o, n) => new Uint32Array(b, o, n).slice(), header.lexicon, 4);
  const lexiconCounts = take((b, o, n) => new Uint16Array(b, o, n).slice(), header.lexicon, 2);
  const clusterKeys = take((b, o, n) => new Uint32Array(b, o, n).slice(), header.clusters, 4);
  const clusterIds = take((b, o, n) => new Uint32Array(b, o, n).slice(), header.clusters, 4);
  const nameCount = header.names ?? 0;
  const nameKeys = take((b, o, n) => new Uint32Array(b, o, n).slice(), nameCount, 4);
  const nameCodes = take((b, o, n) => new Uint8Array(b, o, n).slice(), nameCount, 1);
  const nameIndex = new SortedKeys(nameKeys);
  const names = nameCount > 0 ? nameLookup(nameIndex, nameCodes, wordHash) : null;
  const features = new FeatureTable(featureKeys, weights);
  const lexiconIndex = new SortedKeys(lexiconKeys);
  const transitions = Float64Array.from(header.transitions);
  return { header, features, lexiconKeys, lexiconCounts, clusterKeys, clusterIds, nameKeys, nameCodes, nameIndex, lexiconIndex, transitions, names };
}

/** Where a feature's weights start in model.features.records (NUM_TAGS of them), or -1 when the model does not know it. */
export function featureSlot(model: TaggerModel, key: number): number {
  return model.features.slot(key);
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
