// Words that give a date or a number: what answers a question asked with متى or كم.
import { normalizeQuery } from '../analysis/index.js';
import type { AnswerKind } from './question-words.js';

const MONTHS = `يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر
جانفي فيفري أفريل افريل ماي جوان جويلية اوت أوت
كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين
الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت أمس غدا اليوم عام سنة العام`;

const NUMBERS = `واحد اثنان اثنين ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثمان ثماني ثمانية تسع تسعة عشر عشرة
عشرون عشرين ثلاثون ثلاثين أربعون أربعين خمسون خمسين مئة مائة مئات مائتين ألف آلاف الف الاف مليون ملايين مليار مليارات
نصف ربع ثلث بالمئة بالمائة المئة المائة`;

function forms(words: string): Set<string> {
  const set = new Set<string>();
  for (const w of words.split(/\s+/)) {
    const n = normalizeQuery(w);
    if (!n) continue;
    for (const pre of ['', 'و', 'ب', 'ل', 'في']) set.add(pre + n);
  }
  return set;
}

const DATE_FORMS = forms(MONTHS);
const NUMBER_FORMS = forms(NUMBERS);
const DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9]/;

/** Whether a word (its normalized form) gives the kind of answer asked for. */
export function answersKind(norm: string, kind: AnswerKind): boolean {
  if (DIGIT.test(norm)) return true;
  return kind === 'date' ? DATE_FORMS.has(norm) : NUMBER_FORMS.has(norm);
}
