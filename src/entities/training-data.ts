import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

// Reading CoNLL-style NER data (token<TAB>tag, blank line between sentences) for training and evaluation.

export interface ConllToken {
  text: string;
  tag: string;
}

export function readConll(path: string): ConllToken[][] {
  const raw = readFileSync(path);
  const content = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const sentences: ConllToken[][] = [];
  let current: ConllToken[] = [];
  for (const line of content.split('\n')) {
    const trimmed = line.replace(/\r$/, '');
    if (trimmed.trim() === '') {
      if (current.length) sentences.push(current);
      current = [];
      continue;
    }
    const tab = trimmed.lastIndexOf('\t');
    const text = (tab >= 0 ? trimmed.slice(0, tab) : trimmed).trim();
    const tag = tab >= 0 ? trimmed.slice(tab + 1).trim() : 'O';
    if (text) current.push({ text, tag });
  }
  if (current.length) sentences.push(current);
  return sentences;
}

/** Maps a corpus tag (PER, GPE, LOC, ORG, FAC, MIS1…) to the tagger's labels; null = outside. */
export function mapLabel(raw: string, forEvaluation: boolean): 'PER' | 'LOC' | 'ORG' | 'MISC' | null {
  const base = raw.replace(/^[BI]-+/, '').toUpperCase();
  if (base === 'O' || base === '' || base === 'OO') return null;
  if (base === 'PER') return 'PER';
  if (base === 'GPE' || base === 'LOC') return 'LOC';
  if (base === 'ORG') return 'ORG';
  return forEvaluation ? null : 'MISC';
}

/** Entity label per token after mapping, with BIO begin flags (an I- after a different label begins). */
export function bioLabels(tokens: ConllToken[], forEvaluation: boolean): { label: string | null; begin: boolean }[] {
  const out: { label: string | null; begin: boolean }[] = [];
  let prev: string | null = null;
  for (const token of tokens) {
    const label = mapLabel(token.tag, forEvaluation);
    const begin = label !== null && (token.tag.startsWith('B') || prev !== label);
    out.push({ label, begin });
    prev = label;
  }
  return out;
}

const PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);
const ENCLITICS = new Set(['ه', 'ها', 'هم', 'هما', 'هن', 'ي', 'نا', 'كم', 'كما', 'كن']);
const ARABIC_WORD = /^[\u0621-\u064a\u0660-\u0669\u0671-\u06d3]/;

/** A sentence as running text: where each original token lies in it. */
export interface RunningText {
  text: string;
  spans: { start: number; end: number }[];
}

/**
 * Writes a sentence as text. With `rejoin`, clitics that the corpus wrote as tokens of their own
 * (WikiFANE: "و سيطروا", "علي ها") are attached again the way Arabic is written ("وسيطروا", "عليها").
 */
export function runningText(tokens: ConllToken[], rejoin: boolean): RunningText {
  let text = '';
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].text;
    const prev = i > 0 ? tokens[i - 1].text : '';
    const attachToPrev =
      rejoin && i > 0 && ENCLITICS.has(t) && ARABIC_WORD.test(prev) && !PROCLITICS.has(prev) && mapLabel(tokens[i].tag, false) === null;
    const prevIsProclitic = rejoin && i > 0 && PROCLITICS.has(prev) && ARABIC_WORD.test(t);
    if (text && !attachToPrev && !prevIsProclitic) text += ' ';
    spans.push({ start: text.length, end: text.length + t.length });
    text += t;
  }
  return { text, spans };
}
