// The second ranking stage: the best Lunr-ordered candidates are read again (title and body, as snippets are)
// and re-ordered by where the query's words occur — near each other, in the title and first paragraph, side by
// side as the query spells them, as whole entity names — and, for متى / كم, whether a date or number stands near.
import type { EntitySpan } from '../api.js';
import type { LoadedArchive } from '../index/loaded-archive.js';
import { someWord } from '../analysis/index.js';
import { answersKind } from './answer-words.js';
import type { PreparedQuery } from './prepare-query.js';
import type { AnswerKind } from './question-words.js';
import { ANSWER_REACH, LEAD_WORDS, NEAR_WINDOW, PASSAGE_WINDOW, RERANK_FEATURES, type RerankFeature, type RerankWeights } from './rerank-weights.js';

/** One searched word of the query: the dictionary terms that match it and its weight (idf). */
export interface QuerySlot {
  terms: ReadonlySet<string>;
  weight: number;
}

export type RerankFeatures = Record<RerankFeature, number>;

const NAME_TYPES = new Set(['PERSON', 'LOCATION', 'ORGANIZATION']);

/** The query's positive units that search the article's text, in query order. */
export function querySlots(archive: LoadedArchive, prepared: PreparedQuery): QuerySlot[] {
  return prepared.units
    .filter((u) => u.presence !== 'not' && (u.fields.includes('body') || u.fields.includes('title')) && u.expansion.size > 0)
    .map((u) => {
      let weight = 0;
      for (const t of u.expansion) weight = Math.max(weight, archive.dictionary.idf(t));
      return { terms: u.expansion, weight: Math.max(weight, 0.1) };
    });
}

function slotsByTerm(slots: readonly QuerySlot[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  slots.forEach((s, i) => {
    for (const t of s.terms) {
      const list = map.get(t);
      if (list) list.push(i);
      else map.set(t, [i]);
    }
  });
  return map;
}

/** Best total weight of distinct slots among occurrences less than `width` words apart; and where it lies. */
export function bestWindow(positions: readonly number[], slotAt: readonly number[], weights: readonly number[], width: number): { weight: number; from: number; to: number } {
  const count = new Array<number>(weights.length).fill(0);
  let sum = 0;
  let best = { weight: 0, from: 0, to: 0 };
  let i = 0;
  for (let j = 0; j < positions.length; j++) {
    if (count[slotAt[j]]++ === 0) sum += weights[slotAt[j]];
    while (positions[j] - positions[i] >= width) if (--count[slotAt[i++]] === 0) sum -= weights[slotAt[i - 1]];
    if (sum > best.weight + 1e-12) best = { weight: sum, from: positions[i], to: positions[j] };
  }
  return best;
}

interface Scan {
  /** Word positions of query-word occurrences and their slots (one entry per slot a word matches). */
  positions: number[];
  slotAt: number[];
  /** Word positions of dates / numbers (when asked). */
  answers: number[];
  /** Slots covered by whole entity names that consist of query words only. */
  inNames: Set<number>;
  /** Slots of pairs (i, i + 1) found side by side. */
  adjacentPairs: Set<number>;
}

function scanBody(text: string, entities: readonly EntitySpan[], byTerm: Map<string, number[]>, kind: AnswerKind | undefined): Scan {
  const scan: Scan = { positions: [], slotAt: [], answers: [], inNames: new Set(), adjacentPairs: new Set() };
  const names = entities.filter((e) => NAME_TYPES.has(e.type)).sort((a, b) => a.start - b.start);
  const dates = entities.filter((e) => e.type === 'DATE');
  const inDate = (at: number) => dates.some((e) => e.start <= at && at < e.end);
  let name = 0;
  let nameSlots: number[] = [];
  let nameWhole = true;
  const closeName = () => {
    if (nameWhole && new Set(nameSlots).size >= 2) for (const s of nameSlots) scan.inNames.add(s);
    nameSlots = [];
    nameWhole = true;
  };
  let w = 0;
  let previous: number[] | undefined;
  let previousAt = -2;
  someWord(text, (a, start) => {
    while (name < names.length && names[name].end <= start) {
      closeName();
      name++;
    }
    const inName = name < names.length && names[name].start <= start;
    if (!a.stop) {
      const slots = byTerm.get(a.term);
      if (slots) {
        for (const s of slots) {
          scan.positions.push(w);
          scan.slotAt.push(s);
        }
        if (previous && previousAt === w - 1) for (const p of previous) if (slots.includes(p + 1)) scan.adjacentPairs.add(p);
        previous = slots;
        previousAt = w;
        if (inName) nameSlots.push(slots[0]);
      } else if (inName) nameWhole = false;
    }
    if (kind && (answersKind(a.norm, kind) || (kind === 'date' && inDate(start)))) scan.answers.push(w);
    if (!a.stop) w++;
    return false;
  });
  closeName();
  return scan;
}

function slotsIn(text: string, byTerm: Map<string, number[]>): Set<number> {
  const found = new Set<number>();
  someWord(text, (a) => {
    if (!a.stop) for (const s of byTerm.get(a.term) ?? []) found.add(s);
    return false;
  });
  return found;
}

/** The features of one article for the query's slots. */
export function featuresOf(title: string, body: string, entities: readonly EntitySpan[], slots: readonly QuerySlot[], kind: AnswerKind | undefined, byTerm = slotsByTerm(slots)): RerankFeatures {
  const weights = slots.map((s) => s.weight);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const share = (set: Iterable<number>) => {
    let sum = 0;
    for (const s of set) sum += weights[s];
    return sum / total;
  };
  const scan = scanBody(body, entities, byTerm, kind);
  const inTitle = slotsIn(title, byTerm);
  const lead = new Set<number>();
  for (let k = 0; k < scan.positions.length && scan.positions[k] < LEAD_WORDS; k++) lead.add(scan.slotAt[k]);
  const near = bestWindow(scan.positions, scan.slotAt, weights, NEAR_WINDOW);
  const passage = bestWindow(scan.positions, scan.slotAt, weights, PASSAGE_WINDOW);
  const titleWeight = share(inTitle);
  let answer = 0;
  if (kind && near.weight > 0) {
    const lo = near.from - ANSWER_REACH;
    const hi = near.to + ANSWER_REACH;
    answer = scan.answers.some((p) => p >= lo && p <= hi) ? 1 : 0;
  }
  return {
    coverage: share(new Set([...inTitle, ...scan.slotAt])),
    proximity: Math.max(near.weight / total, titleWeight),
    passage: Math.max(passage.weight / total, titleWeight),
    title: titleWeight,
    lead: share(lead),
    phrase: slots.length > 1 ? scan.adjacentPairs.size / (slots.length - 1) : 0,
    entity: share(scan.inNames),
    answer,
  };
}

/** The re-ranking score of the candidate at `place` (0-based) in Lunr's order, whose score is `lunr` of the best. */
export function combine(lunr: number, place: number, f: RerankFeatures, weights: RerankWeights): number {
  let s = weights.lunr * lunr + weights.order / (1 + place);
  for (const k of RERANK_FEATURES) s += weights[k] * f[k];
  return s;
}

/** Features of each candidate, read from the archive. */
export function candidateFeatures(archive: LoadedArchive, prepared: PreparedQuery, docs: readonly number[], kind: AnswerKind | undefined): RerankFeatures[] {
  const slots = querySlots(archive, prepared);
  const byTerm = slotsByTerm(slots);
  return docs.map((doc) => {
    const { text, entities } = archive.body(doc);
    return featuresOf(archive.meta(doc).title, text, entities, slots, kind, byTerm);
  });
}

/** `ordered` (best first, as Lunr's scoring orders them) re-ordered by the combined score. */
export function rerank<T extends { doc: number; score: number }>(ordered: readonly T[], features: readonly RerankFeatures[], weights: RerankWeights): T[] {
  const top = ordered.reduce((m, c) => Math.max(m, c.score), 0) || 1;
  const scored = ordered.map((c, i) => ({ c, i, s: combine(c.score / top, i, features[i], weights) }));
  scored.sort((a, b) => b.s - a.s || a.i - b.i);
  return scored.map((x) => x.c);
}
