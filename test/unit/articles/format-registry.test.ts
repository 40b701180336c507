import { describe, expect, it } from 'vitest';
import { ARTICLE_FORMATS, type ArticleFormat } from '../../../src/api.js';
import { ARTICLE_EXTENSIONS, articleFormatOf } from '../../../src/articles/formats.js';
import { parseArticleBuffer } from '../../../src/articles/parse-file.js';

describe('article format registry', () => {
  it('reads every extension of every format as that format, case-insensitively', () => {
    for (const [format, { extensions }] of Object.entries(ARTICLE_FORMATS)) {
      for (const ext of extensions) {
        expect(articleFormatOf(`a.${ext}`)).toBe(format);
        expect(articleFormatOf(`a.${ext.toUpperCase()}`)).toBe(format);
      }
    }
    expect([...ARTICLE_EXTENSIONS].sort()).toEqual(['htm', 'html', 'json', 'jsonl', 'markdown', 'md', 'txt']);
  });

  it('ignores other files, names without an extension and names of object properties', () => {
    for (const name of ['a.pdf', 'txt', '.txt', 'a.', 'a.constructor', 'a.toString', 'a.__proto__']) expect(articleFormatOf(name)).toBeUndefined();
  });

  it('parses each format with its own parser', () => {
    const samples: Record<ArticleFormat, string> = {
      txt: 'عنوان\n\nنص المقال',
      md: '# عنوان\n\nنص المقال',
      html: '<html><head><title>عنوان</title></head><body><p>نص المقال</p></body></html>',
      json: JSON.stringify({ title: 'عنوان', text: 'نص المقال' }),
      jsonl: JSON.stringify({ title: 'عنوان', text: 'نص المقال' }),
    };
    for (const format of Object.keys(ARTICLE_FORMATS) as ArticleFormat[]) {
      for (const ext of ARTICLE_FORMATS[format].extensions) {
        const result = parseArticleBuffer(new TextEncoder().encode(samples[format]), `a.${ext}`);
        expect(result.failures).toEqual([]);
        expect(result.articles.map((a) => [a.format, a.title, a.text])).toEqual([[format, 'عنوان', 'نص المقال']]);
      }
    }
  });
});
