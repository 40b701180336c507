import { describe, expect, it } from 'vitest';
import { linkHref, readableUrl, shortenMiddle } from '../../../renderer/src/lib/external-link.js';

describe('linkHref: only web and mail addresses are ever links', () => {
  it('keeps http, https and mailto', () => {
    expect(linkHref('https://www.aa.com.tr/ar/أذربيجان')).toBe('https://www.aa.com.tr/ar/%D8%A3%D8%B0%D8%B1%D8%A8%D9%8A%D8%AC%D8%A7%D9%86');
    expect(linkHref('http://example.com/a?b=1')).toBe('http://example.com/a?b=1');
    expect(linkHref('mailto:desk@example.com')).toBe('mailto:desk@example.com');
  });

  it('refuses javascript:, data:, file:, relative and broken addresses', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', '/relative/path', 'http://', 'not a url', 'vbscript:x']) {
      expect(linkHref(url), url).toBeNull();
    }
  });
});

describe('readableUrl', () => {
  it('decodes percent-encoded Arabic', () => {
    expect(readableUrl('https://www.aa.com.tr/ar/%D8%A3%D8%B0%D8%B1%D8%A8%D9%8A%D8%AC%D8%A7%D9%86/123')).toBe('https://www.aa.com.tr/ar/أذربيجان/123');
  });

  it('never throws on bad escapes: decodes the valid runs and keeps the broken ones as typed', () => {
    expect(() => readableUrl('https://x.com/%E0%A4%A')).not.toThrow();
    expect(readableUrl('https://x.com/%D8%A3%ZZ/%C3')).toBe('https://x.com/أ%ZZ/%C3');
    expect(readableUrl('https://x.com/100%')).toBe('https://x.com/100%');
  });

  it('keeps reserved characters encoded (the address stays the same address)', () => {
    expect(readableUrl('https://x.com/a%2Fb?q=%26')).toBe('https://x.com/a%2Fb?q=%26');
  });

  it('shows bidi controls and invisible characters escaped instead of obeying them', () => {
    expect(readableUrl('https://x.com/%E2%80%AEfdp.exe')).toBe('https://x.com/%E2%80%AEfdp.exe');
    expect(readableUrl('https://x.com/a%E2%80%8Bb')).toBe('https://x.com/a%E2%80%8Bb');
  });
});

describe('shortenMiddle', () => {
  it('leaves short text alone and cuts long text in the middle', () => {
    expect(shortenMiddle('https://x.com/a', 40)).toBe('https://x.com/a');
    const long = 'https://www.aa.com.tr/ar/العالم/بوتين-وعلييف-يلتقيان-في-سوتشي/2423456';
    const short = shortenMiddle(long, 40);
    expect([...short]).toHaveLength(40);
    expect(short.startsWith('https://www.aa.com.tr/')).toBe(true);
    expect(short.endsWith('2423456')).toBe(true);
    expect(short).toContain('…');
  });

  it('never splits a character made of two code units', () => {
    const text = '😀'.repeat(30);
    expect(shortenMiddle(text, 11)).toBe('😀'.repeat(6) + '…' + '😀'.repeat(4));
  });
});
