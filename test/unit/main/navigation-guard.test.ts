import { describe, expect, it } from 'vitest';
import { decideNavigation, decideWindowOpen, isSafeExternalUrl } from '../../../main/navigation-guard.js';

describe('decideNavigation', () => {
  it.each(['app://archive/index.html', 'app://archive/index.html#/article/a.txt', 'app://archive/'])('stays in the app for %s', (url) => {
    expect(decideNavigation(url)).toBe('allow');
  });

  it.each(['https://www.reuters.com/world/', 'http://example.com/a?b=1', 'mailto:desk@example.com'])('hands %s to the system', (url) => {
    expect(decideNavigation(url)).toBe('external');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'app://other/index.html',
    'chrome://settings',
    'smb://server/share',
    'ms-msdt:/id',
    'https://user:pass@example.com/',
    'http://',
    'not a url',
    '',
  ])('denies %s', (url) => {
    expect(decideNavigation(url)).toBe('deny');
  });
});

describe('decideWindowOpen', () => {
  it('never opens an app window; web links go to the browser', () => {
    expect(decideWindowOpen('app://archive/index.html')).toBe('deny');
    expect(decideWindowOpen('https://aljazeera.net/news')).toBe('external');
    expect(decideWindowOpen('javascript:void(0)')).toBe('deny');
    expect(decideWindowOpen('file:///home/u/.ssh/id_rsa')).toBe('deny');
  });
});

describe('isSafeExternalUrl', () => {
  it('refuses non-strings and absurdly long URLs', () => {
    expect(isSafeExternalUrl(42 as unknown as string)).toBe(false);
    expect(isSafeExternalUrl('https://example.com/' + 'a'.repeat(10_000))).toBe(false);
  });
});
