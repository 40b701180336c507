// The letter of a one-key shortcut (F, N, P), whatever the keyboard layout: with an Arabic layout the key marked
// F types "ب", so the key's position (event.code) stands in when the character is not a Latin letter.
export function shortcutLetter(event: { key: string; code: string }): string | null {
  if (/^[a-z]$/i.test(event.key)) return event.key.toLowerCase();
  const position = /^Key([A-Z])$/.exec(event.code);
  return position ? position[1].toLowerCase() : null;
}
