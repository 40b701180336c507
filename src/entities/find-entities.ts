import type { EntitySpan, EntityType } from '../api.js';
import { procliticLengths } from './clitics.js';
import { wordHash } from './features.js';
import { lexiconCount } from './model.js';
import { nameRatioBucket } from './name-dictionary.js';
import { loadTagger, type LoadedTagger } from './load-model.js';
import { surfaceIndex } from './normalize.js';
import { taggerSentences, type TaggerInput } from './sentences.js';
import { tagWords } from './tagger.js';
import { isInside, labelOf } from './tags.js';

const TYPE_OF: Record<string, EntityType> = { PER: 'PERSON', LOC: 'LOCATION', ORG: 'ORGANIZATION' };

// Function words that the training text spells like names (it writes على as علي, the name Ali); as
// written here, with their standard spelling, they are never a name on their own.
const NEVER_ALONE = new Set(['على', 'إلى', 'الى', 'حتى', 'لدى', 'متى', 'في', 'من', 'عن', 'مع', 'أن', 'إن', 'ان']);

/** Latin capitals only (AA, AFP, BBC): agency codes and abbreviations, never a person's name. */
const ABBREVIATIONS = /^[A-Z]{1,5}(?: [A-Z]{1,5})*$/;

/** Known-ness of a folded word: how often training text had it, a lot when it is a listed place. */
function familiarity(tagger: LoadedTagger, word: string): number {
  return lexiconCount(tagger.model, wordHash(word)) + (tagger.gazetteer.has(word) ? 1000 : 0);
}

/** Whether the training text had the folded word inside names at least 80% of the times it had it. */
function mostlyInNames(tagger: LoadedTagger, folded: string): boolean {
  const code = tagger.model.names?.(folded) ?? 0;
  return code > 0 && nameRatioBucket(code) === 3;
}

/**
 * How many folded characters of a name's first word are attached proclitics (وبوتين → 1, لروسيا → 1,
 * وبالقاهرة → 2), judged by which reading the training text and the gazetteer know better.
 */
export function procliticLength(tagger: LoadedTagger, folded: string): number {
  const lens = procliticLengths(folded);
  if (lens.length === 1) return 0;
  const whole = familiarity(tagger, folded);
  for (let k = lens.length - 1; k >= 1; k--) {
    const rest = folded.slice(lens[k]);
    if (tagger.gazetteer.has(rest)) return lens[k];
    if (rest.startsWith('ال') && rest.length >= 5 && familiarity(tagger, rest) >= whole) return lens[k];
    // ك (like) before a name is rare, a name beginning with ك common (كمال, not مال; كلايف, not لايف): ك comes off
    // only before a word the training text had mostly in names (كبريطانيا).
    if (folded.charCodeAt(lens[k] - 1) === 0x0643 && !mostlyInNames(tagger, rest)) continue;
    if (rest.length >= 3 && familiarity(tagger, rest) >= Math.max(3, 5 * whole)) return lens[k];
  }
  // An unknown word after و: the conjunction is far more likely than a name starting with و.
  if (folded[0] === 'و' && whole === 0 && folded.length >= 4) return 1;
  return 0;
}

/**
 * A nisba of a listed place: 'adjective' (الأرميني, الروسية), which is not a name, or 'group' (المصريين,
 * الروس as a people), which the training data counts among persons.
 */
function placeNisba(tagger: LoadedTagger, folded: string): 'adjective' | 'group' | null {
  const m = /^(?:[وف]?[بلك]?)?ال(..+?)(يه|ي|يين|يون)$/.exec(folded);
  if (!m) return null;
  const stem = m[1];
  if (![stem, stem + 'ا', stem + 'يا', stem + 'ي'].some((p) => tagger.gazetteer.has(p))) return null;
  return m[2] === 'يين' || m[2] === 'يون' ? 'group' : 'adjective';
}

/** "علييف وباشينيان": a word of a person's name that begins with the conjunction و begins another person. */
function conjoined(tagger: LoadedTagger, label: string, folded: string): boolean {
  return label === 'PER' && folded.charCodeAt(0) === 0x0648 && procliticLength(tagger, folded) > 0;
}

interface Found {
  span: EntitySpan;
  key: string;
}

/** Names the tagger marks in one piece of text (offsets from `base`); marks their words in `covered`. */
function taggedNames(text: string, base: number, sentences: TaggerInput[], covered: Uint8Array[], tagger: LoadedTagger, found: Found[]): void {
  sentences.forEach(({ tokens, words }, s) => {
    const tags = tagWords(tagger.model, tagger.gazetteer, tagger.clusters, words);
    for (let i = 0; i < tags.length; i++) {
      const label = labelOf(tags[i]);
      if (!label || (isInside(tags[i]) && !conjoined(tagger, label, words[i]))) continue;
      let j = i + 1;
      while (j < tags.length && isInside(tags[j]) && labelOf(tags[j]) === label && !conjoined(tagger, label, words[j])) j++;
      const type = TYPE_OF[label];
      const next = j;
      // "الأرميني نيكول باشينيان": the adjective before a name is not part of it; alone, it is no place.
      while (type && type !== 'ORGANIZATION' && i < j - 1 && placeNisba(tagger, words[i]) === 'adjective') i++;
      const nisba = j === i + 1 && type ? placeNisba(tagger, words[i]) : null;
      if (nisba === 'adjective' || (nisba === 'group' && type === 'LOCATION')) i = j;
      if (type && i < j) {
        const first = tokens[i];
        const p = procliticLength(tagger, words[i]);
        const start = first.start + surfaceIndex(first.text, p);
        const end = tokens[j - 1].end;
        const name = text.slice(start, end);
        const single = j === i + 1 && NEVER_ALONE.has(name);
        const abbreviation = type === 'PERSON' && ABBREVIATIONS.test(name);
        if (end > start && !single && !abbreviation) {
          const span: EntitySpan = { type, start: base + start, end: base + end, text: name, origin: 'auto' };
          found.push({ span, key: [words[i].slice(p), ...words.slice(i + 1, j)].join(' ') });
          covered[s].fill(1, i, j);
        }
      }
      i = next - 1;
    }
  });
}

/**
 * Names found by the tagger (PERSON, LOCATION, ORGANIZATION), in text order. A long text is read in pieces of
 * whole lines, twice (names, then their other mentions), so that its words are never all in memory at once.
 */
export function tagNames(text: string, tagger: LoadedTagger = loadTagger()): EntitySpan[] {
  const pieces = textPieces(text);
  const found: Found[] = [];
  const coveredWords: Uint8Array[] = [];
  for (const [from, to] of pieces) {
    const piece = text.slice(from, to);
    const sentences = taggerSentences(piece);
    const words = new Uint8Array(sentences.reduce((n, s) => n + s.tokens.length, 0));
    taggedNames(piece, from, sentences, coveredBySentence(sentences, words), tagger, found);
    coveredWords.push(words);
  }
  const spans = found.map((f) => f.span);
  const names = namesToRepeat(found);
  if (names) {
    pieces.forEach(([from, to], p) => {
      const piece = text.slice(from, to);
      const sentences = taggerSentences(piece);
      for (const span of repeatMentions(piece, from, sentences, coveredBySentence(sentences, coveredWords[p]), names, tagger)) spans.push(span);
    });
  }
  return joinNameParts(text, spans.sort((a, b) => a.start - b.start));
}

/** A flag per word of each sentence: views of `words`, one flag per word of the text. */
function coveredBySentence(sentences: TaggerInput[], words: Uint8Array): Uint8Array[] {
  let at = 0;
  return sentences.map((s) => words.subarray(at, (at += s.tokens.length)));
}

/** Pieces of about PIECE_CHARS characters, cut after a line break (a sentence never spans one) when there is one. */
const PIECE_CHARS = 1 << 20;

function textPieces(text: string): [number, number][] {
  const pieces: [number, number][] = [];
  let from = 0;
  while (text.length - from > PIECE_CHARS) {
    const limit = from + PIECE_CHARS;
    let cut = text.lastIndexOf('\n', limit);
    if (cut <= from) cut = text.lastIndexOf(' ', limit);
    // a piece never ends inside a surrogate pair
    cut = cut <= from ? limit - (isHighSurrogate(text.charCodeAt(limit - 1)) ? 1 : 0) : cut + 1;
    pieces.push([from, cut]);
    from = cut;
  }
  pieces.push([from, text.length]);
  return pieces;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** A person's name found in two pieces side by side (إلهام + علييف) is one name. */
function joinNameParts(text: string, spans: EntitySpan[]): EntitySpan[] {
  const out: EntitySpan[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && last.type === 'PERSON' && span.type === 'PERSON' && text.slice(last.end, span.start) === ' ') {
      out[out.length - 1] = { ...last, end: span.end, text: text.slice(last.start, span.end) };
    } else {
      out.push(span);
    }
  }
  return out;
}

const MAX_NAME_WORDS = 4;

interface NamesToRepeat {
  /** The type most votes gave each name (the first one voted, of equal counts). */
  winners: Map<string, EntityType>;
  /** The most words of a name starting with each first word. */
  firstWords: Map<string, number>;
}

/** The names found whose other mentions are looked for, and a person's last name alone; null when none. */
function namesToRepeat(found: Found[]): NamesToRepeat | null {
  const votes = new Map<string, Map<EntityType, number>>();
  const vote = (key: string, type: EntityType) => {
    if (key.length < 3) return;
    const byType = votes.get(key) ?? new Map<EntityType, number>();
    byType.set(type, (byType.get(type) ?? 0) + 1);
    votes.set(key, byType);
  };
  for (const { span, key } of found) {
    vote(key, span.type);
    const parts = key.split(' ');
    if (span.type === 'PERSON' && parts.length >= 2) vote(parts[parts.length - 1], 'PERSON');
  }
  if (votes.size === 0) return null;
  const winners = new Map<string, EntityType>();
  for (const [key, byType] of votes) {
    let best: EntityType | undefined;
    let most = 0;
    for (const [type, n] of byType) {
      if (n > most) {
        best = type;
        most = n;
      }
    }
    winners.set(key, best!);
  }
  const firstWords = new Map<string, number>();
  for (const key of votes.keys()) {
    const parts = key.split(' ');
    firstWords.set(parts[0], Math.max(firstWords.get(parts[0]) ?? 0, parts.length));
  }
  return { winners, firstWords };
}

/**
 * Other mentions, in one piece of text (offsets from `base`), of names the tagger found somewhere (news repeat a
 * name in contexts that tell less about it: "مع علييف"), and a person's last name alone after the full name.
 */
function repeatMentions(
  text: string,
  base: number,
  sentences: TaggerInput[],
  covered: Uint8Array[],
  { winners, firstWords }: NamesToRepeat,
  tagger: LoadedTagger,
): EntitySpan[] {
  const out: EntitySpan[] = [];
  sentences.forEach(({ tokens, words }, s) => {
    for (let i = 0; i < words.length; i++) {
      if (covered[s][i]) continue;
      let matched = 0;
      for (const p of procliticLengths(words[i])) {
        const first = p === 0 ? words[i] : words[i].slice(p);
        const longest = firstWords.get(first);
        if (longest === undefined) continue;
        if (p > 0 && procliticLength(tagger, words[i]) === 0 && familiarity(tagger, words[i]) > 0) continue;
        for (let n = Math.min(longest, MAX_NAME_WORDS, words.length - i); n >= 1 && !matched; n--) {
          if (covered[s].subarray(i, i + n).some((c) => c)) continue;
          const type = winners.get([first, ...words.slice(i + 1, i + n)].join(' '));
          if (!type) continue;
          const start = tokens[i].start + surfaceIndex(tokens[i].text, p);
          const end = tokens[i + n - 1].end;
          out.push({ type, start: base + start, end: base + end, text: text.slice(start, end), origin: 'auto' });
          matched = n;
        }
        if (matched) break;
      }
      i += Math.max(matched, 1) - 1;
    }
  });
  return out;
}
