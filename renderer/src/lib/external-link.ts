// An article's original address, made readable and safe: only web and mail links are links; the address is
// shown decoded (Arabic, not %D8%A7…), never with characters that would reorder or hide parts of it, and
// shortened in the middle so the host and the end of the path stay visible.

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The URL to open, when it is an http(s) address with a host or a mailto; null for anything else (javascript:, data:, file:…). */
export function linkHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (!LINK_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') return null;
  return parsed.href;
}

/** Control and format characters (bidi controls, invisible separators…) and line breaks: shown escaped, never obeyed. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** The address as a person reads it: percent-escapes decoded where they are valid UTF-8, left as typed where not. */
export function readableUrl(url: string): string {
  let decoded: string;
  try {
    decoded = decodeURI(url);
  } catch {
    // A bad escape somewhere: decode each run of escapes on its own, keeping the runs that are not UTF-8.
    decoded = url.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURI(run);
      } catch {
        return run;
      }
    });
  }
  return decoded.replace(HIDDEN, (c) => encodeURIComponent(c));
}

/** At most `max` characters: the start and the end kept, an ellipsis between (never splitting a character). */
export function shortenMiddle(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const keep = Math.max(2, max - 1);
  const head = Math.ceil(keep * 0.6);
  return chars.slice(0, head).join('') + '…' + chars.slice(chars.length - (keep - head)).join('');
}
