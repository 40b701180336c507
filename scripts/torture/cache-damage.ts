// Damage done to the index cache (derived data outside the archive) by the torture script: each must be noticed and
// repaired, with searches and `show` answering as from an intact cache.
import { readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CacheDamage {
  name: string;
  apply(cacheDir: string): void;
}

function filesOf(cacheDir: string, ext: string): string[] {
  return readdirSync(cacheDir)
    .filter((n) => n.endsWith(ext))
    .map((n) => join(cacheDir, n));
}

function flipBit(path: string, at = 0.5): void {
  const bytes = readFileSync(path);
  const i = Math.min(bytes.length - 1, Math.floor(bytes.length * at));
  bytes[i] ^= 0x10;
  writeFileSync(path, bytes);
}

const manifest = (cacheDir: string) => join(cacheDir, 'manifest.json.gz');

export const CACHE_DAMAGE: CacheDamage[] = [
  { name: 'segment .idx files: one bit flipped in each', apply: (c) => filesOf(c, '.idx').forEach((f) => flipBit(f)) },
  { name: 'segment .idx files: cut to half', apply: (c) => filesOf(c, '.idx').forEach((f) => truncateSync(f, Math.floor(readFileSync(f).length / 2))) },
  { name: 'segment .idx files: deleted', apply: (c) => filesOf(c, '.idx').forEach((f) => rmSync(f)) },
  { name: '.pack files: one bit flipped in each', apply: (c) => filesOf(c, '.pack').forEach((f) => flipBit(f, 0.3)) },
  { name: '.pack files: cut to half', apply: (c) => filesOf(c, '.pack').forEach((f) => truncateSync(f, Math.floor(readFileSync(f).length / 2))) },
  { name: '.pack files: deleted', apply: (c) => filesOf(c, '.pack').forEach((f) => rmSync(f)) },
  { name: 'manifest: one bit flipped', apply: (c) => flipBit(manifest(c)) },
  { name: 'manifest: replaced by garbage', apply: (c) => writeFileSync(manifest(c), 'not a manifest at all') },
  { name: 'manifest: deleted', apply: (c) => rmSync(manifest(c)) },
];
