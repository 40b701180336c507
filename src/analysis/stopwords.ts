import { normalize } from './normalize.js';

// Function words only: prepositions, conjunctions, particles, pronouns, relatives and demonstratives.
// Never content words a reader searches for (dates, months, numbers, زيارة, رئيس, عام, يوم, مليون …).
const ARABIC_FUNCTION_WORDS = `
في من على إلى عن مع عند لدى منذ حتى نحو خلال ضد عبر دون بين بعد قبل فوق تحت حول لكن لكنّ بل ثم أو أم إما
أن إن أنّ إنّ كأن لأن لان كي لكي لئلا إذ إذا إذن لو لولا لما كما كلما حيث حين بينما أي أيّ أيضا
ما لا لم لن ليس ليست قد لقد سوف هل يا ها إلا سوى غير كل بعض كلا كلتا جميع معظم
هو هي هم هما هن أنا نحن أنت أنتم أنتما أنتن إياه إياها إياهم
هذا هذه هذان هذين هاتان هاتين هؤلاء ذلك ذاك تلك أولئك هنا هناك هنالك
الذي التي الذين اللذان اللذين اللتان اللتين اللاتي اللواتي اللائي
فيه فيها فيهم فيهما منه منها منهم منهما عليه عليها عليهم عليهما عنه عنها عنهم
به بها بهم بهما له لها لهم لهما لنا لي معه معها معهم عندما بعدما قبلما مما عما فيما بما كذلك وكذلك
ذات ذو ذي
أنه أنها أنهم أنهما أنني أننا إنه إنها إنهم بأن بأنه بأنها بأنهم لأنه لأنها لأنهم كأنه
`;

// Conjunctions and prepositions written apart from their word ("و المغامرة", "بـ 10").
const LONE_LETTERS = ['و', 'ف', 'ب', 'ل', 'ك'];

const LATIN_FUNCTION_WORDS = 'a an and are as at be by for from in into is it its of on or that the this to was were with';

function build(): Set<string> {
  const set = new Set<string>();
  for (const word of ARABIC_FUNCTION_WORDS.split(/\s+/)) {
    if (!word) continue;
    const norm = normalize(word);
    set.add(norm);
    set.add('و' + norm);
    set.add('ف' + norm);
  }
  for (const word of LATIN_FUNCTION_WORDS.split(' ')) set.add(word);
  for (const letter of LONE_LETTERS) set.add(letter);
  return set;
}

/** Normalized forms (with و/ف attached too) of the words the index leaves out. */
export const STOP_WORDS: ReadonlySet<string> = build();

export function isStopWord(norm: string): boolean {
  return STOP_WORDS.has(norm);
}
