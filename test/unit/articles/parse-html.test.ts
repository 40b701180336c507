import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseArticleBuffer } from '../../../src/articles/parse-file.js';
import { fixtureBytes, parseOne } from './helpers.js';

const PARAGRAPH = 'وقال المتحدث باسم الحكومة في مؤتمر صحفي إن المفاوضات ستتواصل خلال الأيام المقبلة بمشاركة جميع الأطراف المعنية بالملف.';

describe('html articles', () => {
  it('extracts the article and its metadata from a saved page, without navigation, aside, footer or scripts', () => {
    const g = globalThis as Record<string, unknown>;
    const a = parseOne(fixtureBytes('news/2020/moscow-summit.html'), 'news/2020/moscow-summit.html');
    expect(a).toMatchObject({
      title: 'قمة ثلاثية في موسكو حول قره باغ',
      source: 'Reuters',
      date: '2020-11-10T21:40',
      url: 'https://example.org/reuters/moscow-summit-2020',
      tags: ['سياسة', 'القوقاز'],
      format: 'html',
    });
    expect(a.text.startsWith('موسكو (Reuters) - استضاف الرئيس الروسي فلاديمير بوتين')).toBe(true);
    expect(a.text.split('\n\n')).toHaveLength(4);
    expect(a.text).toContain('وأعلن علييف وبوتين في بيان مشترك');
    expect(a.text.endsWith('ويذكر أن المواجهات بدأت في 27 أيلول 2020 واستمرت أكثر من ستة أسابيع.')).toBe(true);
    for (const marker of ['NAV_MARKER', 'ASIDE_MARKER', 'FOOTER_MARKER', 'SCRIPT_MARKER', 'STYLE_MARKER', 'SCRIPT_RAN', 'الأكثر قراءة', 'جميع الحقوق']) {
      expect(a.text).not.toContain(marker);
    }
    expect(g.SCRIPT_MARKER).toBeUndefined();
    expect(a.title).not.toContain('SCRIPT_RAN');
  });

  it('falls back to <article> for a short page and uses h1 / <title> / time[datetime]', () => {
    const html = `<html><head><title>خبر قصير - موقع الأخبار</title></head><body><nav>القائمة</nav>
      <article><h1>خبر قصير</h1><time datetime="2019-05-03">3 مايو</time><p>سطر واحد.</p></article><footer>تذييل</footer></body></html>`;
    const a = parseOne(html, 'short.htm');
    expect(a).toMatchObject({ title: 'خبر قصير', source: 'موقع الأخبار', date: '2019-05-03', text: 'سطر واحد.', format: 'html' });
  });

  it('reads a page saved in Windows-1256 as its meta charset says', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>عنوان</title>
      <meta name="author" content="صحيفة الحياة"></head><body><article><h1>عنوان</h1><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></body></html>`;
    const a = parseOne(iconv.encode(html, 'windows-1256'), 'legacy.html');
    expect(a.title).toBe('عنوان');
    expect(a.source).toBe('صحيفة الحياة');
    expect(a.text).toBe(`${PARAGRAPH}\n\n${PARAGRAPH}`);
  });

  it('reads metadata from JSON-LD (headline, datePublished, publisher)', () => {
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'عنوان من JSON-LD', datePublished: '2022-03-04T05:06:00Z', publisher: { '@type': 'Organization', name: 'الجزيرة' } };
    const html = `<html><head><title>x</title><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><div><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div></body></html>`;
    const a = parseOne(html, 'ld.html');
    expect(a).toMatchObject({ title: 'عنوان من JSON-LD', source: 'الجزيرة', date: '2022-03-04T05:06', text: `${PARAGRAPH}\n\n${PARAGRAPH}` });
  });

  it('takes the date from a "published on" line when the page has no date metadata, and drops that line', () => {
    const html = `<html><body><article><h1>عنوان</h1><p>نشر في 26.11.2021 18:23</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></body></html>`;
    const a = parseOne(html, 'dated.html');
    expect(a.date).toBe('2021-11-26T18:23');
    expect(a.text).toBe(`${PARAGRAPH}\n\n${PARAGRAPH}`);
  });

  it('keeps <br> as a line break inside a paragraph', () => {
    const a = parseOne(`<html><body><article><h1>ع</h1><p>سطر أول<br>سطر ثان</p><p>${PARAGRAPH}</p></article></body></html>`, 'br.html');
    expect(a.text.split('\n\n')[0]).toBe('سطر أول\nسطر ثان');
  });

  it('reads a saved fragment without <html>/<body>', () => {
    const a = parseOne(`<title>عنوان الصفحة</title><h1>عنوان الصفحة</h1><p>${PARAGRAPH}</p>`, 'fragment.html');
    expect(a.title).toBe('عنوان الصفحة');
    expect(a.text).toBe(PARAGRAPH);
  });

  it('reports a page without any text', () => {
    expect(parseArticleBuffer(Buffer.from('<html><head><script>var x = 1;</script></head><body></body></html>'), 'blank.html')).toEqual({
      articles: [],
      failures: [{ path: 'blank.html', code: 'no-html-text' }],
    });
  });
});
