import type { EntitySpan, EntityType } from '../api.js';
import { procliticLengths } from './clitics.js';
import { wordHash } from './features.js';
import { lexiconCount } from './model.js';
import { loadTagger, type LoadedTagger } from './load-model.js';
import { surfaceIndex } from './normalize.js';
import { taggerSentences } from './sentences.js';
import { tagWords } from './tagger.js';
import { isInside, labelOf } from './tags.js';

const TYPE_OF: Record<string, EntityType> = { PER: 'PERSON', LOC: 'LOCATION', ORG: 'ORGANIZATION' };

/** Known-ness of a folded word: how often training text had it, a lot when it is a listed place. */
function familiarity(tagger: LoadedTagger, word: string): number {
  return lexiconCount(tagger.model, wordHash(word)) + (tagger.gazetteer.has(word) ? 1000 : 0);
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
    if (rest.startsWith('ال') || tagger.gazetteer.has(rest)) return lens[k];
    const prep = lens[k] > 1 || !(folded[0] === 'و' || folded[0] === 'ف');
    const restCount = familiarity(tagger, rest);
    if (prep ? rest.length >= 3 && whole === 0 && restCount >= 3 : restCount > whole) return lens[k];
  }
  // An unknown word after و/ف: the conjunction is far more likely than a name starting with it.
  const c0 = folded[0];
  if ((c0 === 'و' || c0 === 'ف') && whole === 0 && folded.length >= 4) return 1;
  return 0;
}

/** Names found by the tagger (PERSON, LOCATION, ORGANIZATION), in text order. */
export function tagNames(text: string, tagger: LoadedTagger = loadTagger()): EntitySpan[] {
  const spans: EntitySpan[] = [];
  for (const { tokens, words } of taggerSentences(text)) {
    const tags = tagWords(tagger.model, tagger.gazetteer, words);
    for (let i = 0; i < tags.length; i++) {
      const label = labelOf(tags[i]);
      if (!label || isInside(tags[i])) continue;
      let j = i + 1;
      while (j < tags.length && isInside(tags[j]) && labelOf(tags[j]) === label) j++;
      const type = TYPE_OF[label];
      if (type) {
        const first = tokens[i];
        const start = first.start + surfaceIndex(first.text, procliticLength(tagger, words[i]));
        const end = tokens[j - 1].end;
        if (end > start) spans.push({ type, start, end, text: text.slice(start, end), origin: 'auto' });
      }
      i = j - 1;
    }
  }
  return spans;
}
