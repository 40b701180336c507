/** FNV-1a over UTF-16 code units: stable across runs and platforms, used to assign articles to segments. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function segmentOf(id: string, segmentCount: number): number {
  return stableHash(id) % segmentCount;
}
