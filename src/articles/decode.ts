// Turns the bytes of a saved article into text, or says why it cannot: no mojibake reaches the index.
// Strategy: BOM (UTF-8, UTF-16 LE/BE) → valid UTF-8 → a declared charset (HTML) → detection (chardet), where
// Arabic letters in 0xC1–0xFE that are not valid UTF-8 are read as Windows-1256. The result is then checked:
// a high share of replacement characters, NUL bytes or other control characters means "binary or undecodable file"
// (a few are repaired: controls removed, undecodable bytes shown as U+FFFD, and counted in `repaired`); text garbled
// before it was saved ("Ø§Ù„", "ط§ظ„") is repaired when its bytes allow, and rejected otherwise.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { FailureReason } from './failure-reason.js';
import { checkMojibake } from './mojibake.js';
import { controlCharCount, EMPTY, removeStrayControls, replacementCharCount, tooManyControlChars } from './text-checks.js';

export type Decoded =
  | {
      ok: true;
      text: string;
      encoding: string;
      /** Set when the text was repaired: stray control characters removed, undecodable bytes shown as U+FFFD. */
      repaired?: { controls: number; undecodable: number };
    }
  | { ok: false; reason: FailureReason };

export const UNDECODABLE: FailureReason = { code: 'undecodable' };
export { EMPTY };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeText(buf: Uint8Array, declaredCharset?: string): Decoded {
  if (buf.length === 0) return { ok: false, reason: EMPTY };
  const decoded = decodeBytes(buf, declaredCharset);
  if (decoded === null) return { ok: false, reason: UNDECODABLE };
  const mojibake = checkMojibake(decoded.text);
  if (mojibake.garbled) {
    if (mojibake.repaired === undefined) return { ok: false, reason: UNDECODABLE };
    decoded.text = mojibake.repaired;
    decoded.encoding += ' (repaired mojibake)';
  }
  const controls = controlCharCount(decoded.text);
  const undecodable = replacementCharCount(decoded.text);
  if (tooManyControlChars(controls + undecodable, decoded.text.length)) return { ok: false, reason: UNDECODABLE };
  const text = controls ? removeStrayControls(decoded.text).text : decoded.text;
  if (text.trim() === '') return { ok: false, reason: EMPTY };
  if (!controls && !undecodable) return { ok: true, ...decoded };
  return { ok: true, text, encoding: decoded.encoding, repaired: { controls, undecodable } };
}

function decodeBytes(buf: Uint8Array, declaredCharset?: string): { text: string; encoding: string } | null {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return tryUtf8(buf.subarray(3));
  if (buf[0] === 0xff && buf[1] === 0xfe) return utf16(buf.subarray(2), 'utf-16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return utf16(buf.subarray(2), 'utf-16be');
  const asUtf8 = tryUtf8(buf) ?? mostlyUtf8(buf);
  if (asUtf8) return asUtf8;
  const declared = declaredCharset && normaliseCharset(declaredCharset);
  if (declared && declared !== 'utf-8' && iconv.encodingExists(declared)) {
    return { text: iconv.decode(Buffer.from(buf), declared), encoding: declared };
  }
  const encoding = detectLegacyEncoding(buf);
  if (!encoding) return null;
  return { text: iconv.decode(Buffer.from(buf), encoding), encoding };
}

function tryUtf8(buf: Uint8Array): { text: string; encoding: string } | null {
  try {
    return { text: utf8.decode(buf), encoding: 'utf-8' };
  } catch {
    return null;
  }
}

/**
 * UTF-8 with a few damaged bytes (a flipped bit, a cut multi-byte character): read with U+FFFD for them when nearly
 * all of its non-ASCII characters decode. Windows-1256 bytes rarely form valid UTF-8 sequences, so legacy files fail.
 */
function mostlyUtf8(buf: Uint8Array): { text: string; encoding: string } | null {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf);
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) nonAscii++;
  const undecodable = replacementCharCount(text);
  return nonAscii >= 20 * undecodable ? { text, encoding: 'utf-8' } : null;
}

function utf16(buf: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): { text: string; encoding: string } | null {
  if (buf.length % 2 !== 0) return null;
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(buf), encoding };
  } catch {
    return null;
  }
}

function normaliseCharset(name: string): string {
  const n = name.trim().toLowerCase();
  if (n === 'utf8') return 'utf-8';
  if (n === 'cp1256' || n === 'arabic' || n === 'x-cp1256') return 'windows-1256';
  return n;
}

/**
 * Share of the high bytes that are Arabic letters in Windows-1256 (0xC1–0xDF except 0xD7, and lam, meem, noon,
 * heh, waw, alef maqsura, yeh at 0xE1, 0xE3–0xE6, 0xEC, 0xED). Latin-1 prose uses other bytes (é 0xE9, à 0xE0…).
 */
function arabicLetterShare(buf: Uint8Array): number {
  let high = 0;
  let arabic = 0;
  for (const b of buf) {
    if (b < 0x80) continue;
    high++;
    if ((b >= 0xc1 && b <= 0xdf && b !== 0xd7) || b === 0xe1 || (b >= 0xe3 && b <= 0xe6) || b === 0xec || b === 0xed) arabic++;
  }
  return high === 0 ? 0 : arabic / high;
}

const MIN_ARABIC_SHARE = 0.7;
const MIN_CONFIDENCE = 50;

function detectLegacyEncoding(buf: Uint8Array): string | null {
  const sample = buf.length > 65536 ? buf.subarray(0, 65536) : buf;
  const best = chardet.analyse(sample)[0];
  if (best && /^(windows-1256|iso-8859-6)$/i.test(best.name)) return 'windows-1256';
  if (arabicLetterShare(sample) >= MIN_ARABIC_SHARE) return 'windows-1256';
  if (best && best.confidence >= MIN_CONFIDENCE && iconv.encodingExists(best.name) && !/^utf-(16|32)/i.test(best.name)) {
    return best.name.toLowerCase();
  }
  return null;
}
