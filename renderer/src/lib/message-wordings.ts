// The engine's messages (codes with parameters) worded in the interface language. English comes from the engine's
// own table (the CLI's words); Arabic is here. Query syntax and the user's text are isolated (see isolates.ts).
import type { Message } from '../../../src/api.js';
import { ENGLISH_WORDINGS } from '../../../src/messages/english.js';
import { param, wordMessage, type WordingFormat, type Wordings } from '../../../src/messages/wordings.js';
import { syntaxRun, userRun } from './isolates.js';
import { formatNumber, formatSize, type NumberLocale } from './numbers.js';
import type { Lang } from './settings.js';

const FOUND: Record<string, string> = { null: 'قيمة فارغة', array: 'مصفوفة', string: 'نصًّا', number: 'رقمًا', boolean: 'قيمة منطقية' };
const PART: Record<string, string> = { text: 'نص المقالة', title: 'عنوان المقالة' };

const ARABIC_WORDINGS: Wordings = {
  'empty-file': () => 'ملف فارغ',
  undecodable: () => 'ملف ثنائي أو بترميز لا يُقرأ',
  'invalid-json': (p, f) => `ملف ${f.syntax('JSON')} غير صالح${p.position !== undefined ? ` (عند الحرف ${f.number(Number(p.position) + 1)})` : ''}`,
  'empty-json-array': (_, f) => `مصفوفة ${f.syntax('JSON')} فارغة`,
  'not-an-article-object': (p) => `ليس كائن مقالة (وُجد ${FOUND[param(p, 'found')] ?? param(p, 'found')})`,
  'no-article-text': (_, f) => `لا نص للمقالة (يُنتظر حقل ${f.syntax('body')} أو ${f.syntax('text')} أو ${f.syntax('content')})`,
  'no-html-text': () => 'لم يُعثر على نص مقالة في الصفحة',
  'invalid-front-matter': (_, f) => `ترويسة ${f.syntax('YAML')} غير صالحة`,
  'could-not-parse': () => 'تعذّر تحليل الملف',
  'unknown-extension': () => 'ليس ملف مقالة (امتداد غير معروف)',
  'too-large': (p, f) => `ملف كبير جدًا (${f.size(Number(p.size))}؛ الحد ${f.size(Number(p.limit))})`,
  'is-folder': () => 'مجلد وليس ملفًا',
  'not-regular-file': () => 'ليس ملفًا عاديًا',
  'named-pipe': () => 'أنبوب مسمّى، وليس ملفًا عاديًا',
  'device-file': () => 'ملف جهاز، وليس ملفًا عاديًا',
  'socket-file': () => 'مقبس، وليس ملفًا عاديًا',
  'permission-denied': () => 'لا إذن بالقراءة',
  'not-found': () => 'غير موجود (حُذف أو رابط رمزي مكسور)',
  'symlink-loop': () => 'حلقة روابط رمزية (الرابط يشير إلى نفسه)',
  'symlink-to-enclosing-folder': (p, f) => `حلقة روابط رمزية (يشير إلى المجلد الذي يحويه ${f.user(param(p, 'target'))})`,
  'not-a-folder': () => 'ليس مجلدًا',
  'too-many-open-files': () => 'ملفات مفتوحة كثيرة جدًا',
  'io-error': () => 'خطأ في القراءة من القرص',
  'path-too-long': () => 'المسار طويل جدًا',
  'cannot-read': () => 'تعذّرت القراءة',
  'folder-unreadable': (p, f) =>
    `تعذّر فتح المجلد${p.reason ? `: ${wordMessage(ARABIC_WORDINGS, { code: String(p.reason) }, f)}` : ''}`,
  'broken-symlink': () => 'رابط رمزي مكسور (هدفه غير موجود)',
  'symlink-outside-archive': (p, f) => `رابط رمزي يقود إلى خارج الأرشيف (إلى ${f.user(param(p, 'target'))})؛ لم يُتبع`,
  'name-not-utf8-clash': (_, f) => `اسم الملف ليس بترميز ${f.syntax('UTF-8')} سليم ويُقرأ مثل اسم ملف آخر في مجلده: غيّر اسمه`,
  'folder-linked-twice': (p, f) => `المجلد نفسه ${f.user(param(p, 'first') || '.')} (مربوط مرتين)؛ قُرئ مرة واحدة`,
  'text-repaired': (p, f) => {
    const parts: string[] = [];
    if (Number(p.controls)) parts.push(`أُزيل من محارف التحكم الشاردة: ${f.number(Number(p.controls))}`);
    if (Number(p.undecodable)) parts.push(`عُرض مكان البايتات غير المقروءة \uFFFD: ${f.number(Number(p.undecodable))}`);
    return `أُصلح النص (${parts.join('؛ ')})`;
  },
  'entities-failed': (p) => `تعذّر استخراج الأسماء من ${PART[param(p, 'part')] ?? param(p, 'part')}؛ فُهرست المقالة دونها`,

  'unclosed-quote': () => 'علامة التنصيص الختامية ناقصة: قُرئ باقي البحث عبارةً واحدة.',
  'not-a-field': (p, f) => `«${f.user(param(p, 'text'))}» قبل علامة التنصيص ليس اسم حقل؛ فتُجوهل.`,
  'empty-quotes': () => 'تُجوهلت علامتا تنصيص فارغتان.',
  'lone-operator': (p, f) =>
    `تُجوهلت العلامة «${f.syntax(param(p, 'operator'))}» وحدها: ضعها ملاصقة لكلمة، مثل ${f.syntax('-كلمة')} أو ${f.syntax('+كلمة')}.`,
  'date-needs-value': (p, f) => {
    const name = param(p, 'field');
    const like = [`${name}:2021-11-26`, `${name}:2021-11`, `${name}:2021`].map(f.syntax);
    return `${f.syntax(`${name}:`)} يحتاج تاريخًا مثل ${like[0]} أو ${like[1]} أو ${like[2]}؛ فتُجوهل «${f.user(param(p, 'value'))}».`;
  },
  'field-needs-word': (p, f) =>
    `${f.syntax(`${param(p, 'field')}:`)} يحتاج كلمة بعده، مثل ${f.syntax(`${param(p, 'field')}:كلمة`)}؛ فتُجوهل.`,
  'fuzzy-too-far': (p, f) =>
    `يسمح البحث التقريبي بعدد من التعديلات أقصاه ${f.number(Number(p.max))}؛ فقُرئ ${f.syntax(`~${param(p, 'asked')}`)} على أنه ${f.syntax(`~${param(p, 'max')}`)}.`,
  'lone-wildcard': (_, f) => `العلامة ${f.syntax('*')} وحدها تطابق كل المقالات؛ أضف حروفًا قبلها، مثل ${f.syntax('اقتصا*')}.`,
  'no-letters': (p, f) => `«${f.user(param(p, 'text'))}» بلا حروف يُبحث عنها؛ فتُجوهل.`,
  'wildcard-and-fuzzy': (_, f) => `لا تكون الكلمة بحرف بدل وتقريبية معًا؛ فتُجوهلت ${f.syntax('~')}.`,
  'empty-date-range': (_, f) => `نطاق التاريخ فارغ: ${f.syntax('after:')} ليس قبل ${f.syntax('before:')}.`,
  'type-to-search': () => 'اكتب كلمة للبحث.',
  'only-common-words': () => 'لا شيء يُبحث عنه: كلمات البحث كلها كلمات شائعة (مثل «في» و«من»).',
  'no-archive-open': () => 'لا يوجد أرشيف مفتوح.',

  'indexing-cancelled': () => 'أُلغيت الفهرسة',
  'indexing-failed': () => 'فشلت الفهرسة',
  'parsing-file': (p, f) => `${f.user(param(p, 'path'))}: ${f.number(Number(p.done))}/${f.number(Number(p.total))}`,
};

function formatFor(locale: NumberLocale): WordingFormat {
  return { number: (n) => formatNumber(locale, n), size: (b) => formatSize(locale, b), syntax: syntaxRun, user: userRun };
}

const TABLES: Record<Lang, Wordings> = { ar: ARABIC_WORDINGS, en: ENGLISH_WORDINGS };

/** An engine message in the interface language, with isolated runs for MessageText. */
export function messageText(locale: NumberLocale, m: Message<string>): string {
  return wordMessage(TABLES[locale.lang], m, formatFor(locale));
}

