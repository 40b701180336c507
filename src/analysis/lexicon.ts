import { normalize } from './normalize.js';

// Words whose first letter(s) look like an attached conjunction/preposition (و ف ب ك ل) but belong to the word,
// frequent in news. Their stem is found with the front left intact (لجنة → لجن, not جن; بلاغ stays بلاغ).
// Also people and places that begin with those letters.
const PROTECTED_WORDS = `
بوتين بايدن بلينكن بوريل بينيت بولندا بلجيكا بلغاريا بنغلاديش بيلاروسيا بوليفيا بيرو بكين بيروت باريس برلين
بروكسل بغداد باكو باكستان بنغازي بيت بومبيو بوش بلير بوتفليقة بشار بريطانيا لبنان ليبيا لندن لافروف لوكاشينكو
لاهاي لاغوس ليتوانيا لاتفيا لوكسمبورغ لشبونة فلسطين فرنسا فنزويلا فنلندا فيتنام فيينا فلاديمير فيدان فاغنر
فيسبوك فايسبوك فايزر فرانكفورت فلوريدا كندا كوريا كوبا كولومبيا كينيا كازاخستان كابول كييف كراكاس كاراباخ كركوك
الكويت كاتالونيا كرواتيا كوسوفو الكرملين كيري واشنطن وارسو ويلز باشينيان بيسكوف بينيت
بوغدانوف بيلوسي بولتون فوتشيتش كيشيناو كامالا كاميرون لوبان ليون البحرين
لجنة لقاء بقاء بيان برلمان بريد فريق فكرة فترة فرصة فصل كتاب كاتب كتب كلمة كبير كريم كرة بلد بلاد
وزير وزارة وكالة ولاية وحدة وطن وثيقة وثائق وفاة وقت وفد وسط وضع وصل وقف وجه ورقة وسائل وظائف وقائع
وجود وراء وقوع وليد وصول وكيل ورود وسيلة واحد واحدة واسع واسعة والد واضح واقع واجب وعود وعد
برنامج برامج بلاغ بطولة بطولات بناء بطاقة بطاقات بندقية بنادق بعيد برمجة باحث باخرة بائع بادرة بارد بالغ بحار
بحيرة بحوث بديل بسيط بطالة بضاعة بضائع بيضاء بنوك بنك بورصة بوابة
لحوم لجان لجوء لسان لطيف لواء لغات لغة لاعب لاعبة لائحة لاجئ لقاح
فيديو فيلم فساد فضاء فعاليات فيصل فلاحة فلاح فيروس فيضان فندق فنادق فنان
كامل كارثة كائن كمين كثير كثيف كنيسة كرامة كوكب كهرباء كلام كبار كمال كاميرا كيلوغرام
بلدان وظيفة وظيفي وحيد وفاق ولادة وقوف وقود بترول بترولي فوضى كوكايين بكالوريا باكالوريا برازيل بطارية كوارث
كيمياء كيميائي كتائب بلاستيك بلاستيكي وقاية وقائي بنود فصائل وفاء فقراء لوجستي بيطري ليالي برتقال كواكب كواليس
وسيط وسطاء فوائض فواتير بيولوجي ولوج بوصلة بركان بيوت فوائد بروتوكول بلور برونز بكتيريا فيدرالي كونفدرالي وضوح
كليب بقاع كوميدي وخيم لباس باليستي لوائح فيزياء كوادر بلبلة برودة فلسفة بذور بساطة بساط بدائل وسائط وفود لاتيني
وراثي كمبيوتر كومبيوتر كلاسيكو فسفاط
`;

// Given names ending in ي that would otherwise meet another word (فتحي/فتح, حمدي/حمد): indexed whole.
const NAMES = `
فتحي حمدي مجدي رامي سامي هاني شكري صبري لطفي رمزي فوزي حسني ناجي عوني مرسي زكي راضي
`;

// Explicit stems, and spellings and common broken plurals mapped onto them: `stem=variant=variant` (normalized
// forms, e.g. سنو is سنوات without its ending).
const STEMS = `
الله الهام المان تشرين كانون قانون زيتون صابون ماكرون هارون
مءه=ماءه
عشرين=عشرون ثلاثين=ثلاثون اربعين=اربعون خمسين=خمسون ستين=ستون سبعين=سبعون ثمانين=ثمانون تسعين=تسعون
اثنين=اثنان اثنتين=اثنتان مليون=ملايين بليون مليار=مليارات الف=الاف
عام=اعوام يوم=ايام سنه=سنو اسبوع=اسابيع رءيس=رءساء وزير=وزراء طفل=اطفال شخص=اشخاص قوه=قوات
`;

/**
 * Normalized core → the stem it is indexed under. `listedStem` is the stemmer's reading of a lexicon word (nothing
 * cut from the front): passed in, since the stemmer itself consults this map.
 */
export function buildLexicon(listedStem: (norm: string) => string): Map<string, string> {
  const map = new Map<string, string>();
  for (const word of PROTECTED_WORDS.split(/\s+/)) {
    if (!word) continue;
    let norm = normalize(word);
    if (norm.startsWith('ال')) norm = norm.slice(2);
    const stem = listedStem(norm);
    map.set(stem, stem);
  }
  for (const name of NAMES.split(/\s+/)) {
    if (name) map.set(normalize(name), normalize(name));
  }
  for (const entry of STEMS.split(/\s+/)) {
    if (!entry) continue;
    const [stem, ...variants] = entry.split('=').map(normalize);
    map.set(stem, stem);
    for (const v of variants) map.set(v, stem);
  }
  return map;
}
