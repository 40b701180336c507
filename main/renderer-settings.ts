// The menu's Language and Theme items act on the reader's own preferences, which the renderer keeps in
// localStorage (renderer/src/lib/settings.ts, key below) and reads when it loads. Main reads them back to
// check the right menu items, and changes them by updating that record and reloading the page.
// Only fixed values ever reach the page: the scripts are built from the two enums below, never from input.
import type { UiLanguage, UiTheme } from './app-state.js';

export const SETTINGS_KEY = 'archive-reader.settings.v1';
const LANGUAGES: readonly UiLanguage[] = ['ar', 'en'];
const THEMES: readonly UiTheme[] = ['light', 'dark', 'sepia'];

export interface UiState {
  language?: UiLanguage;
  theme?: UiTheme;
}

/** Script returning what the page shows now: <html lang> and data-theme. */
export const READ_UI_STATE_SCRIPT =
  '({ lang: document.documentElement.lang, theme: document.documentElement.dataset.theme })';

/** Reads the result of READ_UI_STATE_SCRIPT, keeping only known values. */
export function parseUiState(value: unknown): UiState {
  if (!value || typeof value !== 'object') return {};
  const v = value as { lang?: unknown; theme?: unknown };
  const state: UiState = {};
  const lang = typeof v.lang === 'string' ? v.lang.slice(0, 2).toLowerCase() : '';
  if ((LANGUAGES as readonly string[]).includes(lang)) state.language = lang as UiLanguage;
  if (typeof v.theme === 'string' && (THEMES as readonly string[]).includes(v.theme)) state.theme = v.theme as UiTheme;
  return state;
}

/** Script that stores one preference in the renderer's settings record and reloads the page to apply it. */
export function applySettingScript(change: { lang: UiLanguage } | { theme: UiTheme }): string {
  const [key, value] = Object.entries(change)[0] as [string, string];
  const allowed = key === 'lang' ? LANGUAGES : key === 'theme' ? THEMES : [];
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`not a ${key}: ${value}`);
  return `(() => {
  const key = ${JSON.stringify(SETTINGS_KEY)};
  let settings = {};
  try { settings = JSON.parse(localStorage.getItem(key) || '{}') || {}; } catch {}
  settings[${JSON.stringify(key)}] = ${JSON.stringify(value)};
  localStorage.setItem(key, JSON.stringify(settings));
  location.reload();
})()`;
}
