// Starts the real `archive-reader serve` (dist/cli.mjs) on a temporary copy of the fixture archive with a
// temporary cache, waits until it has indexed, and hands the printed URL to the tests (ARCHIVE_URL).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const REPO = resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** An article whose text is markup: it must show as text and never run. */
export const MARKUP_ARTICLE = [
  'مقال يحتوي على وسوم',
  '',
  'وكالة الاختبار',
  'الرباط',
  'نشر في 01.02.2022 10:00',
  '',
  'هذا نص يذكر الوسم <script>window.__E2E_SCRIPT_RAN = 1; alert("E2E_SCRIPT_MARKER")</script> داخل المقال.',
  '',
  'وصورة <img src="x" onerror="window.__E2E_SCRIPT_RAN = 2; alert(\'E2E_IMG_MARKER\')"> وعنصر <b>عريض</b> كنص فقط.',
  '',
].join('\n');

/** Articles whose original address is long and percent-encoded, or not a web address at all (layout.spec.ts). */
export const LINK_ARTICLES = {
  'e2e/long-address.json': {
    title: 'رابط أصلي طويل بالعربية',
    source: 'وكالة الاختبار',
    date: '2015-03-01',
    url: 'https://www.example.org/ar/%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85/%D8%A8%D9%88%D8%AA%D9%8A%D9%86-%D9%88%D8%B9%D9%84%D9%8A%D9%8A%D9%81-%D9%8A%D9%84%D8%AA%D9%82%D9%8A%D8%A7%D9%86-%D9%81%D9%8A-%D8%B3%D9%88%D8%AA%D8%B4%D9%8A/2423456',
    text: 'نص قصير للتجربة يحمل عنوانه الأصلي مرمزا.',
  },
  'e2e/unsafe-address.json': {
    title: 'رابط غير آمن',
    source: 'وكالة الاختبار',
    date: '2015-03-02',
    url: 'javascript:alert(1)',
    text: 'نص قصير للتجربة عنوانه الأصلي ليس عنوان ويب.',
  },
};
/** A title that starts with a Latin word, from a Latin-named source: user data the interface must not re-align. */
export const LATIN_TITLE_ARTICLE = [
  'BBC تنشر تقريرا عن الزراعة المائية في الواحات',
  '',
  'BBC News',
  'نشر في 03.03.2020 09:00',
  '',
  'نشرت هيئة الإذاعة البريطانية تقريرا عن انتشار الزراعة المائية في واحات الجنوب.',
  '',
].join('\n');

/** A title that starts with a quotation: filed under its first word, not before every other title. */
export const QUOTED_TITLE_ARTICLE = [
  '«الزراعة المائية» تنتشر في الواحات',
  '',
  'وكالة الاختبار',
  'نشر في 04.03.2020 09:00',
  '',
  'تنتشر الزراعة المائية في الواحات لأنها توفر الماء.',
  '',
].join('\n');

/**
 * Articles whose names and words overlap partly (for the facet tests): الهيدروجين is in the first two, الجزائر in
 * three, تونس in two; الأمم المتحدة once bare and once as للأمم المتحدة.
 */
export const FACET_ARTICLES: Record<string, string> = {
  'hydrogen-algeria.txt': article('مشروع هيدروجين أخضر في الصحراء', '2020-03-01', [
    'أعلنت الجزائر إطلاق مشروع كبير لإنتاج الهيدروجين الأخضر في الصحراء.',
    'وقال وزير الطاقة إن المشروع سيوفر آلاف الوظائف.',
  ]),
  'hydrogen-tunis.txt': article('وفد في زيارة رسمية', '2020-04-02', [
    'بحث وفد من تونس مع مسؤولين في الجزائر التعاون في مجال الهيدروجين والغاز.',
    'وقال رئيس الوفد إن تونس تريد شراكة دائمة.',
  ]),
  'music-algeria.txt': article('مهرجان الموسيقى الأندلسية', '2020-06-03', [
    'افتتح مهرجان الموسيقى الأندلسية في الجزائر العاصمة بمشاركة فرق من المغرب وتونس.',
  ]),
  'un-call.txt': article('نداء أممي', '2020-07-01', ['دعا الأمين العام للأمم المتحدة إلى وقف إطلاق النار في غزة.']),
  'un-report.txt': article('تقرير إنساني', '2020-08-01', ['قالت الأمم المتحدة إن الوضع الإنساني في غزة خطير.']),
};

function article(title: string, date: string, paragraphs: string[]): string {
  const [y, m, d] = date.split('-');
  return [title, '', 'وكالة الاختبار', 'الرباط', `نشر في ${d}.${m}.${y} 10:00`, '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');
}

export default async function globalSetup(): Promise<(() => Promise<void>) | void> {
  if (!existsSync(CHROMIUM)) return; // the specs skip (or the config already failed under REQUIRE_BROWSER_TESTS=1)
  const cli = join(REPO, 'dist', 'cli.mjs');
  if (!existsSync(cli) || !existsSync(join(REPO, 'dist', 'renderer', 'index.html'))) {
    throw new Error('dist/ is not built: run `npm run build` before the browser tests');
  }
  const work = mkdtempSync(join(tmpdir(), 'archive-e2e-'));
  const archive = join(work, 'archive');
  cpSync(join(REPO, 'test', 'fixtures', 'archive'), archive, { recursive: true });
  mkdirSync(join(archive, 'e2e'), { recursive: true });
  writeFileSync(join(archive, 'e2e', 'markup-in-text.txt'), MARKUP_ARTICLE);
  for (const [path, article] of Object.entries(LINK_ARTICLES)) writeFileSync(join(archive, path), JSON.stringify(article));
  mkdirSync(join(archive, 'e2e', 'facets'), { recursive: true });
  for (const [name, text] of Object.entries(FACET_ARTICLES)) writeFileSync(join(archive, 'e2e', 'facets', name), text);
  writeFileSync(join(archive, 'e2e', 'latin-title.txt'), LATIN_TITLE_ARTICLE);
  writeFileSync(join(archive, 'e2e', 'quoted-title.txt'), QUOTED_TITLE_ARTICLE);
  const cache = join(work, 'cache');

  const child = spawn(process.execPath, [join(REPO, 'bin', 'archive-reader.mjs'), 'serve', archive, '--cache', cache], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await firstLine(child, () => stderr);
  const token = new URL(url).hash.replace('#token=', '');
  await waitUntilIndexed(new URL(url).origin, token);

  process.env.ARCHIVE_URL = url;
  process.env.ARCHIVE_ROOT = archive;

  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  };
}

function firstLine(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL within 30 s; stderr: ${stderr()}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before printing its URL: ${stderr()}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      if (!/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/.test(line.trim())) {
        reject(new Error(`serve printed an unexpected first line: ${line}`));
      } else resolvePromise(line.trim());
    });
  });
}

async function waitUntilIndexed(origin: string, token: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  let last = '';
  while (Date.now() < deadline) {
    const res = await fetch(`${origin}/api/getStatus`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    const body = (await res.json()) as { result?: { progress: { phase: string }; articles: number } };
    last = JSON.stringify(body);
    const phase = body.result?.progress.phase;
    if (phase === 'done' && (body.result?.articles ?? 0) > 0) return;
    if (phase === 'error') throw new Error(`indexing failed: ${last}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the fixture archive was not indexed within 90 s; last status ${last}`);
}
