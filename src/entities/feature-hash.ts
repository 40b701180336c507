// 32-bit FNV-1a hashes of (template number, strings or integers): the keys of the model's features.
// hashStart/hashMore/hashEnd build a hash piece by piece, so callers can hash part of a string or two strings
// without building them; the results equal hashing the joined string.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function hashStart(template: number): number {
  return Math.imul(FNV_OFFSET ^ template, FNV_PRIME);
}

export function hashMore(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

export function hashChar(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

export function hashEnd(h: number): number {
  return h >>> 0;
}

export function hashRange(template: number, s: string, from: number, to: number): number {
  return hashMore(hashStart(template), s, from, to) >>> 0;
}

export function hash(template: number, s: string): number {
  return hashRange(template, s, 0, s.length);
}

const PAIR_SEPARATOR = 0x7c;

/** Hash of two strings (the second one from `bFrom` to `bTo`). */
export function hash2(template: number, a: string, b: string, bFrom = 0, bTo = b.length): number {
  const h = Math.imul(hashMore(hashStart(template), a, 0, a.length) ^ PAIR_SEPARATOR, FNV_PRIME);
  return hashMore(h, b, bFrom, bTo) >>> 0;
}

export function hashInt(template: number, a: number, b = 0): number {
  let h = hashStart(template);
  h = Math.imul(h ^ (a & 0xffff), FNV_PRIME);
  h = Math.imul(h ^ (a >>> 16), FNV_PRIME);
  h = Math.imul(h ^ (b & 0xffff), FNV_PRIME);
  h = Math.imul(h ^ (b >>> 16), FNV_PRIME);
  return h >>> 0;
}
