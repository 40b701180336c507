// The index as the query process holds it: every segment's postings and lunr.Index (built from global
// statistics), article metadata in memory, bodies left on disk in the packs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import lunr from 'lunr';
import type { ArticleMeta, EntityCount, EntityType } from '../api.js';
import { PackReader, type PackRef } from '../cache/body-pack.js';
import type { Manifest } from '../cache/manifest.js';
import { FIELD_BOOST, FIELDS } from '../index/fields.js';
import { ArchiveTerms } from '../index/archive-terms.js';
import { createLunrIndex } from '../index/lunr-segment.js';
import { decodeSegment } from '../index/segment-file.js';
import type { SegmentPostings } from '../index/segment-postings.js';
import type { SegmentHeader } from './index-tasks.js';
import { queryTermForm as normalizeForm } from './text-analysis.js';

export interface LoadedDoc {
  meta: ArticleMeta;
  segment: number;
  pack: PackRef;
}

interface SegmentData {
  file: string;
  postings: SegmentPostings;
  metas: ArticleMeta[];
  packs: PackRef[];
  pack: PackReader;
  entityCounts: Map<string, EntityCount>;
}

export interface LoadedSegment extends SegmentData {
  segment: number;
  /** Global doc number of the segment's local doc 0. */
  base: number;
  index: lunr.Index;
}

function entityKey(type: EntityType, text: string): string {
  return `${type}\u0000${text}`;
}

function readSegment(cacheDir: string, file: string, packFile: string): SegmentData {
  const { postings, header } = decodeSegment<SegmentHeader>(readFileSync(join(cacheDir, file)));
  if (header.docs.length !== postings.docCount) throw new Error(`segment ${file} is inconsistent`);
  const entityCounts = new Map<string, EntityCount>();
  for (const [type, text, count] of header.entityCounts) entityCounts.set(entityKey(type, text), { type, text, count });
  return {
    file,
    postings,
    metas: header.docs.map((d) => d.meta),
    packs: header.docs.map((d) => d.pack),
    pack: new PackReader(join(cacheDir, packFile)),
    entityCounts,
  };
}

export class LoadedArchive {
  readonly docs: LoadedDoc[] = [];
  readonly byId = new Map<string, number>();
  readonly segments: LoadedSegment[] = [];
  /** Archive-wide term statistics and expansion (shared by every segment's lunr.Index). */
  readonly dictionary: ArchiveTerms;
  readonly entityCounts: EntityCount[];
  private sortCache = new Map<string, Uint32Array>();

  private constructor(
    public manifest: Manifest,
    data: (SegmentData & { segment: number })[],
    pipeline: lunr.Pipeline,
  ) {
    this.dictionary = new ArchiveTerms(
      data.map((d) => d.postings),
      FIELDS.length,
    );
    const boosts = FIELDS.map((f) => FIELD_BOOST[f]);
    // Spellings of one name (أف أم / اف ام) are counted together, shown in their most frequent spelling.
    const counts = new Map<string, { total: EntityCount; spellings: Map<string, number> }>();
    data.forEach((d) => {
      const base = this.docs.length;
      d.metas.forEach((meta, local) => {
        this.byId.set(meta.id, base + local);
        this.docs.push({ meta, segment: this.segments.length, pack: d.packs[local] });
      });
      this.segments.push({ ...d, base, index: createLunrIndex(d.postings, this.dictionary, boosts, pipeline) });
      for (const c of d.entityCounts.values()) {
        const key = entityKey(c.type, normalizeForm(c.text));
        let entry = counts.get(key);
        if (!entry) counts.set(key, (entry = { total: { type: c.type, text: c.text, count: 0 }, spellings: new Map() }));
        entry.total.count += c.count;
        entry.spellings.set(c.text, (entry.spellings.get(c.text) ?? 0) + c.count);
      }
    });
    this.entityCounts = [...counts.values()]
      .map(({ total, spellings }) => {
        let best = total.text;
        for (const [text, n] of spellings) if (n > (spellings.get(best) ?? 0)) best = text;
        return { ...total, text: best };
      })
      .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1));
  }

  /**
   * Loads the segments the manifest lists; segments whose files did not change are taken over from
   * `reuse` (the index being replaced) instead of being read again.
   */
  static load(cacheDir: string, manifest: Manifest, pipeline: lunr.Pipeline, reuse?: LoadedArchive): LoadedArchive {
    const reusable = new Map((reuse?.segments ?? []).map((s) => [s.file, s]));
    const data: (SegmentData & { segment: number })[] = [];
    try {
      manifest.segments.forEach((rec, segment) => {
        if (!rec) return;
        const old = reusable.get(rec.index);
        data.push(old ? { ...old, segment } : { ...readSegment(cacheDir, rec.index, rec.pack), segment });
      });
      return new LoadedArchive(manifest, data, pipeline);
    } catch (e) {
      for (const d of data) if (!reusable.has(d.file)) d.pack.close();
      throw e;
    }
  }

  static empty(manifest: Manifest): LoadedArchive {
    return new LoadedArchive(manifest, [], new lunr.Pipeline());
  }

  /** Closes the packs not taken over by `next`. */
  close(next?: LoadedArchive): void {
    const kept = new Set(next?.segments.map((s) => s.pack) ?? []);
    for (const s of this.segments) if (!kept.has(s.pack)) s.pack.close();
  }

  body(doc: number): { text: string; entities: import('../api.js').EntitySpan[] } {
    const d = this.docs[doc];
    return this.segments[d.segment].pack.read(d.pack);
  }

  /** Doc numbers ordered by a metadata key (cached until the index changes). */
  sortedBy(key: 'date' | 'title' | 'source'): Uint32Array {
    let order = this.sortCache.get(key);
    if (!order) {
      const values = this.docs.map((d) => (d.meta[key] ?? '') as string);
      const idx = Array.from(this.docs.keys());
      // Code-unit order follows the Arabic alphabet and is ~50x faster than a collator at 100k articles.
      idx.sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : a - b));
      order = Uint32Array.from(idx);
      this.sortCache.set(key, order);
    }
    return order;
  }
}
