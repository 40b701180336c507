// The inverted index of one segment in flat typed arrays: what the worker builds and writes to disk
// (segment-file.ts); the query process reads the file in place instead (segment-reader.ts).

export interface SegmentPostings {
  fields: readonly string[];
  docCount: number;
  /** Sorted by JavaScript's default (UTF-16 code unit) order (the file keeps this order for binary search). */
  terms: string[];
  /** Number of indexed terms of each document in each field: [doc * fields.length + field]. */
  fieldLengths: Uint32Array;
  /** Postings of (term, field) are postDocs/postTf[postingStart[t * F + f] .. postingStart[t * F + f + 1]). */
  postingStart: Uint32Array;
  postDocs: Uint32Array;
  postTf: Uint16Array;
}

/** Per field: term → frequency, plus the field's length in terms. */
export interface DocTerms {
  tf: Map<string, number>[];
  lengths: number[];
}

export function countTerms(fieldTerms: string[][]): DocTerms {
  const tf = fieldTerms.map((terms) => {
    const m = new Map<string, number>();
    for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  });
  return { tf, lengths: fieldTerms.map((t) => t.length) };
}

class GrowableU32 {
  data = new Uint32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** Accumulates documents (in local doc order) and produces the segment's postings. */
export class SegmentBuilder {
  private termIds = new Map<string, number>();
  private termList: string[] = [];
  private entryTerm = new GrowableU32();
  private entryFieldDoc = new GrowableU32();
  private entryTf = new GrowableU32();
  private lengths: number[] = [];
  docCount = 0;

  constructor(readonly fields: readonly string[]) {}

  add(doc: DocTerms): number {
    const d = this.docCount++;
    const F = this.fields.length;
    for (let f = 0; f < F; f++) {
      this.lengths.push(doc.lengths[f] ?? 0);
      for (const [term, tf] of doc.tf[f] ?? []) {
        this.entryTerm.push(this.termId(term));
        this.entryFieldDoc.push(d * F + f);
        this.entryTf.push(Math.min(tf, 0xffff));
      }
    }
    return d;
  }

  /**
   * Adds documents `docs` (ascending) of an existing segment, with the terms they were indexed with, read from its
   * postings list by list: rebuilding a segment of 6,000 articles around one changed file no longer turns every
   * kept article back into maps of terms (hundreds of MB).
   */
  addKept(old: SegmentPostings, docs: readonly number[]): void {
    const F = this.fields.length;
    if (old.fields.join() !== this.fields.join()) throw new Error('segment fields differ');
    const local = new Int32Array(old.docCount).fill(-1);
    let previous = -1;
    for (const d of docs) {
      // Out of order or repeated, the posting lists would come out unsorted: a corrupt segment.
      if (d <= previous || d >= old.docCount) throw new Error('addKept: documents must be ascending and in the segment');
      previous = d;
      local[d] = this.docCount++;
      for (let f = 0; f < F; f++) this.lengths.push(old.fieldLengths[d * F + f]);
    }
    // Each (term, field) list is read in doc order, so its entries stay in doc order, as build() expects.
    for (let t = 0; t < old.terms.length; t++) {
      let id = -1;
      for (let f = 0; f < F; f++) {
        for (let i = old.postingStart[t * F + f], to = old.postingStart[t * F + f + 1]; i < to; i++) {
          const d = local[old.postDocs[i]];
          if (d < 0) continue;
          if (id < 0) id = this.termId(old.terms[t]);
          this.entryTerm.push(id);
          this.entryFieldDoc.push(d * F + f);
          this.entryTf.push(old.postTf[i]);
        }
      }
    }
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termList.length;
      this.termIds.set(term, id);
      this.termList.push(term);
    }
    return id;
  }

  build(): SegmentPostings {
    const F = this.fields.length;
    const order = this.termList.map((_, i) => i).sort((a, b) => (this.termList[a] < this.termList[b] ? -1 : 1));
    const rank = new Uint32Array(order.length);
    order.forEach((id, r) => (rank[id] = r));
    const terms = order.map((id) => this.termList[id]);
    const n = this.entryTerm.length;
    const slotCount = terms.length * F;
    const postingStart = new Uint32Array(slotCount + 1);
    for (let i = 0; i < n; i++) {
      const slot = rank[this.entryTerm.data[i]] * F + (this.entryFieldDoc.data[i] % F);
      postingStart[slot + 1]++;
    }
    for (let s = 0; s < slotCount; s++) postingStart[s + 1] += postingStart[s];
    const fill = postingStart.slice(0, slotCount);
    const postDocs = new Uint32Array(n);
    const postTf = new Uint16Array(n);
    // Entries were added in doc order, so each posting list comes out sorted by doc.
    for (let i = 0; i < n; i++) {
      const fd = this.entryFieldDoc.data[i];
      const slot = rank[this.entryTerm.data[i]] * F + (fd % F);
      const at = fill[slot]++;
      postDocs[at] = Math.floor(fd / F);
      postTf[at] = this.entryTf.data[i];
    }
    return {
      fields: this.fields,
      docCount: this.docCount,
      terms,
      fieldLengths: Uint32Array.from(this.lengths),
      postingStart,
      postDocs,
      postTf,
    };
  }
}
