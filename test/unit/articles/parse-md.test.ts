import { describe, expect, it } from 'vitest';
import { parseArticleBuffer } from '../../../src/articles/parse-file.js';
import { fixtureBytes, parseOne } from './helpers.js';

describe('md articles', () => {
  it('reads front matter and shows the markdown as plain text', () => {
    const a = parseOne(fixtureBytes('news/baku-gas-deal.md'), 'news/baku-gas-deal.md');
    expect(a).toMatchObject({
      id: 'news/baku-gas-deal.md',
      title: 'أذربيجان توقع اتفاقا جديدا لتصدير الغاز إلى أوروبا',
      source: 'وكالة الأنباء الأذربيجانية',
      location: 'باكو',
      date: '2019-03-14T10:05',
      url: 'https://example.org/az/gas-deal-2019',
      tags: ['اقتصاد', 'طاقة'],
      format: 'md',
    });
    // The heading repeating the title is not repeated in the body.
    expect(a.text.startsWith('وقعت الحكومة الأذربيجانية يوم الخميس 14 آذار 2019')).toBe(true);
    expect(a.text).toContain('بحسب ما نقلته وكالة الأنباء الرسمية.');
    expect(a.text).toContain('\n\nأبرز بنود الاتفاق\n\n• زيادة الكميات المصدرة تدريجيا حتى عام 2024\n• إنشاء محطة');
    expect(a.text).not.toMatch(/\*\*|\]\(|^#/m);
    expect(a.text).not.toContain('https://example.org/azertac');
  });

  it('uses the first heading as title when there is no front matter (UTF-8 BOM file)', () => {
    const a = parseOne(fixtureBytes('legacy/rabat-rain-utf8-bom.md'), 'legacy/rabat-rain-utf8-bom.md');
    expect(a.title).toBe('أمطار غزيرة في الرباط');
    expect(a.text.startsWith('شهدت العاصمة المغربية الرباط')).toBe(true);
    expect(a.text).not.toContain('\uFEFF');
    expect(a.date).toBeUndefined();
  });

  it('accepts date/city/tag spellings and keeps a heading that differs from the title', () => {
    const md = '---\ntitle: العنوان\ndate: 2021-11-26\ncity: دمشق\ntags: سياسة، اقتصاد\n---\n# عنوان فرعي\n\nنص *مائل* و`رمز` و~~محذوف~~.\n';
    const a = parseOne(md, 'x.md');
    expect(a).toMatchObject({ title: 'العنوان', date: '2021-11-26', location: 'دمشق', tags: ['سياسة', 'اقتصاد'] });
    expect(a.text).toBe('عنوان فرعي\n\nنص مائل ورمز ومحذوف.');
  });

  it('reads a Markdown file with neither front matter nor heading like a txt', () => {
    const a = parseOne('عنوان السطر الأول\n\nنص المقال هنا في فقرة طويلة بما يكفي لتكون متن المقال وليست بيانات وصفية قصيرة.\n', 'y.md');
    expect(a.title).toBe('عنوان السطر الأول');
    expect(a.text.startsWith('نص المقال هنا')).toBe(true);
  });

  it('reports invalid YAML front matter', () => {
    const r = parseArticleBuffer(Buffer.from('---\ntitle: [غير مغلق\n---\nنص\n'), 'bad.md');
    expect(r.articles).toEqual([]);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0].path).toBe('bad.md');
    expect(r.failures[0]).toMatchObject({ code: 'invalid-front-matter', params: { detail: expect.stringMatching(/\S/) } });
  });
});
