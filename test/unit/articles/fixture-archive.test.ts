// The fixture archive parsed end to end, as the engine does: scan, then parse every file.
// test/fixtures/archive/README lists what each file exercises; keep the two in step.
import { describe, expect, it } from 'vitest';
import type { Article, FailedFile } from '../../../src/api.js';
import { parseArticleFile } from '../../../src/articles/parse-file.js';
import { scanArchive } from '../../../src/articles/scan-archive.js';
import { FIXTURES } from './helpers.js';

async function parseAll(): Promise<{ articles: Article[]; failures: FailedFile[]; scanned: string[] }> {
  const scan = await scanArchive(FIXTURES);
  const articles: Article[] = [];
  const failures: FailedFile[] = [...scan.failures];
  for (const f of scan.files) {
    const r = await parseArticleFile(f.absPath, f.relPath);
    articles.push(...r.articles);
    failures.push(...r.failures);
  }
  return { articles, failures, scanned: scan.files.map((f) => f.relPath) };
}

describe('fixture archive', () => {
  it('scans every article file and nothing hidden or unknown', async () => {
    const { scanned } = await parseAll();
    expect(scanned).toEqual([
      'bad/broken.json',
      'bad/empty.txt',
      'bad/image-saved-as.txt',
      'feeds/wire.jsonl',
      'legacy/beirut-book-fair-utf16le.txt',
      'legacy/cairo-elections-cp1256.txt',
      'legacy/rabat-rain-utf8-bom.md',
      'news/2017/tunis-festival.json',
      'news/2020/moscow-summit.html',
      'news/baku-gas-deal.md',
      'news/no-header.txt',
      'seed/000_5325abadd3a796aa.txt',
    ]);
  });

  it('gives the 10 documented articles with their metadata', async () => {
    const { articles } = await parseAll();
    const meta = articles.map(({ id, title, source, location, date, format }) => ({ id, title, source, location, date, format }));
    expect(meta).toEqual([
      { id: 'feeds/wire.jsonl#1', title: 'ارتفاع صادرات الزيتون التونسية', source: 'وكالة تونس إفريقيا للأنباء', location: undefined, date: '2016-08-03', format: 'jsonl' },
      { id: 'feeds/wire.jsonl#3', title: 'مؤتمر عن اللغة العربية في القاهرة', source: 'الأهرام', location: 'القاهرة', date: '2018-08-05', format: 'jsonl' },
      { id: 'legacy/beirut-book-fair-utf16le.txt', title: 'معرض بيروت الدولي للكتاب يفتح أبوابه', source: 'الوكالة الوطنية للإعلام', location: 'بيروت', date: '2018-09-12T17:00', format: 'txt' },
      { id: 'legacy/cairo-elections-cp1256.txt', title: 'انتخابات برلمانية في مصر بمشاركة واسعة', source: 'الأهرام', location: 'القاهرة', date: '2015-01-05T09:30', format: 'txt' },
      { id: 'legacy/rabat-rain-utf8-bom.md', title: 'أمطار غزيرة في الرباط', source: undefined, location: undefined, date: undefined, format: 'md' },
      { id: 'news/2017/tunis-festival.json', title: 'افتتاح مهرجان قرطاج الدولي في دورته الثالثة والخمسين', source: 'Jawhara FM', location: 'تونس', date: '2017-07-13', format: 'json' },
      { id: 'news/2020/moscow-summit.html', title: 'قمة ثلاثية في موسكو حول قره باغ', source: 'Reuters', location: undefined, date: '2020-11-10T21:40', format: 'html' },
      { id: 'news/baku-gas-deal.md', title: 'أذربيجان توقع اتفاقا جديدا لتصدير الغاز إلى أوروبا', source: 'وكالة الأنباء الأذربيجانية', location: 'باكو', date: '2019-03-14T10:05', format: 'md' },
      { id: 'news/no-header.txt', title: 'اجتماع وزاري عربي في عمّان', source: undefined, location: undefined, date: undefined, format: 'txt' },
      { id: 'seed/000_5325abadd3a796aa.txt', title: 'بوتين وعلييف يلتقيان في سوتشي', source: 'وكالة الأناضول للأنباء', location: 'موسكو', date: '2021-11-26T18:23', format: 'txt' },
    ]);
  });

  it('reports exactly the documented failures', async () => {
    const { failures } = await parseAll();
    expect(failures).toEqual([
      { path: 'bad/broken.json', code: 'invalid-json', params: { detail: expect.any(String), position: 72 } },
      { path: 'bad/empty.txt', code: 'empty-file' },
      { path: 'bad/image-saved-as.txt', code: 'undecodable' },
      { path: 'feeds/wire.jsonl#2', code: 'invalid-json', params: { detail: expect.any(String), position: 50 } },
    ]);
  });

  it('contains the words the search tests rely on, and no hidden, script or mojibake text', async () => {
    const { articles } = await parseAll();
    const all = articles.map((a) => `${a.title}\n${a.text}`).join('\n');
    for (const word of ['بوتين', 'وبوتين', 'لبوتين', 'أذربيجان', 'الأذربيجانية', 'اذربيجان', 'الْعِلْمُ', 'Reuters', 'تشرين الثاني', 'أيلول', 'آذار', 'جويلية', 'أوت', 'جانفي']) {
      expect(all, word).toMatch(new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'u'));
    }
    for (const marker of ['HIDDEN_MARKER', 'SCRIPT_MARKER', 'NAV_MARKER', 'ASIDE_MARKER', 'FOOTER_MARKER', 'STYLE_MARKER', '\uFFFD', 'Ø', 'Ù']) {
      expect(all).not.toContain(marker);
    }
    expect(new Set(articles.map((a) => a.date?.slice(0, 4)).filter(Boolean))).toEqual(new Set(['2015', '2016', '2017', '2018', '2019', '2020', '2021']));
  });
});
