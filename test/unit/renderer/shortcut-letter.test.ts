import { describe, expect, it } from 'vitest';
import { shortcutLetter } from '../../../renderer/src/lib/shortcut-letter.js';

describe('shortcutLetter', () => {
  it('reads the Latin letter typed, in either case, whatever the key position (Dvorak, AZERTY)', () => {
    expect(shortcutLetter({ key: 'f', code: 'KeyF' })).toBe('f');
    expect(shortcutLetter({ key: 'N', code: 'KeyN' })).toBe('n');
    expect(shortcutLetter({ key: 'p', code: 'KeyR' })).toBe('p');
  });

  it('falls back to the key position when an Arabic layout types an Arabic letter', () => {
    expect(shortcutLetter({ key: 'ب', code: 'KeyF' })).toBe('f');
    expect(shortcutLetter({ key: 'ى', code: 'KeyN' })).toBe('n');
    expect(shortcutLetter({ key: 'ح', code: 'KeyP' })).toBe('p');
  });

  it('is null for keys that are not letters', () => {
    expect(shortcutLetter({ key: 'F3', code: 'F3' })).toBeNull();
    expect(shortcutLetter({ key: '٣', code: 'Digit3' })).toBeNull();
    expect(shortcutLetter({ key: 'Enter', code: 'Enter' })).toBeNull();
  });
});
