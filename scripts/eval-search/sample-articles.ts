// Picks articles from the ANT corpus deterministically so that evaluation questions can be written by reading them,
// and checks a question file against the corpus. Articles are named by a KEY (see README.md), never by corpus id.
//
//   npx tsx scripts/eval-search/sample-articles.ts [CORPUS] [--from N] [--count M]   # print articles N..N+M-1
//   npx tsx scripts/eval-search/sample-articles.ts [CORPUS] --check FILE             # validate a questions file
//
// CORPUS defaults to $ANT_CORPUS.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

interface CorpusArticle {
  id: string;
  category: string;
  title?: string;
  url: string;
  body: string;
}

const SEED = 20;
const MIN_BODY_CHARS = 400;
const EXCERPT_CHARS = 900;
const KINDS = new Set(['who', 'when', 'where', 'what', 'how-many', 'why', 'yes-no', 'request']);

// A missing title counts as ''. The corpus repeats some articles under a second category: one key names them all.
export function articleKey(url: string, title = ''): string {
  return createHash('sha1').update(`${url}\n${title}`).digest('hex').slice(0, 12);
}

export function splitOfKey(key: string): 'tune' | 'test' {
  return parseInt(key[0], 16) < 6 ? 'tune' : 'test';
}

function readCorpus(path: string): CorpusArticle[] {
  return gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusArticle);
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// Shuffles each category, then takes one article per category in turn, so every prefix of the sample mixes categories.
function sampleOrder(articles: CorpusArticle[]): CorpusArticle[] {
  const random = mulberry32(SEED);
  const byCategory = new Map<string, CorpusArticle[]>();
  const keys = new Set<string>();
  for (const article of articles) {
    const key = articleKey(article.url, article.title);
    if (article.body.trim().length < MIN_BODY_CHARS || keys.has(key)) continue;
    keys.add(key);
    const list = byCategory.get(article.category) ?? [];
    list.push(article);
    byCategory.set(article.category, list);
  }
  const queues = [...byCategory.keys()].sort().map((category) => shuffled(byCategory.get(category)!, random));
  const order: CorpusArticle[] = [];
  for (let round = 0; queues.some((queue) => round < queue.length); round++) {
    for (const queue of queues) if (round < queue.length) order.push(queue[round]);
  }
  return order;
}

// The corpus republishes some articles under another URL: those are answers too, so the sample names them.
function keysBySameOpening(articles: CorpusArticle[]): Map<string, string[]> {
  const byOpening = new Map<string, string[]>();
  for (const article of articles) {
    const opening = article.body.replace(/\s+/g, ' ').trim().slice(0, 300);
    const key = articleKey(article.url, article.title);
    const keys = byOpening.get(opening) ?? [];
    if (!keys.includes(key)) keys.push(key);
    byOpening.set(opening, keys);
  }
  return byOpening;
}

function printArticles(articles: CorpusArticle[], from: number, count: number): void {
  const order = sampleOrder(articles);
  const byOpening = keysBySameOpening(articles);
  for (const [offset, article] of order.slice(from, from + count).entries()) {
    const excerpt = article.body.trim().replace(/\s*\n\s*/g, ' / ').slice(0, EXCERPT_CHARS);
    const key = articleKey(article.url, article.title);
    const opening = article.body.replace(/\s+/g, ' ').trim().slice(0, 300);
    const sameText = byOpening.get(opening)!.filter((other) => other !== key);
    const also = sameText.length > 0 ? ` same opening as ${sameText.join(',')}` : '';
    console.log(`#${from + offset} KEY ${key} (${article.category})${also}`);
    console.log(`${excerpt}\n`);
  }
}

function checkQuestions(articles: CorpusArticle[], file: string): number {
  const keys = new Set(articles.map((article) => articleKey(article.url, article.title)));
  const corpusIds = articles.map((article) => article.id);
  const idPattern = /\b[A-Z]{2}-[a-zA-Z]+-\d+-\d{8}\b/;
  const problems: string[] = [];
  const seen = new Set<string>();
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  for (const [index, line] of lines.entries()) {
    const where = `${file}:${index + 1}`;
    if (idPattern.test(line) || corpusIds.some((id) => line.includes(id))) problems.push(`${where}: contains a corpus id`);
    let question: { q?: unknown; answers?: unknown; split?: unknown; kind?: unknown };
    try {
      question = JSON.parse(line);
    } catch {
      problems.push(`${where}: not JSON`);
      continue;
    }
    const { q, answers, split, kind } = question;
    if (typeof q !== 'string' || q.trim() === '') problems.push(`${where}: q missing`);
    else if (seen.has(q)) problems.push(`${where}: duplicate question`);
    else seen.add(q);
    if (!Array.isArray(answers) || answers.length === 0) {
      problems.push(`${where}: answers missing`);
      continue;
    }
    for (const key of answers) if (!keys.has(key)) problems.push(`${where}: unknown key ${key}`);
    if (split !== splitOfKey(String(answers[0]))) problems.push(`${where}: split should be ${splitOfKey(String(answers[0]))}`);
    if (typeof kind !== 'string' || !KINDS.has(kind)) problems.push(`${where}: bad kind ${String(kind)}`);
  }
  for (const problem of problems) console.error(problem);
  console.log(`${lines.length} questions, ${problems.length} problems`);
  return problems.length;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string', default: '0' }, count: { type: 'string', default: '20' }, check: { type: 'string' } },
});
const corpusPath = positionals[0] ?? process.env.ANT_CORPUS;
if (!corpusPath || !existsSync(corpusPath)) {
  console.error(
    corpusPath
      ? `corpus not found: ${corpusPath}`
      : 'no corpus given: pass the path of ant-v1.1.jsonl.gz as an argument or set ANT_CORPUS',
  );
  process.exit(2);
}
const articles = readCorpus(corpusPath);
if (values.check) process.exit(checkQuestions(articles, values.check) === 0 ? 0 : 1);
printArticles(articles, Number(values.from), Number(values.count));
