// A made-up Arabic news article of a given size, for the large-article test and benchmark: sentences full of
// people, places, organisations and dates (what the entity tagger and the date finder work on), in paragraphs.
const PEOPLE = ['محمد العلوي', 'فلاديمير بوتين', 'إلهام علييف', 'نيكول باشينيان', 'رجب طيب أردوغان', 'سامح شكري', 'أنطونيو غوتيريش', 'عبد الله الثاني'];
const PLACES = ['تونس', 'القاهرة', 'موسكو', 'باكو', 'يريفان', 'أنقرة', 'سوتشي', 'بيروت', 'الرباط', 'عمان'];
const ORGS = ['الأمم المتحدة', 'وزارة الصحة', 'الاتحاد الأوروبي', 'جامعة الدول العربية', 'البنك الدولي', 'وكالة الأناضول'];
const MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
const WEEKDAYS = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];

type Pick = <T>(list: readonly T[]) => T;

const SENTENCES: ((pick: Pick, n: () => number) => string)[] = [
  (p, n) => `قال ${p(PEOPLE)} في ${p(PLACES)} يوم ${p(WEEKDAYS)} ${1 + (n() % 28)} ${p(MONTHS)} ${2000 + (n() % 24)} إن المحادثات مع ${p(ORGS)} كانت مثمرة.`,
  (p) => `وأعلنت ${p(ORGS)} عن خطة جديدة لدعم المستشفيات والمدارس في ${p(PLACES)} و${p(PLACES)} خلال العام المقبل.`,
  (p, n) => `والتقى ${p(PEOPLE)} بنظيره ${p(PEOPLE)} في ${p(PLACES)} لبحث العلاقات الثنائية منذ ${1990 + (n() % 30)}.`,
  (p, n) => `وأكد المتحدث باسم ${p(ORGS)} أن ${n() % 900} شخصا وصلوا إلى ${p(PLACES)} في ${1 + (n() % 28)}/${1 + (n() % 12)}/${2000 + (n() % 24)}.`,
  (p) => `ودعا ${p(PEOPLE)} الأطراف كافة إلى احترام وقف إطلاق النار والعودة إلى طاولة الحوار في أقرب وقت ممكن.`,
  (p) => `وذكرت ${p(ORGS)} أن الوضع الإنساني في ${p(PLACES)} يزداد صعوبة مع ارتفاع الأسعار وانقطاع الكهرباء.`,
];

/** An article of about `bytes` bytes of UTF-8 (title line, blank line, paragraphs), the same for the same size. */
export function largeArabicArticle(bytes: number): string {
  let seed = 12345;
  const n = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed >>> 8;
  };
  const pick: Pick = (list) => list[n() % list.length];
  const parts = ['مقالة طويلة عن أخبار المنطقة\n\n'];
  let size = Buffer.byteLength(parts[0]);
  while (size < bytes) {
    const sentences = Array.from({ length: 3 + (n() % 4) }, () => SENTENCES[n() % SENTENCES.length](pick, n));
    const paragraph = sentences.join(' ') + '\n\n';
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph);
  }
  return parts.join('');
}
