import { describe, expect, it } from 'vitest';
import { parseArticleBuffer } from '../../../src/articles/parse-file.js';
import { fixtureBytes, parseOne } from './helpers.js';

describe('txt articles', () => {
  it('reads the seed article: title, agency, city, date; junk line dropped; body paragraphs kept', () => {
    const bytes = fixtureBytes('seed/000_5325abadd3a796aa.txt');
    const a = parseOne(bytes, 'seed/000_5325abadd3a796aa.txt');
    expect(a).toMatchObject({
      id: 'seed/000_5325abadd3a796aa.txt',
      title: 'بوتين وعلييف يلتقيان في سوتشي',
      source: 'وكالة الأناضول للأنباء',
      location: 'موسكو',
      date: '2021-11-26T18:23',
      format: 'txt',
      tags: [],
      bytes: bytes.length,
    });
    expect(a.url).toBeUndefined();
    expect(a.text.startsWith('التقى الرئيس الروسي فلاديمير بوتين، الجمعة،')).toBe(true);
    expect(a.text.endsWith('في مدينة سوتشي الروسية المطلة على البحر الأسود.')).toBe(true);
    expect(a.text).not.toContain('AA AA');
    expect(a.text).not.toContain('نشر في');
    expect(a.text).not.toContain('وكالة الأناضول للأنباء\n');
    expect(a.text.split('\n\n')).toHaveLength(19);
    expect(a.text).not.toMatch(/\n{3,}/);
  });

  it('normalises CRLF to LF and trims', () => {
    const a = parseOne('\r\n  عنوان الخبر  \r\n\r\nوكالة الأنباء\r\nبيروت\r\nنشر في 01.02.2020 10:00\r\n\r\nالفقرة الأولى.\r\n\r\n\r\n\r\nالفقرة الثانية.  \r\n\r\n', 'a.txt');
    expect(a.title).toBe('عنوان الخبر');
    expect(a.source).toBe('وكالة الأنباء');
    expect(a.location).toBe('بيروت');
    expect(a.date).toBe('2020-02-01T10:00');
    expect(a.text).toBe('الفقرة الأولى.\n\nالفقرة الثانية.');
  });

  it('reads the generated-corpus shape: title, blank, agency, date', () => {
    const a = parseOne('عنوان\n\nJawhara FM\nنشر في 26.01.2017 07:31\n\nنص الخبر هنا.\n', 'b.txt');
    expect(a).toMatchObject({ title: 'عنوان', source: 'Jawhara FM', date: '2017-01-26T07:31', text: 'نص الخبر هنا.' });
    expect(a.location).toBeUndefined();
  });

  it('takes a lone short agency line as source', () => {
    const a = parseOne('عنوان الخبر\n\nرويترز\n\nقال مسؤولون اليوم إن المحادثات ستستأنف الأسبوع المقبل في جنيف بمشاركة جميع الأطراف.\n', 'c.txt');
    expect(a.source).toBe('رويترز');
    expect(a.text).toBe('قال مسؤولون اليوم إن المحادثات ستستأنف الأسبوع المقبل في جنيف بمشاركة جميع الأطراف.');
  });

  it('reads labelled header lines and drops an author line', () => {
    const a = parseOne('عنوان الخبر\n\nبقلم: سامي خليل\nالمصدر: رويترز\nالمدينة: عمّان\nالتاريخ: 3 أيار 2018\n\nنص الخبر هنا.\n', 'l.txt');
    expect(a).toMatchObject({ title: 'عنوان الخبر', source: 'رويترز', location: 'عمّان', date: '2018-05-03', text: 'نص الخبر هنا.' });
  });

  it('without a header: first line is the title, the rest is the body', () => {
    const a = parseOne(fixtureBytes('news/no-header.txt'), 'news/no-header.txt');
    expect(a.title).toBe('اجتماع وزاري عربي في عمّان');
    expect(a.source).toBeUndefined();
    expect(a.date).toBeUndefined();
    expect(a.text.startsWith('ناقش وزراء الخارجية العرب')).toBe(true);
    expect(a.text.endsWith('في ماي 2022.')).toBe(true);
  });

  it('does not take a first body paragraph for a header', () => {
    const a = parseOne('العنوان\n\nقال الوزير إن الحكومة ستعلن خطتها.\n\nوأضاف أن الخطة جاهزة.\n', 'd.txt');
    expect(a.source).toBeUndefined();
    expect(a.text).toBe('قال الوزير إن الحكومة ستعلن خطتها.\n\nوأضاف أن الخطة جاهزة.');
  });

  it('a single paragraph keeps all its text as body and takes its first words as title', () => {
    const body = 'هذا نص طويل من فقرة واحدة فقط بدون عنوان منفصل ولا بيانات وصفية يتحدث عن الاقتصاد والسياسة في المنطقة العربية.';
    const a = parseOne(body + '\n', 'e.txt');
    expect(a.text).toBe(body);
    expect(a.title).toBe('هذا نص طويل من فقرة واحدة فقط بدون عنوان منفصل ولا بيانات…');
  });

  it('reports an empty or whitespace-only file', () => {
    expect(parseArticleBuffer(Buffer.alloc(0), 'x/empty.txt')).toEqual({ articles: [], failures: [{ path: 'x/empty.txt', code: 'empty-file' }] });
    expect(parseArticleBuffer(Buffer.from('\n\n  \n'), 'blank.txt').failures).toEqual([{ path: 'blank.txt', code: 'empty-file' }]);
  });

  it('reports a binary file with a .txt name', () => {
    expect(parseArticleBuffer(fixtureBytes('bad/image-saved-as.txt'), 'bad/image-saved-as.txt')).toEqual({
      articles: [],
      failures: [{ path: 'bad/image-saved-as.txt', code: 'undecodable' }],
    });
  });

  it('reads the Windows-1256 and UTF-16 fixtures', () => {
    const cairo = parseOne(fixtureBytes('legacy/cairo-elections-cp1256.txt'), 'legacy/cairo-elections-cp1256.txt');
    expect(cairo).toMatchObject({ title: 'انتخابات برلمانية في مصر بمشاركة واسعة', source: 'الأهرام', location: 'القاهرة', date: '2015-01-05T09:30' });
    expect(cairo.text).toContain('حتى منتصف إبريل 2015');
    expect(cairo.text).not.toContain('\r');
    const beirut = parseOne(fixtureBytes('legacy/beirut-book-fair-utf16le.txt'), 'legacy/beirut-book-fair-utf16le.txt');
    expect(beirut).toMatchObject({ title: 'معرض بيروت الدولي للكتاب يفتح أبوابه', location: 'بيروت', date: '2018-09-12T17:00' });
    expect(beirut.text).toContain('12 أيلول 2018');
  });
});
