import { describe, expect, it } from 'vitest';
import { applySettingScript, parseUiState, SETTINGS_KEY } from '../../../main/renderer-settings.js';
import { parseSettings } from '../../../renderer/src/lib/settings.js';

/** Runs a page script against a fake localStorage and location. */
function runInPage(script: string, stored: string | null) {
  const storage = new Map<string, string>(stored === null ? [] : [[SETTINGS_KEY, stored]]);
  let reloaded = 0;
  const localStorage = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) };
  const location = { reload: () => reloaded++ };
  new Function('localStorage', 'location', script)(localStorage, location);
  return { stored: storage.get(SETTINGS_KEY)!, reloaded };
}

describe('renderer settings bridge', () => {
  it('changes only the theme in the renderer’s saved settings and reloads', () => {
    const before = JSON.stringify({ lang: 'en', theme: 'light', fontSize: 24 });
    const { stored, reloaded } = runInPage(applySettingScript({ theme: 'sepia' }), before);
    expect(reloaded).toBe(1);
    expect(parseSettings(stored)).toMatchObject({ lang: 'en', theme: 'sepia', fontSize: 24 });
  });

  it('sets the language on a first run and over damaged settings', () => {
    expect(parseSettings(runInPage(applySettingScript({ lang: 'en' }), null).stored).lang).toBe('en');
    expect(parseSettings(runInPage(applySettingScript({ lang: 'ar' }), '{broken').stored).lang).toBe('ar');
  });

  it('refuses values the renderer does not know', () => {
    expect(() => applySettingScript({ theme: 'neon' as 'dark' })).toThrow(/not a theme/);
    expect(() => applySettingScript({ lang: "'); alert(1); ('" as 'ar' })).toThrow(/not a lang/);
  });

  it('reads back only known languages and themes', () => {
    expect(parseUiState({ lang: 'en', theme: 'dark' })).toEqual({ language: 'en', theme: 'dark' });
    expect(parseUiState({ lang: 'ar-EG', theme: 'neon' })).toEqual({ language: 'ar' });
    expect(parseUiState({ lang: 'fr' })).toEqual({});
    expect(parseUiState(null)).toEqual({});
  });
});
