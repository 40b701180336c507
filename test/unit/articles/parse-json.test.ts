import { describe, expect, it } from 'vitest';
import { parseArticleBuffer } from '../../../src/articles/parse-file.js';
import { fixtureBytes, parseOne } from './helpers.js';

describe('json articles', () => {
  it('reads one article object', () => {
    const bytes = fixtureBytes('news/2017/tunis-festival.json');
    const a = parseOne(bytes, 'news/2017/tunis-festival.json');
    expect(a).toMatchObject({
      id: 'news/2017/tunis-festival.json',
      title: 'افتتاح مهرجان قرطاج الدولي في دورته الثالثة والخمسين',
      source: 'Jawhara FM',
      location: 'تونس',
      date: '2017-07-13',
      url: 'https://example.org/jawhara/carthage-2017',
      tags: ['ثقافة', 'مهرجانات'],
      format: 'json',
      bytes: bytes.length,
    });
    expect(a.text.split('\n\n')).toHaveLength(3);
  });

  it('accepts text/content, date/publishedAt, epoch dates, {name} sources and HTML bodies', () => {
    const a = parseOne(JSON.stringify({ title: 'ع', content: '<p>فقرة أولى</p><p>فقرة <b>ثانية</b></p>', publishedAt: 1637950980, source: { name: 'بي بي سي' } }), 'a.json');
    expect(a).toMatchObject({ text: 'فقرة أولى\n\nفقرة ثانية', date: '2021-11-26T18:23', source: 'بي بي سي' });
  });

  it('accepts a body given as a list of paragraphs', () => {
    expect(parseOne(JSON.stringify({ title: 'ع', paragraphs: 'x', body: ['فقرة أولى', 'فقرة ثانية'] }), 'p.json').text).toBe('فقرة أولى\n\nفقرة ثانية');
  });

  it('makes a title from the body when there is none', () => {
    expect(parseOne(JSON.stringify({ body: 'نص قصير بلا عنوان' }), 'b.json').title).toBe('نص قصير بلا عنوان');
  });

  it('reads an array of article objects as articles path#n', () => {
    const r = parseArticleBuffer(Buffer.from(JSON.stringify([{ title: 'أ', text: 'نص أ' }, 42, { title: 'ج', text: 'نص ج' }])), 'many.json');
    expect(r.articles.map((a) => [a.id, a.title])).toEqual([['many.json#1', 'أ'], ['many.json#3', 'ج']]);
    expect(r.failures).toEqual([{ path: 'many.json#2', code: 'not-an-article-object', params: { found: 'number' } }]);
  });

  it('reports broken JSON with the reason', () => {
    const r = parseArticleBuffer(fixtureBytes('bad/broken.json'), 'bad/broken.json');
    expect(r.articles).toEqual([]);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0].path).toBe('bad/broken.json');
    expect(r.failures[0]).toMatchObject({ code: 'invalid-json', params: { detail: expect.stringMatching(/\S/) } });
  });

  it('reports an object without article text', () => {
    expect(parseArticleBuffer(Buffer.from('{"source": "x", "url": "https://e.org"}'), 'n.json').failures).toEqual([
      { path: 'n.json', code: 'no-article-text' },
    ]);
  });
});

describe('jsonl articles', () => {
  it('reads each line as its own article and reports the broken line alone', () => {
    const r = parseArticleBuffer(fixtureBytes('feeds/wire.jsonl'), 'feeds/wire.jsonl');
    expect(r.articles.map((a) => a.id)).toEqual(['feeds/wire.jsonl#1', 'feeds/wire.jsonl#3']);
    expect(r.articles[0]).toMatchObject({ title: 'ارتفاع صادرات الزيتون التونسية', date: '2016-08-03', format: 'jsonl', tags: ['اقتصاد'] });
    expect(r.articles[1]).toMatchObject({ title: 'مؤتمر عن اللغة العربية في القاهرة', source: 'الأهرام', location: 'القاهرة', date: '2018-08-05' });
    expect(r.articles[1].text).toContain('الْعِلْمُ نُورٌ');
    const line3 = fixtureBytes('feeds/wire.jsonl').toString('utf8').split('\n')[2];
    expect(r.articles[1].bytes).toBe(Buffer.byteLength(line3));
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0].path).toBe('feeds/wire.jsonl#2');
    expect(r.failures[0]).toMatchObject({ code: 'invalid-json', params: { detail: expect.stringMatching(/\S/) } });
  });

  it('numbers lines 1-based counting blank lines, with CRLF line ends', () => {
    const r = parseArticleBuffer(Buffer.from('{"title":"أ","text":"نص"}\r\n\r\n{"title":"ب","text":"نص"}\r\n'), 'x.jsonl');
    expect(r.articles.map((a) => a.id)).toEqual(['x.jsonl#1', 'x.jsonl#3']);
    expect(r.failures).toEqual([]);
  });

  it('reports a line that is valid JSON but not an article', () => {
    const r = parseArticleBuffer(Buffer.from('[1,2]\n{"title":"ب","text":"نص"}\n'), 'y.jsonl');
    expect(r.failures).toEqual([{ path: 'y.jsonl#1', code: 'not-an-article-object', params: { found: 'array' } }]);
    expect(r.articles).toHaveLength(1);
  });
});
