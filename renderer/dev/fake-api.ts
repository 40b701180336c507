// An in-memory ArchiveApi for developing the UI without the engine (and for trying 100,000 rows):
// `npx tsx renderer/dev/serve-fake.ts [N]`. Search is a naive normalised substring match.
import type {
  ArchiveApi,
  ArchiveStatus,
  Article,
  ArticleMeta,
  EntitySpan,
  Facets,
  Filters,
  SearchHit,
} from '../../src/api.js';

const norm = (s: string) => s.replace(/[\u064B-\u065F\u0670]/g, '').replace(/[أإآ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه');

const PEOPLE = ['فلاديمير بوتين', 'إلهام علييف', 'نيكول باشينيان', 'رجب طيب أردوغان'];
const PLACES = ['موسكو', 'باكو', 'سوتشي', 'قره باغ', 'أنقرة'];
const SOURCES = ['وكالة الأناضول للأنباء', 'Reuters', 'الأهرام', 'Jawhara FM'];

function makeArticle(i: number): Article {
  const person = PEOPLE[i % PEOPLE.length];
  const place = PLACES[i % PLACES.length];
  const text = [
    `التقى الرئيس ${person} في ${place} يوم ${1 + (i % 28)} نوفمبر ${2010 + (i % 12)} بوفد من أذربيجان وأرمينيا.`,
    `وقال مصدر لوكالة Reuters إن حجم التبادل التجاري ارتفع ${i % 40} بالمئة في أول 9 أشهر من عام 2020.`,
    'وأوضح أن الأذربيجانية والروسية تتعاونان في مجال الطاقة (Gas & Oil).',
  ].join('\n\n');
  return {
    id: `gen/${String(i).padStart(6, '0')}.txt`,
    title: `${i}: ${person} يزور ${place}`,
    source: SOURCES[i % SOURCES.length],
    location: place,
    date: `${2010 + (i % 12)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    url: `https://example.org/${i}`,
    tags: [],
    bytes: text.length * 2,
    format: 'txt',
    text,
  };
}

function entitiesOf(a: Article): EntitySpan[] {
  const out: EntitySpan[] = [];
  for (const [names, type] of [
    [PEOPLE, 'PERSON'],
    [PLACES, 'LOCATION'],
    [['Reuters', 'وكالة Reuters'], 'ORGANIZATION'],
  ] as const) {
    for (const name of names) {
      let at = a.text.indexOf(name);
      while (at >= 0) {
        out.push({ start: at, end: at + name.length, type, text: name });
        at = a.text.indexOf(name, at + name.length);
      }
    }
  }
  const date = /\d+ نوفمبر \d{4}/.exec(a.text);
  if (date) out.push({ start: date.index, end: date.index + date[0].length, type: 'DATE', text: date[0] });
  return out.sort((x, y) => x.start - y.start);
}

function hitsOf(text: string, query: string | undefined): [number, number][] {
  if (!query) return [];
  const words = query.split(/\s+/).filter(Boolean).map(norm);
  const n = norm(text);
  const hits: [number, number][] = [];
  for (const w of words) {
    let at = n.indexOf(w);
    while (at >= 0 && w) {
      hits.push([at, at + w.length]);
      at = n.indexOf(w, at + w.length);
    }
  }
  return hits.sort((a, b) => a[0] - b[0]);
}

function facetsOf(items: ArticleMeta[]): Facets {
  const facets: Facets = { source: {}, year: {}, names: [] };
  for (const a of items) {
    if (a.source) facets.source[a.source] = (facets.source[a.source] ?? 0) + 1;
    if (a.date) facets.year[a.date.slice(0, 4)] = (facets.year[a.date.slice(0, 4)] ?? 0) + 1;
  }
  return facets;
}

function applyFilters(items: Article[], f?: Filters): Article[] {
  return items.filter(
    (a) =>
      (!f?.source?.length || (a.source && f.source.includes(a.source))) &&
      (!f?.year?.length || (a.date && f.year.includes(Number(a.date.slice(0, 4))))),
  );
}

const meta = ({ text: _text, ...m }: Article): ArticleMeta => m;

export function createFakeApi(count: number, extra: Article[] = []): ArchiveApi {
  const articles = [...extra, ...Array.from({ length: count }, (_, i) => makeArticle(i))];
  const status: ArchiveStatus = {
    root: '/fake',
    articles: articles.length,
    progress: { phase: 'done', done: articles.length, total: articles.length },
    failed: [{ path: 'bad/broken.json', error: 'invalid JSON: Unterminated string' }],
  };
  const notYet = async (): Promise<never> => {
    throw new Error('not in the fake API');
  };
  return {
    openArchive: async () => status,
    getStatus: async () => status,
    reindex: async () => {
      // Pretend to index for five seconds so the progress bar can be seen.
      const total = articles.length;
      for (let done = 0; done <= total; done += Math.ceil(total / 25)) {
        status.progress = { phase: 'indexing', done, total };
        await new Promise((r) => setTimeout(r, 200));
      }
      status.progress = { phase: 'done', done: total, total };
      return { articles: total, indexed: total, unchanged: 0, removed: 0, failed: status.failed, ms: 5000 };
    },
    cancelIndexing: async () => {},
    listArticles: async (req) => {
      const all = applyFilters(articles, req.filters);
      const key = req.sort ?? 'date';
      const sorted = [...all].sort((a, b) => String(a[key] ?? '').localeCompare(String(b[key] ?? '')) * (req.descending ? -1 : 1));
      const offset = req.offset ?? 0;
      return { total: all.length, items: sorted.slice(offset, offset + (req.limit ?? 50)).map(meta), facets: facetsOf(all) };
    },
    getArticle: async (req) => {
      const a = articles.find((x) => x.id === req.id);
      if (!a) throw new Error(`no article with id ${req.id}`);
      return { ...a, entities: entitiesOf(a), hits: hitsOf(a.text, req.query) };
    },
    search: async (req) => {
      const matching = applyFilters(articles, req.filters).filter((a) => hitsOf(a.title + '\n' + a.text, req.query).length > 0);
      const offset = req.offset ?? 0;
      const hits: SearchHit[] = matching.slice(offset, offset + (req.limit ?? 20)).map((a) => {
        const text = a.text.slice(0, 160);
        return { id: a.id, title: a.title, source: a.source, date: a.date, score: 1, snippet: { text, highlights: hitsOf(text, req.query) } };
      });
      return { total: matching.length, fullMatches: matching.length, hits, facets: facetsOf(matching) };
    },
    topEntities: async () => [
      ...PEOPLE.map((text, i) => ({ type: 'PERSON' as const, text, count: 100 - i })),
      ...PLACES.map((text, i) => ({ type: 'LOCATION' as const, text, count: 80 - i })),
    ],
    analyze: notYet,
    listAnnotations: async () => [],
    addAnnotation: notYet,
    updateAnnotation: notYet,
    deleteAnnotation: notYet,
    exportAnnotations: notYet,
    importAnnotations: notYet,
  };
}
