import { beforeEach, describe, expect, it } from 'vitest';
import { createArchiveApp, type ArchiveApp } from '../../../src/app.js';
import { csvField } from '../../../src/annotations/export-csv.js';
import { parseWebAnnotations } from '../../../src/annotations/web-annotation.js';
import { FakeEngine } from './fake-engine.js';

const TEXT_A = 'قال وزير الخارجية إن "المفاوضات" ستستمر، وإن الوفد سيصل غداً إلى الدوحة لبحث الملف.';
const TEXT_B = 'Reuters: the talks, "frank and open", ended late.';

let engine: FakeEngine;
let app: ArchiveApp;

function rangeOf(text: string, word: string) {
  const at = text.indexOf(word);
  if (at < 0) throw new Error(`fixture: ${word} not found`);
  return { start: at, end: at + word.length };
}

async function addSamples(target: ArchiveApp) {
  await target.addAnnotation({
    articleId: 'news/a.txt',
    ...rangeOf(TEXT_A, 'وزير الخارجية'),
    note: 'مصدر: "بيان رسمي"، صفحة 2\nسطر ثان',
    tags: ['دبلوماسية', 'قطر, الخليج'],
    color: 'blue',
  });
  await target.addAnnotation({ articleId: 'news/a.txt', ...rangeOf(TEXT_A, 'الدوحة'), entityType: 'LOCATION', archiveWide: true });
  await target.addAnnotation({ articleId: 'en/b.jsonl#3', ...rangeOf(TEXT_B, 'frank and open'), note: '=SUM(A1:A2) not a formula' });
}

beforeEach(() => {
  engine = new FakeEngine();
  engine.addArticle('news/a.txt', TEXT_A, 'الوفد إلى الدوحة');
  engine.addArticle('en/b.jsonl#3', TEXT_B, 'Talks [ended]');
  app = createArchiveApp(engine);
});

describe('JSON (W3C Web Annotation)', () => {
  it('exports a collection in the Web Annotation model', async () => {
    await addSamples(app);
    const doc = JSON.parse(await app.exportAnnotations({ format: 'json' }));
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 3, first: { type: 'AnnotationPage' } });
    const note = doc.first.items.find(
      (i: { motivation: string; target: { source: string } }) => i.motivation === 'commenting' && i.target.source === 'news/a.txt',
    );
    expect(note.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(note.type).toBe('Annotation');
    expect(note.created).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(note.body).toEqual([
      { type: 'TextualBody', value: 'مصدر: "بيان رسمي"، صفحة 2\nسطر ثان', purpose: 'commenting', format: 'text/plain' },
      { type: 'TextualBody', value: 'دبلوماسية', purpose: 'tagging' },
      { type: 'TextualBody', value: 'قطر, الخليج', purpose: 'tagging' },
    ]);
    expect(note.target).toEqual({
      source: 'news/a.txt',
      selector: [
        { type: 'TextQuoteSelector', exact: 'وزير الخارجية', prefix: 'قال ', suffix: TEXT_A.slice(17, 49) },
        { type: 'TextPositionSelector', start: 4, end: 17 },
      ],
    });
    expect(note.archiveReader).toMatchObject({ kind: 'highlight', color: 'blue', articleId: 'news/a.txt' });
    const entity = doc.first.items.find((i: { motivation: string }) => i.motivation === 'classifying');
    expect(entity.body).toEqual([{ type: 'TextualBody', value: 'LOCATION', purpose: 'classifying' }]);
    expect(entity.archiveReader).toMatchObject({ kind: 'entity', entityType: 'LOCATION', archiveWide: true });
  });

  it('imports its own export into an empty archive as the same annotations, and re-import adds none', async () => {
    await addSamples(app);
    const exported = await app.exportAnnotations({ format: 'json' });
    const other = new FakeEngine();
    other.addArticle('news/a.txt', TEXT_A, 'الوفد إلى الدوحة');
    other.addArticle('en/b.jsonl#3', TEXT_B, 'Talks [ended]');
    const copy = createArchiveApp(other);
    expect(await copy.importAnnotations({ json: exported })).toEqual({ added: 3, skipped: 0 });
    expect(await copy.listAnnotations({})).toEqual(await app.listAnnotations({}));
    expect(await copy.importAnnotations({ json: exported })).toEqual({ added: 0, skipped: 3 });
    expect(await copy.listAnnotations({})).toHaveLength(3);
  });

  it('skips an annotation with another id but the same target and body; reads a bare array from another tool', async () => {
    await addSamples(app);
    const doc = JSON.parse(await app.exportAnnotations({ format: 'json' }));
    const items = doc.first.items.map((i: { id: string }) => ({ ...i, id: `https://example.org/anno/${i.id.slice(-6)}` }));
    items.push({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://hypothes.is/a/abc123',
      type: 'Annotation',
      bodyValue: 'تعليق من أداة أخرى',
      target: { source: 'news/a.txt', selector: { type: 'TextQuoteSelector', exact: 'الوفد', prefix: 'وإن ', suffix: ' سيصل' } },
    });
    expect(await app.importAnnotations({ json: JSON.stringify(items) })).toEqual({ added: 1, skipped: 3 });
    const imported = (await app.listAnnotations({ text: 'أداة أخرى' }))[0];
    expect(imported).toMatchObject({ note: 'تعليق من أداة أخرى', kind: 'highlight', anchor: rangeOf(TEXT_A, 'الوفد') });
  });

  it('rejects bad input with a clear error and imports nothing', async () => {
    await expect(app.importAnnotations({ json: '{not json' })).rejects.toThrow(/not valid JSON/);
    const bad = [{ type: 'Annotation', target: { source: 'news/a.txt', selector: { type: 'TextQuoteSelector', exact: 'الوفد' } } }, { type: 'Annotation', target: 'news/a.txt' }];
    await expect(app.importAnnotations({ json: JSON.stringify(bad) })).rejects.toThrow(/annotation 2: the target has no/);
    expect(await app.listAnnotations({})).toEqual([]);
    expect(() => parseWebAnnotations('{"type":"Annotation","target":{"source":"a\\u0000b","selector":{"type":"TextQuoteSelector","exact":"x"}}}')).toThrow(
      /source/,
    );
  });
});

describe('Markdown', () => {
  it('groups by article with the quote, the note and a link back to the article', async () => {
    await addSamples(app);
    const md = await app.exportAnnotations({ format: 'md' });
    expect(md).toContain('## [الوفد إلى الدوحة](archive-reader://article/news%2Fa.txt)');
    expect(md).toContain('## [Talks \\[ended\\]](archive-reader://article/en%2Fb.jsonl%233)');
    expect(md).toContain('File: [en/b.jsonl#3](en/b.jsonl)');
    expect(md).toContain('> وزير الخارجية\n\nمصدر: "بيان رسمي"، صفحة 2\nسطر ثان');
    expect(md).toContain('#دبلوماسية');
    expect(md).toContain('marked as LOCATION, everywhere in the archive');
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks (RFC 4180), starts with a BOM and keeps Arabic', async () => {
    await addSamples(app);
    const csv = await app.exportAnnotations({ format: 'csv' });
    expect(csv.startsWith('\uFEFFid,article,title,kind,')).toBe(true);
    expect(csv).toContain('"مصدر: ""بيان رسمي""، صفحة 2\nسطر ثان"');
    expect(csv).toContain('"دبلوماسية; قطر, الخليج"');
    expect(csv).toContain(`,'=SUM(A1:A2) not a formula,`);
    const records = parseCsv(csv.slice(1));
    expect(records).toHaveLength(4);
    expect(records.every((r) => r.length === records[0].length)).toBe(true);
    const header = records[0];
    const note = records.find((r) => r[header.indexOf('quote')] === 'وزير الخارجية')!;
    expect(note[header.indexOf('note')]).toBe('مصدر: "بيان رسمي"، صفحة 2\nسطر ثان');
    expect(note[header.indexOf('placed')]).toBe('yes');
  });

  it('leaves plain fields unquoted', () => {
    expect(csvField('الدوحة')).toBe('الدوحة');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('-5')).toBe("'-5");
  });
});

/** A strict RFC 4180 reader, to check that the export parses back into the same fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') field += text[i++];
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text[i] === '\r' && text[i + 1] === '\n') {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`bad CSV at ${i}`);
  }
  return rows;
}
