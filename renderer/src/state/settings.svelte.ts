// The live, persisted settings: one reactive object; every change is written to localStorage.
import { parseSettings, serializeSettings, SETTINGS_KEY, type Settings } from '../lib/settings.js';
import { translate, type MessageKey } from '../lib/i18n.js';

function readStored(): string | null {
  try {
    return window.localStorage.getItem(SETTINGS_KEY);
  } catch {
    return null;
  }
}

export const settings: Settings = $state(parseSettings(readStored()));

/** Starts writing settings back on every change; call once from the root component. */
export function persistSettings(): void {
  $effect(() => {
    const raw = serializeSettings(settings);
    try {
      window.localStorage.setItem(SETTINGS_KEY, raw);
    } catch {
      // Private mode or full storage: settings then last for this session only.
    }
  });
}

/** Translation in the current UI language (reactive: re-evaluated when the language changes). */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(settings, key, params);
}
