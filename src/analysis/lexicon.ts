import { normalize } from './normalize.js';

// Stems the light stemmer must not cut into: names and common words that begin with letters which look like
// attached prepositions (ب ل ك ف و) or end with letters that look like suffixes. Each entry is the stem every
// inflected and clitic form meets at (e.g. بريطان for بريطانيا / البريطاني / والبريطانيين).
// `variant=stem` maps another spelling onto the same stem.
const ENTRIES = `
بوتين بايدن بلينكن بوريل بينيت بولندا بلجيك بلغار بنغلاديش بيلاروس بوليفي بيرو بكين بيروت باريس برلين بروكسل
بغداد باكو باكستان بنغازي بيت لحم برشلون بورتسودان بيشاور بومبيو بوش بلير بوتفليقه بشار
بريطان لبنان ليب لندن لافروف لوكاشينكو لاهاي لاغوس ليتوان لاتفي لوكسمبورغ لشبون لوس
فلسطين فرنس فنزويل فنلند فيتنام فيين فلادي فلاديمير فيدان فاغنر فيسبوك فايزر فرانكفورت فلوريد
كند كور كوب كولومبي كيني كازاخستان كابول كييف كراكاس كاراباخ كركوك كويت كاتالوني كرواتي كوسوفو كرملين كيري
واشنطن وارسو ويلز ولايات وكال وزير وزار وحد وطن ولاي وثيق وفا وقت وفد وسط وضع وصل وقف وجه ورق
لجن لقاء بقاء بيان برلمان بريد فريق فكر فتر فرص فصل كتاب كاتب كتب كلم كبير كريم كرة بلد بلاد بلدي
الله الهام المان
عشرين=عشرون ثلاثين=ثلاثون اربعين=اربعون خمسين=خمسون ستين=ستون سبعين=سبعون ثمانين=ثمانون تسعين=تسعون
اثنين=اثنان اثنتين=اثنتان مليون ملايين بليون مليار مليارات
`;

function build(): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of ENTRIES.split(/\s+/)) {
    if (!entry) continue;
    const [stem, ...variants] = entry.split('=').map(normalize);
    map.set(stem, stem);
    for (const v of variants) map.set(v, stem);
  }
  return map;
}

/** Normalized core → the stem it is indexed under. */
export const LEXICON: ReadonlyMap<string, string> = build();
