// The fields of every segment index and how entity types map to searchable fields (their boosts: ranking.ts).
import type { EntityType } from '../api.js';

export const FIELDS = ['title', 'body', 'source', 'tags', 'person', 'place', 'org'] as const;
export type FieldName = (typeof FIELDS)[number];

export const ENTITY_FIELD: Partial<Record<EntityType, FieldName>> = {
  PERSON: 'person',
  LOCATION: 'place',
  ORGANIZATION: 'org',
};

/** Field names accepted in queries (`person:`…), with a few aliases users type. */
export const QUERY_FIELD_ALIASES: Record<string, FieldName> = {
  title: 'title',
  body: 'body',
  text: 'body',
  source: 'source',
  tag: 'tags',
  tags: 'tags',
  person: 'person',
  people: 'person',
  place: 'place',
  location: 'place',
  org: 'org',
  organization: 'org',
  organisation: 'org',
};
