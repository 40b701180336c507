// The names (people, places, organisations) of every article, as the facets and name filters read them: one id
// per name and type, its clitic forms folded together (للأمم المتحدة is الأمم المتحدة), shown in its bare spelling.
import type { EntityCount, EntityType } from '../api.js';
import { nameForm } from '../analysis/index.js';

export type NameType = Exclude<EntityType, 'DATE'>;
export const NAME_TYPES: readonly NameType[] = ['PERSON', 'LOCATION', 'ORGANIZATION'];

/** A name as an article has it: type, text, and its nameForm (form, folded) worked out when it was indexed. */
export type StoredName = [type: EntityType, text: string, form: string, folded: number];

/** What one segment keeps: its distinct names, and for each of its articles the names it mentions. */
export interface SegmentNames {
  names: StoredName[];
  /** Per local doc number, indices into `names`. */
  docNames: number[][];
}

interface Spelling {
  text: string;
  folded: number;
  docs: number;
}

export class ArchiveNames {
  private readonly ids = new Map<string, number>();
  private readonly types: NameType[] = [];
  private readonly spellings: Map<string, Spelling>[] = [];
  /** Names of doc d: ids[offsets[d]] … ids[offsets[d + 1] - 1], each once. */
  private readonly offsets: Uint32Array;
  private readonly docIds: Uint32Array;
  private texts: string[] | null = null;
  private readonly docCounts: Uint32Array;

  constructor(segments: readonly SegmentNames[], docCount: number) {
    this.offsets = new Uint32Array(docCount + 1);
    let mentions = 0;
    for (const seg of segments) for (const names of seg.docNames) mentions += names.length;
    const ids = new Uint32Array(mentions);
    let length = 0;
    const lastDoc: number[] = [];
    let doc = 0;
    for (const seg of segments) {
      const local = seg.names.map((name) => this.idFor(name));
      const localDocs = new Uint32Array(seg.names.length);
      for (const names of seg.docNames) {
        for (const n of names) {
          const id = local[n];
          localDocs[n]++;
          // Two spellings of one name in an article count it once.
          if (id < 0 || lastDoc[id] === doc) continue;
          lastDoc[id] = doc;
          ids[length++] = id;
        }
        this.offsets[++doc] = length;
      }
      seg.names.forEach(([, text], n) => {
        const spelling = local[n] >= 0 ? this.spellings[local[n]].get(text) : undefined;
        if (spelling) spelling.docs += localDocs[n];
      });
    }
    this.docIds = ids.subarray(0, length);
    this.docCounts = new Uint32Array(this.types.length);
    for (const id of this.docIds) this.docCounts[id]++;
  }

  private idFor([type, text, form, folded]: StoredName): number {
    if (type === 'DATE' || !form) return -1;
    const key = `${type}\u0000${form}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.types.length;
      this.ids.set(key, id);
      this.types.push(type);
      this.spellings.push(new Map());
    }
    if (!this.spellings[id].has(text)) this.spellings[id].set(text, { text, folded, docs: 0 });
    return id;
  }

  get size(): number {
    return this.types.length;
  }

  /** The id of a name of that type, in any of its clitic forms and spellings; undefined when no article has it. */
  idOf(type: EntityType, text: string): number | undefined {
    const { form } = nameForm(text);
    return this.ids.get(`${type}\u0000${form}`);
  }

  typeOf(id: number): NameType {
    return this.types[id];
  }

  /** How the name is shown: its spelling with the fewest clitics, the most frequent among those. */
  textOf(id: number): string {
    if (!this.texts) {
      this.texts = this.spellings.map((forms) => {
        let best: Spelling | undefined;
        for (const s of forms.values()) {
          if (!best || s.folded < best.folded || (s.folded === best.folded && s.docs > best.docs)) best = s;
        }
        return best?.text ?? '';
      });
    }
    return this.texts[id];
  }

  /** The ids of the names article `doc` mentions. */
  namesOf(doc: number): Uint32Array {
    return this.docIds.subarray(this.offsets[doc], this.offsets[doc + 1]);
  }

  /** Every name with the number of articles mentioning it, most frequent first. */
  counts(): EntityCount[] {
    const out: EntityCount[] = [];
    for (let id = 0; id < this.types.length; id++) {
      if (this.docCounts[id]) out.push({ type: this.types[id], text: this.textOf(id), count: this.docCounts[id] });
    }
    return out.sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  }
}
