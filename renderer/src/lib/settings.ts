// The reader's persisted preferences and last place, read back defensively (old or broken storage
// falls back to defaults field by field, never to an exception).
import { ENTITY_TYPES, type EntityType } from '../../../src/api.js';

export type Lang = 'ar' | 'en';
export type Theme = 'light' | 'dark' | 'sepia';
export type LibrarySort = 'date' | 'title' | 'source';

export interface Settings {
  lang: Lang;
  /** Arabic interface only: Latin digits (0-9) instead of Arabic-Indic ones (٠-٩). */
  latinDigits: boolean;
  theme: Theme;
  /** Reader font size in px. */
  fontSize: number;
  /** Reader line height (unitless multiplier). */
  lineHeight: number;
  hideDiacritics: boolean;
  matchDiacritics: boolean;
  matchHamza: boolean;
  /** Which entity types the reader highlights. */
  entityTypes: Record<EntityType, boolean>;
  showEntityPanel: boolean;
  /** The article alone, at a comfortable measure (no facets, list or side panel). */
  readingMode: boolean;
  librarySort: LibrarySort;
  libraryDescending: boolean;
  searchSort: 'relevance' | 'date';
  lastQuery: string;
  openArticleId: string | null;
}

export const FONT_SIZES = { min: 14, max: 32, step: 2 };
export const LINE_HEIGHTS = { min: 1.4, max: 2.6, step: 0.2 };

export const DEFAULT_SETTINGS: Settings = {
  lang: 'ar',
  latinDigits: false,
  theme: 'light',
  fontSize: 20,
  lineHeight: 1.9,
  hideDiacritics: false,
  matchDiacritics: false,
  matchHamza: false,
  entityTypes: { PERSON: true, LOCATION: true, ORGANIZATION: true, DATE: true },
  showEntityPanel: true,
  readingMode: false,
  librarySort: 'date',
  libraryDescending: true,
  searchSort: 'relevance',
  lastQuery: '',
  openArticleId: null,
};

export const SETTINGS_KEY = 'archive-reader.settings.v1';

const oneOf = <T extends string>(v: unknown, options: readonly T[], fallback: T): T =>
  typeof v === 'string' && (options as readonly string[]).includes(v) ? (v as T) : fallback;
const bool = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);
const num = (v: unknown, lo: number, hi: number, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback;

export function parseSettings(raw: string | null): Settings {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) stored = parsed as Record<string, unknown>;
  } catch {
    stored = {};
  }
  const d = DEFAULT_SETTINGS;
  const types = (stored.entityTypes && typeof stored.entityTypes === 'object' ? stored.entityTypes : {}) as Record<string, unknown>;
  return {
    lang: oneOf(stored.lang, ['ar', 'en'], d.lang),
    latinDigits: bool(stored.latinDigits, d.latinDigits),
    theme: oneOf(stored.theme, ['light', 'dark', 'sepia'], d.theme),
    fontSize: num(stored.fontSize, FONT_SIZES.min, FONT_SIZES.max, d.fontSize),
    lineHeight: num(stored.lineHeight, LINE_HEIGHTS.min, LINE_HEIGHTS.max, d.lineHeight),
    hideDiacritics: bool(stored.hideDiacritics, d.hideDiacritics),
    matchDiacritics: bool(stored.matchDiacritics, d.matchDiacritics),
    matchHamza: bool(stored.matchHamza, d.matchHamza),
    entityTypes: Object.fromEntries(ENTITY_TYPES.map((t) => [t, bool(types[t], d.entityTypes[t])])) as Record<EntityType, boolean>,
    showEntityPanel: bool(stored.showEntityPanel, d.showEntityPanel),
    readingMode: bool(stored.readingMode, d.readingMode),
    librarySort: oneOf(stored.librarySort, ['date', 'title', 'source'], d.librarySort),
    libraryDescending: bool(stored.libraryDescending, d.libraryDescending),
    searchSort: oneOf(stored.searchSort, ['relevance', 'date'], d.searchSort),
    lastQuery: typeof stored.lastQuery === 'string' ? stored.lastQuery.slice(0, 2000) : d.lastQuery,
    openArticleId: typeof stored.openArticleId === 'string' && stored.openArticleId ? stored.openArticleId : null,
  };
}

export function serializeSettings(settings: Settings): string {
  return JSON.stringify(settings);
}
