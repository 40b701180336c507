import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sentenceFeatures } from '../../../src/entities/features.js';
import { loadTagger } from '../../../src/entities/load-model.js';
import { foldArabic } from '../../../src/entities/normalize.js';
import { tokenize } from '../../../src/entities/tokenize.js';
import { RECORD } from '../../../src/entities/feature-table.js';
import { featureSlot } from '../../../src/entities/model.js';
import { taggerSentences } from '../../../src/entities/sentences.js';
import { SentenceTagger, scoreFeatures, tagWords, toEmissions } from '../../../src/entities/tagger.js';
import { NUM_TAGS } from '../../../src/entities/tags.js';
import { viterbi } from '../../../src/entities/viterbi.js';

// The tagger sums cached scores per word; training scores every feature of sentenceFeatures one by one.
// Both must give the same numbers on any text, or the shipped model would tag differently from how it was trained.

const seed = readFileSync(new URL('./fixtures/seed-article.txt', import.meta.url), 'utf8');

const TEXTS = [
  seed,
  'التقى الرئيس الروسي فلاديمير بوتين في موسكو بنظيره الأذربيجاني إلهام علييف ورئيس الوزراء الأرميني نيكول باشينيان.',
  'وقال وزير الخارجية المصري سامح شكري للصحفيين في القاهرة إن وكالة الأنباء الرسمية نشرت البيان يوم 3/4/2019.',
  'بوتين', // one word
  'و',
  'Reuters: Apple Inc. said on Monday (ABC-123) that 45% of iPhones… sold in 2020!',
  'فَلَسطينُ، وَالقُدْسُ ــــ الشَّرِيف؟ نعم! لا. ١٢٣٤٥ ۱۲ 12abc ـ',
  'قال قال قال قال قال قال قال قال قال قال قال قال', // the same word next to itself
  Array.from({ length: 450 }, (_, i) => ['الأمم', 'المتحدة', 'في', 'نيويورك', 'وبيروت', 'ولندن', `كلمة${i % 37}`][i % 7]).join(' '), // > 200 words: split
  'الأمين العام لجامعة الدول العربية أحمد أبو الغيط والشيخ محمد بن زايد آل نهيان ولي عهد أبوظبي',
  '',
];

function referenceScores(words: string[]) {
  const { model, gazetteer, clusters } = loadTagger();
  return scoreFeatures(model, sentenceFeatures(words, gazetteer, clusters, model.names), words.length);
}

function referenceTags(words: string[]): Int32Array {
  const { model } = loadTagger();
  const n = words.length;
  const emissions = toEmissions(model, referenceScores(words), n, new Float64Array(n * NUM_TAGS));
  return viterbi(emissions, n, model.transitions);
}

describe('the tagger agrees with the plain per-feature scoring', () => {
  const sentences = TEXTS.flatMap((t) => taggerSentences(t).map((s) => s.words));

  it('has sentences of every kind to compare', () => {
    expect(sentences.length).toBeGreaterThan(20);
    expect(Math.max(...sentences.map((s) => s.length))).toBe(200);
    expect(sentences.some((s) => s.length === 1)).toBe(true);
  });

  it('gives the same score sums, word by word, with a cache large or small', () => {
    const { model, gazetteer, clusters } = loadTagger();
    // 16 words: the cache is emptied between most sentences, and made larger for the long ones.
    for (const cacheSize of [1 << 14, 16]) {
      const tagger = new SentenceTagger(model, gazetteer, clusters, cacheSize);
      for (const pass of [1, 2]) {
        for (const words of sentences) {
          const got = Array.from(tagger.score(words));
          expect(got, `${pass}: ${words.join(' ')}`).toEqual(Array.from(referenceScores(words)));
        }
      }
    }
  });

  it('finds the same tags', () => {
    const { model, gazetteer, clusters } = loadTagger();
    let named = 0;
    for (const words of sentences) {
      const got = tagWords(model, gazetteer, clusters, words);
      expect(Array.from(got)).toEqual(Array.from(referenceTags(words)));
      named += got.filter((t) => t > 0).length;
    }
    expect(named).toBeGreaterThan(30); // the texts do have names: the comparison is not all "O"
  });
});

describe('the loaded model', () => {
  it('finds every feature it holds, and no other', () => {
    const { model } = loadTagger();
    const count = model.header.features;
    expect(count).toBeGreaterThan(1000);
    const slot = (r: number) => r * RECORD + 2;
    for (let r = 0; r < count; r += 97) expect(featureSlot(model, model.features.keyAt(r))).toBe(slot(r));
    expect(featureSlot(model, model.features.keyAt(count - 1))).toBe(slot(count - 1));
    let absent = 0;
    for (let r = 0; r + 1 < count; r += 101) {
      const key = model.features.keyAt(r);
      if (model.features.keyAt(r + 1) - key < 2) continue;
      expect(featureSlot(model, key + 1)).toBe(-1);
      absent++;
    }
    expect(absent).toBeGreaterThan(100);
  });
});

describe('reading text for the tagger', () => {
  // What the tokenizer must match, as the regular expression it replaces.
  const reference = (text: string) => [...text.matchAll(/[\p{L}\p{M}\p{N}_]+|[^\s]/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));

  it('splits text into the tokens of the reference expression, astral and broken characters included', () => {
    const random = (seed: number) => () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const next = random(7);
    const pieces = ['بوتين', 'وبوتين،', ' ', '\n', '\u00a0', '\u2003', '\ufeff', 'ـ', 'َ', '١٢', '12', 'a_b', '.', '…', '😀', '𝐀𝐁', '\ud800', '\udc00', 'x', '\t', '«', '»', '\u200c', '\u0301'];
    const texts = [...TEXTS];
    for (let t = 0; t < 300; t++) texts.push(Array.from({ length: 1 + Math.floor(next() * 30) }, () => pieces[Math.floor(next() * pieces.length)]).join(''));
    for (const text of texts) expect(tokenize(text)).toEqual(reference(text));
  });

  it('folds words as before: marks and tatweel dropped, alef, ya and ta marbuta forms, digits, case', () => {
    expect(foldArabic('بوتين')).toBe('بوتين');
    expect(foldArabic('إلى')).toBe('الي');
    expect(foldArabic('فَلَسطينُ')).toBe('فلسطين');
    expect(foldArabic('الـــقدس')).toBe('القدس');
    expect(foldArabic('مدرسة')).toBe('مدرسه');
    expect(foldArabic('٢٠٢١ABC')).toBe('2021abc');
    const long = 'أ'.repeat(100_000);
    expect(foldArabic(long)).toBe('ا'.repeat(100_000));
  });
});
