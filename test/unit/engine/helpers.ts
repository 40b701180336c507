// Small composed archives for engine tests (written to a temporary folder; never the fixtures in place).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ArchiveEngine } from '../../../src/engine/archive-engine.js';

export interface TestArticle {
  title: string;
  body: string;
  source?: string;
  date?: string;
  tags?: string[];
}

export const ARTICLES: Record<string, TestArticle> = {
  'sochi.json': {
    title: 'بوتين يلتقي علييف في سوتشي',
    body: 'التقى الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في مدينة سوتشي المطلة على البحر الأسود. وبحث الرئيسان العلاقات الثنائية والتجارة بين البلدين.',
    source: 'وكالة الأناضول',
    date: '2021-11-26',
  },
  'gas.json': {
    title: 'أذربيجان توقع اتفاقا للغاز',
    body: 'وقعت أذربيجان اتفاقا جديدا لتصدير الغاز إلى أوروبا عبر تركيا. وقال وزير الطاقة إن الصادرات سترتفع خلال السنوات المقبلة.',
    source: 'رويترز',
    date: '2019-03-14',
    tags: ['طاقة'],
  },
  'rain.json': {
    title: 'أمطار غزيرة في تونس',
    body: 'هطلت أمطار غزيرة على العاصمة تونس يوم الخميس. وقالت الحماية المدنية إن عدة طرقات أغلقت بسبب السيول.',
    source: 'جوهرة',
    date: '2017-01-20',
  },
  'arabic.json': {
    title: 'مؤتمر عن تعليم العربية',
    body: 'افتتح في القاهرة مؤتمر عن تعليم اللُّغَةِ العَرَبِيَّةِ بمشاركة باحثين من عدة دول عربية.',
    source: 'الأهرام',
    date: '2018-08-05',
  },
  'ministers.json': {
    title: 'اجتماع وزاري في عمان',
    body: 'عقد وزراء النفط اجتماعا في عمان لبحث أسعار النفط والغاز في الأسواق العالمية.',
    source: 'رويترز',
    date: '2022-05-01',
  },
  'nested/french.json': {
    title: 'دروس مسائية',
    body: 'بدأت دروس اللغة الفرنسية المسائية في المركز الثقافي، وقال المدير احمد إن الإقبال كبير.',
    source: 'جوهرة',
    date: '2016-10-02',
  },
  'nested/deep/ahmad.json': {
    title: 'معرض للفنون',
    body: 'افتتح الفنان أحمد معرضا للوحات في المدينة العتيقة بحضور جمهور كبير.',
  },
};

export function writeArchive(dir: string, articles: Record<string, TestArticle> = ARTICLES): void {
  for (const [path, a] of Object.entries(articles)) writeArticle(dir, path, a);
}

export function writeArticle(dir: string, path: string, a: TestArticle): void {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(a));
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `ar-${prefix}-`));
}

export async function openIndexed(dir: string, cacheDir: string): Promise<ArchiveEngine> {
  const engine = await ArchiveEngine.open({ root: dir, cacheDir, autoIndex: 'none', workers: 2 });
  await engine.reindex();
  return engine;
}

/** Every file under dir with its size, mtime and content hash-ish (to show the folder was not touched). */
export function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) {
        out.push(`${p}/ ${st.mtimeMs}`);
        walk(p);
      } else out.push(`${p} ${st.size} ${st.mtimeMs} ${readFileSync(p).toString('base64').slice(0, 64)}`);
    }
  };
  walk(dir);
  return out;
}

export function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
