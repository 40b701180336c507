import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/articles/decode.js';

const ARABIC = 'التقى الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في سوتشي.\nوقال إن البلدين يطوران علاقاتهما.';

function decoded(buf: Uint8Array, charset?: string): string {
  const r = decodeText(buf, charset);
  if (!r.ok) throw new Error(`expected text, got failure: ${r.reason.code}`);
  return r.text;
}

describe('decodeText', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decoded(Buffer.from(ARABIC, 'utf8'))).toBe(ARABIC);
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    const r = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARABIC, 'utf8')]));
    expect(r).toEqual({ ok: true, text: ARABIC, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE with BOM', () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARABIC, 'utf16le')]);
    expect(decodeText(buf)).toEqual({ ok: true, text: ARABIC, encoding: 'utf-16le' });
  });

  it('reads UTF-16 BE with BOM', () => {
    const le = Buffer.from(ARABIC, 'utf16le');
    const be = Buffer.from(le).swap16();
    const r = decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    expect(r).toEqual({ ok: true, text: ARABIC, encoding: 'utf-16be' });
  });

  it('detects and reads Windows-1256 Arabic', () => {
    const bytes = iconv.encode(ARABIC, 'windows-1256');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    expect(decodeText(bytes)).toEqual({ ok: true, text: ARABIC, encoding: 'windows-1256' });
  });

  it('reads a short Windows-1256 title line too', () => {
    const text = 'بوتين في سوتشي';
    expect(decoded(iconv.encode(text, 'windows-1256'))).toBe(text);
  });

  it('reads legacy Latin-1 French as French, not as Arabic', () => {
    const fr = "Le président a rencontré à Tunis les représentants des syndicats. Après la réunion, il a déclaré que la réforme était nécessaire.";
    const r = decodeText(iconv.encode(fr, 'latin1'));
    expect(r.ok && r.text).toBe(fr);
  });

  it('uses a declared charset (HTML meta) for non-UTF-8 bytes', () => {
    const bytes = iconv.encode(ARABIC, 'windows-1256');
    expect(decoded(bytes, 'windows-1256')).toBe(ARABIC);
  });

  it('prefers valid UTF-8 over a wrong declared charset', () => {
    expect(decoded(Buffer.from(ARABIC, 'utf8'), 'windows-1256')).toBe(ARABIC);
  });

  it('rejects binary data (NUL bytes)', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(decodeText(png)).toEqual({ ok: false, reason: { code: 'undecodable' } });
  });

  it('rejects binary data without NUL bytes (control characters)', () => {
    const noise = Buffer.alloc(400);
    for (let i = 0; i < noise.length; i++) noise[i] = 1 + ((i * 37) % 31);
    expect(decodeText(noise)).toEqual({ ok: false, reason: { code: 'undecodable' } });
  });

  it('reads scraped Arabic with a few stray control characters, removing them and counting the repair', () => {
    // 4 KB of good Arabic with 26 U+001A after its date line, as a Saudi newspaper's article came.
    const body = Array.from({ length: 40 }, () => ARABIC).join('\n');
    const text = `الرياض 12 مارس 2021${'\u001a'.repeat(26)}\n${body}`;
    const r = decodeText(Buffer.from(text, 'utf8'));
    expect(r).toEqual({ ok: true, text: `الرياض 12 مارس 2021\n${body}`, encoding: 'utf-8', repaired: { controls: 26, undecodable: 0 } });
  });

  it('reads text padded with NUL bytes, and a control character between two words becomes a space', () => {
    const r = decodeText(Buffer.concat([Buffer.from(`${ARABIC}\u0001${ARABIC}`, 'utf8'), Buffer.alloc(8)]));
    expect(r).toMatchObject({ ok: true, text: `${ARABIC} ${ARABIC}`, repaired: { controls: 9 } });
  });

  it('reads UTF-8 with one damaged byte, showing it as a replacement character', () => {
    const bytes = Buffer.from(ARABIC.repeat(5), 'utf8');
    bytes[40] = 0xff; // the lead byte of a letter: it and the continuation byte it leaves alone are undecodable
    const r = decodeText(bytes);
    expect(r).toMatchObject({ ok: true, encoding: 'utf-8', repaired: { controls: 0, undecodable: 2 } });
    expect((r as { text: string }).text).toContain('\uFFFD');
  });

  it('rejects UTF-16 with a broken surrogate instead of showing replacement characters', () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x3d, 0xd8, 0x41, 0x00])]); // lone high surrogate
    expect(decodeText(buf)).toEqual({ ok: false, reason: { code: 'undecodable' } });
  });

  it('rejects text that already contains replacement characters (mojibake)', () => {
    expect(decodeText(Buffer.from('بوتين \uFFFD\uFFFD في سوتشي', 'utf8'))).toEqual({ ok: false, reason: { code: 'undecodable' } });
  });

  it('repairs Arabic that was garbled before saving (UTF-8 read as Windows-1252 or Windows-1256)', () => {
    const utf8Bytes = Buffer.from(ARABIC, 'utf8');
    for (const codepage of ['windows-1252', 'windows-1256']) {
      const garbled = new TextDecoder(codepage).decode(utf8Bytes); // as a browser shows the page
      expect(garbled).not.toBe(ARABIC);
      const r = decodeText(Buffer.from(garbled, 'utf8'));
      expect(r, codepage).toEqual({ ok: true, text: ARABIC, encoding: 'utf-8 (repaired mojibake)' });
    }
  });

  it('rejects garbled text that cannot be repaired', () => {
    const garbled = new TextDecoder('windows-1252').decode(Buffer.from(ARABIC, 'utf8')).replace('§', 'A'); // one byte lost
    expect(decodeText(Buffer.from(garbled, 'utf8'))).toEqual({ ok: false, reason: { code: 'undecodable' } });
  });

  it('leaves ordinary Arabic with ط and ظ alone', () => {
    const text = 'ظل الخط، الطويل ظاهرا… وطالب الظالم بالحق؛ طوال الوقت.';
    expect(decoded(Buffer.from(text, 'utf8'))).toBe(text);
  });

  it('rejects empty and whitespace-only files', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ ok: false, reason: { code: 'empty-file' } });
    expect(decodeText(Buffer.from(' \r\n\t\n'))).toEqual({ ok: false, reason: { code: 'empty-file' } });
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf]))).toEqual({ ok: false, reason: { code: 'empty-file' } });
  });
});
