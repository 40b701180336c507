// The evaluation's queries: the question set (scripts/eval-search/questions.jsonl, written from articles' content)
// and title-like known-item queries generated from the corpus (a title, or a run of its words → that article).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeQuery } from '../../src/analysis/index.js';
import { repo, type EvalCorpus } from './corpus.js';

export interface EvalQuery {
  q: string;
  /** Engine article ids that answer it. */
  answers: Set<string>;
  split: 'tune' | 'test' | 'titles';
  kind?: string;
}

export function loadQuestions(corpus: EvalCorpus, file = join(repo, 'scripts/eval-search/questions.jsonl')): EvalQuery[] {
  if (!existsSync(file)) {
    console.error(`eval: no question set at ${file} (give one with --questions FILE)`);
    process.exit(2);
  }
  const out: EvalQuery[] = [];
  let unknown = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const x = JSON.parse(line) as { q: string; answers: string[]; split: 'tune' | 'test'; kind?: string };
    const answers = new Set<string>();
    for (const key of x.answers) {
      const found = corpus.idsOfKey.get(key);
      if (found) for (const id of found) answers.add(id);
      else unknown++;
    }
    if (answers.size) out.push({ q: x.q, answers, split: x.split, kind: x.kind });
  }
  if (unknown) console.error(`eval: ${unknown} answer keys are not articles of this corpus (left out)`);
  return out;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `n` articles' titles (every other one a run of 3–5 of its words) → the articles with that title. */
export function titleQueries(corpus: EvalCorpus, n = 300, seed = 20261208): EvalQuery[] {
  const rand = rng(seed);
  const byTitle = new Map<string, string[]>();
  corpus.articles.forEach((a, i) => {
    const key = normalizeQuery(a.title ?? '');
    byTitle.set(key, [...(byTitle.get(key) ?? []), corpus.ids[i]]);
  });
  const out: EvalQuery[] = [];
  const used = new Set<number>();
  while (out.length < n && used.size < corpus.articles.length) {
    const i = Math.floor(rand() * corpus.articles.length);
    if (used.has(i)) continue;
    used.add(i);
    // Quotes and operators would be read as query syntax.
    const words = (corpus.articles[i].title ?? '').replace(/["+\-*~^:]/g, ' ').split(/\s+/).filter(Boolean);
    if (words.length < 3) continue;
    let q = words.join(' ');
    if (out.length % 2 === 1 && words.length > 5) {
      const len = 3 + Math.floor(rand() * 3);
      const from = Math.floor(rand() * (words.length - len + 1));
      q = words.slice(from, from + len).join(' ');
    }
    out.push({ q, answers: new Set(byTitle.get(normalizeQuery(corpus.articles[i].title ?? ''))), split: 'titles', kind: out.length % 2 ? 'title-fragment' : 'title' });
  }
  return out;
}
