// What happens when the page tries to go somewhere: stay inside the app, hand a web/mail link to the
// system browser, or refuse. Used for will-navigate, window.open and archiveShell.openExternal.
import { APP_HOST, APP_SCHEME } from './protocol-path.js';

export type NavigationDecision = 'allow' | 'external' | 'deny';

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const MAX_URL_LENGTH = 8192;

export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** A link the system browser/mail client may open: http(s) with a host, or mailto, and nothing else. */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return false;
  const parsed = parse(url);
  if (parsed === null || !EXTERNAL_PROTOCOLS.has(parsed.protocol)) return false;
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0;
  return parsed.hostname.length > 0 && parsed.username === '' && parsed.password === '';
}

/** The page itself navigating (will-navigate, will-frame-navigate). */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  return isSafeExternalUrl(url) ? 'external' : 'deny';
}

/** window.open / target=_blank: never a new app window; safe links go to the system browser. */
export function decideWindowOpen(url: string): Exclude<NavigationDecision, 'allow'> {
  return isSafeExternalUrl(url) ? 'external' : 'deny';
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
