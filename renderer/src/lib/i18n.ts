// The interface's words in Arabic and English. Article text is never translated.
import type { EntityType, IndexPhase } from '../../../src/api.js';
import type { Lang } from './settings.js';

const en = {
  appTitle: 'Archive Reader',
  searchLabel: 'Search the archive',
  searchPlaceholder: 'Search… (Ctrl+K)',
  clearSearch: 'Clear search',
  queryHelp: 'Query syntax',
  close: 'Close',
  matchDiacritics: 'Match diacritics',
  matchHamza: 'Match hamza',
  strictness: 'Search strictness',
  language: 'Language',
  switchLanguage: 'العربية',
  theme: 'Theme',
  themeLight: 'Light',
  themeDark: 'Dark',
  themeSepia: 'Sepia',
  library: 'Library',
  articles: 'articles',
  articleCount: '{n} articles',
  resultCount: '{n} results ({full} with every word)',
  noResults: 'No article matches this query.',
  sortBy: 'Sort by',
  sortDate: 'Date',
  sortTitle: 'Title',
  sortSource: 'Source',
  sortRelevance: 'Relevance',
  descending: 'Descending',
  ascending: 'Ascending',
  filters: 'Filters',
  sources: 'Sources',
  years: 'Years',
  entities: 'Entities',
  clearFilters: 'Clear filters',
  loading: 'Loading…',
  partial: 'partial match',
  partialTitle: 'This article lacks some of the query words',
  fromNotes: 'in your notes',
  indexing: 'Indexing',
  phase_idle: 'Idle',
  phase_scanning: 'Scanning the folder',
  phase_parsing: 'Reading articles',
  phase_indexing: 'Indexing',
  phase_saving: 'Saving the index',
  phase_done: 'Up to date',
  phase_cancelled: 'Indexing cancelled',
  phase_error: 'Indexing failed',
  cancel: 'Cancel',
  reindex: 'Re-index',
  failedFiles: 'Files that could not be read: {n}',
  openArchive: 'Open an archive folder',
  recentArchives: 'Recent archives',
  archivePath: 'Folder path',
  open: 'Open',
  noArchive: 'No archive is open.',
  indexingWait: 'The folder is being indexed; its articles appear here as soon as indexing finishes.',
  emptyArchive: 'No articles were found in this folder (.txt, .md, .html, .json and .jsonl files are read).',
  emptyTitle: 'Search your archive',
  emptyIntro: 'Type a word, a name or a phrase. Hamza, diacritics and attached prefixes (و، ال، ب…) are handled for you. Try:',
  reader: 'Article',
  closeReader: 'Close article (Esc)',
  source: 'Source',
  location: 'Place',
  date: 'Date',
  link: 'Original link',
  fontSize: 'Font size',
  smaller: 'Smaller text',
  larger: 'Larger text',
  lineSpacing: 'Line spacing',
  tighter: 'Tighter lines',
  looser: 'Looser lines',
  hideDiacritics: 'Hide diacritics',
  hits: 'Matches',
  hitPosition: 'match {i} of {n}',
  noHits: 'no matches in this article',
  prevHit: 'Previous match',
  nextHit: 'Next match',
  entityLegend: 'Highlighted entities',
  entityPanel: 'Names in this article',
  showEntityPanel: 'Show names',
  searchFor: 'Search the archive for {name}',
  type_PERSON: 'People',
  type_LOCATION: 'Places',
  type_ORGANIZATION: 'Organisations',
  type_DATE: 'Dates',
  noEntities: 'No names were found in this article.',
  error: 'Error',
  retry: 'Retry',
  help_words: 'all words (articles missing some come after, marked partial)',
  help_required: 'must contain this word',
  help_phrase: 'exact phrase',
  help_exclude: 'must not contain this word',
  help_prefix: 'words starting with…',
  help_fuzzy: 'allow one typo',
  help_title: 'word in the title',
  help_source: 'from this source',
  help_person: 'articles naming this person',
  help_place: 'articles naming this place',
  help_org: 'articles naming this organisation',
  help_dates: 'published after / before a date',
  help_note: 'Hamza (أ إ آ ء ؤ ئ), alef maqsura, ta marbuta and diacritics are ignored unless you tick the strictness boxes.',
} as const;

export type MessageKey = keyof typeof en;

const ar: Record<MessageKey, string> = {
  appTitle: 'قارئ الأرشيف',
  searchLabel: 'البحث في الأرشيف',
  searchPlaceholder: 'ابحث… (Ctrl+K)',
  clearSearch: 'مسح البحث',
  queryHelp: 'صيغة البحث',
  close: 'إغلاق',
  matchDiacritics: 'مطابقة التشكيل',
  matchHamza: 'مطابقة الهمزة',
  strictness: 'دقة البحث',
  language: 'اللغة',
  switchLanguage: 'English',
  theme: 'المظهر',
  themeLight: 'فاتح',
  themeDark: 'داكن',
  themeSepia: 'بني',
  library: 'المكتبة',
  articles: 'مقالات',
  articleCount: '{n} مقالة',
  resultCount: '{n} نتيجة ({full} تحتوي كل الكلمات)',
  noResults: 'لا توجد مقالة تطابق هذا البحث.',
  sortBy: 'الترتيب حسب',
  sortDate: 'التاريخ',
  sortTitle: 'العنوان',
  sortSource: 'المصدر',
  sortRelevance: 'الصلة',
  descending: 'تنازلي',
  ascending: 'تصاعدي',
  filters: 'التصفية',
  sources: 'المصادر',
  years: 'السنوات',
  entities: 'الأسماء',
  clearFilters: 'إزالة التصفية',
  loading: 'جارٍ التحميل…',
  partial: 'تطابق جزئي',
  partialTitle: 'تنقص هذه المقالة بعض كلمات البحث',
  fromNotes: 'في ملاحظاتك',
  indexing: 'الفهرسة',
  phase_idle: 'في الانتظار',
  phase_scanning: 'فحص المجلد',
  phase_parsing: 'قراءة المقالات',
  phase_indexing: 'الفهرسة',
  phase_saving: 'حفظ الفهرس',
  phase_done: 'الفهرس محدَّث',
  phase_cancelled: 'أُلغيت الفهرسة',
  phase_error: 'فشلت الفهرسة',
  cancel: 'إلغاء',
  reindex: 'إعادة الفهرسة',
  failedFiles: 'ملفات تعذّرت قراءتها: {n}',
  openArchive: 'افتح مجلد أرشيف',
  recentArchives: 'الأرشيفات الأخيرة',
  archivePath: 'مسار المجلد',
  open: 'فتح',
  noArchive: 'لا يوجد أرشيف مفتوح.',
  indexingWait: 'تجري فهرسة المجلد؛ ستظهر مقالاته هنا فور انتهاء الفهرسة.',
  emptyArchive: 'لم يُعثر على مقالات في هذا المجلد (تُقرأ ملفات ‎.txt و‎.md و‎.html و‎.json و‎.jsonl).',
  emptyTitle: 'ابحث في أرشيفك',
  emptyIntro: 'اكتب كلمة أو اسمًا أو عبارة. الهمزة والتشكيل والسوابق المتصلة (و، ال، ب…) تُعالج تلقائيًا. جرّب:',
  reader: 'المقالة',
  closeReader: 'إغلاق المقالة (Esc)',
  source: 'المصدر',
  location: 'المكان',
  date: 'التاريخ',
  link: 'الرابط الأصلي',
  fontSize: 'حجم الخط',
  smaller: 'تصغير الخط',
  larger: 'تكبير الخط',
  lineSpacing: 'تباعد الأسطر',
  tighter: 'تقليل التباعد',
  looser: 'زيادة التباعد',
  hideDiacritics: 'إخفاء التشكيل',
  hits: 'المطابقات',
  hitPosition: 'المطابقة {i} من {n}',
  noHits: 'لا مطابقات في هذه المقالة',
  prevHit: 'المطابقة السابقة',
  nextHit: 'المطابقة التالية',
  entityLegend: 'الأسماء المميَّزة',
  entityPanel: 'الأسماء في هذه المقالة',
  showEntityPanel: 'إظهار الأسماء',
  searchFor: 'البحث في الأرشيف عن {name}',
  type_PERSON: 'أشخاص',
  type_LOCATION: 'أماكن',
  type_ORGANIZATION: 'منظمات',
  type_DATE: 'تواريخ',
  noEntities: 'لم يُعثر على أسماء في هذه المقالة.',
  error: 'خطأ',
  retry: 'إعادة المحاولة',
  help_words: 'كل الكلمات (المقالات التي تنقصها كلمات تأتي بعدها بعلامة «جزئي»)',
  help_required: 'يجب أن تحتوي هذه الكلمة',
  help_phrase: 'عبارة مطابقة',
  help_exclude: 'يجب ألا تحتوي هذه الكلمة',
  help_prefix: 'كلمات تبدأ بـ…',
  help_fuzzy: 'السماح بخطأ إملائي واحد',
  help_title: 'كلمة في العنوان',
  help_source: 'من هذا المصدر',
  help_person: 'مقالات تذكر هذا الشخص',
  help_place: 'مقالات تذكر هذا المكان',
  help_org: 'مقالات تذكر هذه المنظمة',
  help_dates: 'منشورة بعد / قبل تاريخ',
  help_note: 'تُتجاهل الهمزة (أ إ آ ء ؤ ئ) والألف المقصورة والتاء المربوطة والتشكيل ما لم تختر مطابقتها.',
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, ar };

export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = dictionaries[lang][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => formatParam(lang, params[name]));
}

function formatParam(lang: Lang, value: string | number | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'number' ? formatNumber(lang, value) : value;
}

/** A count in the UI language's digits. */
export function formatNumber(lang: Lang, n: number): string {
  return n.toLocaleString(lang === 'ar' ? 'ar-EG' : 'en-US');
}

export function phaseKey(phase: IndexPhase): MessageKey {
  return `phase_${phase}` as MessageKey;
}

export function entityTypeKey(type: EntityType): MessageKey {
  return `type_${type}` as MessageKey;
}

export function directionOf(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** Example queries for the empty state and the help popover (clicking one runs it). */
export const QUERY_EXAMPLES: { query: string; help: MessageKey }[] = [
  { query: 'اذربيجان أرمينيا', help: 'help_words' },
  { query: '+موسكو روسيا', help: 'help_required' },
  { query: '"وزير الخارجية"', help: 'help_phrase' },
  { query: 'النفط -أوبك', help: 'help_exclude' },
  { query: 'اقتصاد*', help: 'help_prefix' },
  { query: 'بوتن~1', help: 'help_fuzzy' },
  { query: 'title:الانتخابات', help: 'help_title' },
  { query: 'source:الجزيرة', help: 'help_source' },
  { query: 'person:"فلاديمير بوتين"', help: 'help_person' },
  { query: 'place:موسكو', help: 'help_place' },
  { query: 'org:"الأمم المتحدة"', help: 'help_org' },
  { query: 'after:2020-01-01 before:2021-12-31', help: 'help_dates' },
];

/** Date for display, in the UI language's digits (the stored form stays ISO). */
export function formatDate(lang: Lang, iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, hh, mm] = m;
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1, hh ? Number(hh) : 0, mm ? Number(mm) : 0));
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC' };
  if (mo) options.month = 'short';
  if (d) options.day = 'numeric';
  if (hh) Object.assign(options, { hour: '2-digit', minute: '2-digit' });
  return new Intl.DateTimeFormat(lang === 'ar' ? 'ar-EG' : 'en-GB', options).format(date);
}
