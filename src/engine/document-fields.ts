import type { ArticleMeta, EntitySpan, EntityType } from '../api.js';
import { ENTITY_FIELD, FIELDS, type FieldName } from '../index/fields.js';
import type { StoredName } from '../index/archive-names.js';
import { indexTerms, nameForm } from '../analysis/index.js';

/** The index terms of each field (in FIELDS order) of one article. */
export function documentFieldTerms(meta: ArticleMeta, text: string, entities: readonly EntitySpan[]): string[][] {
  const byField: Record<FieldName, string[]> = {
    title: indexTerms(meta.title),
    body: indexTerms(text),
    source: meta.source ? indexTerms(meta.source) : [],
    tags: meta.tags.length ? indexTerms(meta.tags.join(' ، ')) : [],
    person: [],
    place: [],
    org: [],
  };
  for (const e of entities) {
    const field = ENTITY_FIELD[e.type];
    if (field) byField[field].push(...indexTerms(e.text));
  }
  return FIELDS.map((f) => byField[f]);
}

/** Distinct (type, name) pairs among the entities, DATE excluded. */
export function distinctEntityNames(entities: readonly EntitySpan[]): [EntityType, string][] {
  const seen = new Map<string, [EntityType, string]>();
  for (const e of entities) {
    if (e.type === 'DATE') continue;
    const name = e.text.trim();
    if (!name) continue;
    const key = `${e.type}\u0000${name}`;
    if (!seen.has(key)) seen.set(key, [e.type, name]);
  }
  return [...seen.values()];
}

/** A segment's distinct names, numbered as they come, each with its nameForm (SegmentNames.names). */
export class NameTable {
  readonly list: StoredName[] = [];
  private readonly index = new Map<string, number>();

  /** The number of a name found in an article, or kept from a previous segment (its form is kept too). */
  idOf(name: readonly [EntityType, string] | StoredName): number {
    const [type, text] = name;
    const key = `${type}\u0000${text}`;
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.list.length;
      this.index.set(key, id);
      const { form, folded } = name.length === 4 ? { form: name[2], folded: name[3] } : nameForm(text);
      this.list.push([type, text, form, folded]);
    }
    return id;
  }
}
