import type { ArticleMeta, EntitySpan, EntityType } from '../api.js';
import { ENTITY_FIELD, FIELDS, type FieldName } from '../index/fields.js';
import { indexTerms } from '../analysis/index.js';

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

/** A segment's distinct (type, name) pairs, numbered as they come (SegmentNames.names). */
export class NameTable {
  readonly list: [EntityType, string][] = [];
  private readonly index = new Map<string, number>();

  idOf([type, name]: readonly [EntityType, string]): number {
    const key = `${type}\u0000${name}`;
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.list.length;
      this.index.set(key, id);
      this.list.push([type, name]);
    }
    return id;
  }
}
