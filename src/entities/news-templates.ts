import type { ConllToken } from './training-data.js';

// Training sentences in the style of news reports. WikiFANE is encyclopaedic text; news names people
// in other frames ("وأعرب X عن", "نظيره الروسي X", "مع X وY"). These frames, filled with names that
// the training corpus itself annotates (never with names chosen for a test), teach the tagger those
// contexts. {PER} {LOC} {ORG} are names; {NAT} a nationality adjective; {TITLE} an office.

const TEMPLATES = [
  'قال الرئيس {NAT} {PER} ، اليوم ، إن بلاده تسعى إلى تعزيز العلاقات مع {LOC} .',
  'التقى {TITLE} {NAT} {PER} ، الجمعة ، نظيره {NAT} {PER} في مدينة {LOC} .',
  'وأعرب {PER} عن امتنانه لمستوى العلاقات بين البلدين .',
  'وأكد {PER} أن {LOC} تعمل على تعزيز التعاون مع {LOC} .',
  'وأشار {PER} إلى أن المحادثات مع {PER} كانت مثمرة .',
  'وتطرق {PER} إلى الأوضاع في {LOC} .',
  'ومن المرتقب أن يعقد {PER} اجتماعا مع {PER} و{PER} في {LOC} .',
  'وقع {TITLE} {NAT} {PER} ونظيره {NAT} {PER} مذكرة تفاهم في {LOC} .',
  'وقال {PER} في تصريح لوكالة {ORG} إن الوضع مستقر .',
  'ذكرت {ORG} أن {PER} وصل إلى {LOC} في زيارة رسمية .',
  'وبحث {PER} مع {TITLE} {NAT} {PER} سبل التعاون بين {LOC} و{LOC} .',
  'وشدد {PER} على ضرورة الحوار ، وفق مراسل {ORG} .',
  'أعلنت {ORG} ، في بيان ، أن {PER} سيزور {LOC} الأسبوع المقبل .',
  'واستقبل {PER} في {LOC} وفدا من {ORG} .',
  'وكان {PER} قد صرح بأن {LOC} لن تتراجع عن موقفها .',
  'من جهته ، قال {TITLE} {PER} إن {ORG} ستواصل عملها .',
  'وأضاف {PER} : " نحن ملتزمون بالاتفاق " .',
  'بدوره ، أعرب {PER} عن أمله في التوصل إلى حل .',
  'وتابع {PER} أن {LOC} و{LOC} تربطهما علاقات تاريخية .',
  'وانتقد {PER} موقف {ORG} من الأزمة في {LOC} .',
  'اجتمع {PER} و{PER} في {LOC} لبحث الملف .',
  'وصرح {TITLE} {NAT} {PER} للصحفيين في {LOC} بأن المفاوضات ستستأنف .',
  'ونقلت {ORG} عن {PER} قوله إن القوات انسحبت من {LOC} .',
  'وفي اتصال هاتفي مع {PER} ، أكد {PER} دعم بلاده .',
  'وصل {PER} إلى {LOC} قادما من {LOC} .',
  'وتشهد {LOC} توترا منذ أشهر ، بحسب {ORG} .',
  'ويرى {PER} أن الانتخابات في {LOC} ستجري في موعدها .',
  'وطالب {PER} {ORG} بالتدخل .',
  'وكشف {PER} ، رئيس {ORG} ، عن خطة جديدة .',
  'وزار {PER} مقر {ORG} في {LOC} .',
  'وفي وقت سابق ، وقع {TITLE} {NAT} {PER} ، ونظيره {NAT} {PER} ، اتفاقا لوقف إطلاق النار .',
  'والتقى {TITLE} {NAT} {PER} نظيره {NAT} {PER} على هامش القمة .',
  'وأجرى {PER} محادثات مع {PER} تناولت الوضع في {LOC} .',
  'ورحب {PER} بقرار {ORG} .',
  'وحضر اللقاء {TITLE} {PER} و{TITLE} {PER} .',
  'وأوضح {PER} أن حجم التبادل التجاري بين {LOC} و{LOC} ارتفع .',
  'وهنأ {PER} نظيره {PER} بفوزه في الانتخابات .',
  'وفي {LOC} ، قال {PER} إن الحكومة ستعلن عن إجراءات جديدة .',
  'ودعا {PER} إلى عقد اجتماع طارئ لـ {ORG} .',
  'وأفاد مراسل {ORG} في {LOC} بأن الاشتباكات توقفت .',
  'ويشارك في الاجتماع ممثلون عن {ORG} و{ORG} .',
  'وتولى {PER} منصب {TITLE} في {LOC} عام 2015 .',
  'استقبل {TITLE} {NAT} {PER} ، الثلاثاء ، نظيره {NAT} {PER} في {LOC} .',
  'وبحث {TITLE} {NAT} {PER} ، مع نظيره {NAT} {PER} ، التطورات في {LOC} .',
  'وتلقى {PER} اتصالا من نظيره {NAT} {PER} .',
  'ويلتقي {PER} و{PER} في {LOC} .',
  '{PER} و{PER} يبحثان الأزمة في {LOC}',
  'وجاءت تصريحات {PER} خلال مؤتمر صحفي مشترك مع نظيره {NAT} {PER} في {LOC} .',
];

const NATIONALITIES = [
  'الروسي', 'التركي', 'الأمريكي', 'الفرنسي', 'المصري', 'التونسي', 'الجزائري', 'المغربي', 'السعودي',
  'الإيراني', 'العراقي', 'السوري', 'اللبناني', 'الأردني', 'الألماني', 'البريطاني', 'الصيني', 'الياباني',
  'الإيطالي', 'الإسباني', 'القطري', 'الليبي', 'السوداني', 'اليمني', 'الأوكراني', 'الباكستاني', 'الهندي',
  'الأذربيجاني', 'الأرميني', 'الجورجي', 'الكازاخي', 'الأوزبكي', 'البيلاروسي', 'البولندي', 'الروماني', 'اليوناني',
  'القبرصي', 'البرازيلي', 'الأرجنتيني', 'المكسيكي', 'الكندي', 'الأسترالي', 'الكوري', 'الإندونيسي', 'الماليزي',
  'الأفغاني', 'الكويتي', 'الإماراتي', 'البحريني', 'العماني', 'الموريتاني', 'الصومالي', 'الإثيوبي', 'النيجيري',
  'الكيني', 'السنغالي', 'المالي', 'التشادي', 'الفلسطيني', 'الإسرائيلي', 'السويدي', 'النرويجي', 'الهولندي',
  'البلجيكي', 'السويسري', 'النمساوي', 'المجري', 'التشيكي', 'الصربي', 'البوسني', 'الألباني', 'البلغاري',
];

const TITLES = ['الرئيس', 'وزير الخارجية', 'وزير الدفاع', 'رئيس الوزراء', 'رئيس الحكومة', 'وزير الداخلية', 'السفير', 'وزير الاقتصاد'];

/** Names by type, as token lists, from the annotated corpus. */
export interface NamePools {
  PER: string[][];
  LOC: string[][];
  ORG: string[][];
}

/** Entity token sequences of a BIO corpus, by coarse type (PER, GPE/LOC, ORG). */
export function namePools(sentences: ConllToken[][]): NamePools {
  const pools: NamePools = { PER: [], LOC: [], ORG: [] };
  const seen = new Set<string>();
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const m = /^B-(PER|GPE|LOC|ORG)$/.exec(s[i].tag);
      if (!m) continue;
      const type = m[1] === 'GPE' ? 'LOC' : (m[1] as 'PER' | 'LOC' | 'ORG');
      let j = i + 1;
      while (j < s.length && s[j].tag === `I-${m[1]}`) j++;
      const words = s.slice(i, j).map((t) => t.text);
      const key = type + words.join(' ');
      if (words.length <= 4 && !seen.has(key) && words.every((w) => /^[\u0621-\u064a]+$/.test(w))) {
        seen.add(key);
        pools[type].push(words);
      }
      i = j - 1;
    }
  }
  return pools;
}

/** `count` news-style sentences in the corpus's own (clitic-segmented) token format. */
export function newsSentences(pools: NamePools, count: number, random: () => number): ConllToken[][] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const out: ConllToken[][] = [];
  for (let n = 0; n < count; n++) {
    const tokens: ConllToken[] = [];
    for (const piece of pick(TEMPLATES).split(' ')) {
      const m = /^(و|ل|ب)?\{(PER|LOC|ORG|NAT|TITLE)\}$/.exec(piece);
      if (!m) {
        tokens.push({ text: piece, tag: 'O' });
        continue;
      }
      if (m[1]) tokens.push({ text: m[1], tag: 'O' });
      const slot = m[2];
      if (slot === 'NAT') tokens.push({ text: pick(NATIONALITIES), tag: 'O' });
      else if (slot === 'TITLE') for (const w of pick(TITLES).split(' ')) tokens.push({ text: w, tag: 'O' });
      else {
        const tag = slot === 'LOC' ? 'GPE' : slot;
        pick(pools[slot as keyof NamePools]).forEach((w, k) => tokens.push({ text: w, tag: `${k === 0 ? 'B' : 'I'}-${tag}` }));
      }
    }
    out.push(tokens);
  }
  return out;
}
