import type { EntityType } from '../../../src/api.js';

const PREFIX: Partial<Record<EntityType, string>> = { PERSON: 'person', LOCATION: 'place', ORGANIZATION: 'org' };

/** The archive query that finds other articles naming this entity (a field query, or a phrase for dates). */
export function entityQuery(type: EntityType, text: string): string {
  const clean = text.replace(/["\s]+/g, ' ').trim();
  const prefix = PREFIX[type];
  return prefix ? `${prefix}:"${clean}"` : `"${clean}"`;
}
