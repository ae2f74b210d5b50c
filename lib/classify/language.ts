/**
 * Which language a post is in, enough to know whether the model (English only) may label it.
 * The site's own tag (X's `lang`) wins when it names a language; otherwise the script, a count
 * of common function words per language and a language's own letters ("ñ", "ş") decide. Short
 * posts with no evidence count as English.
 */
import { bareUrlEnd, isLabelCode, isUrlStart, urlRunEnd } from './url-start';

export const KNOWN_LANGUAGES = ['en'] as const;

/** X's tags that name no language: undetermined, media only, hashtags only, and so on. */
const NO_LANGUAGE_TAGS = new Set(['', 'und', 'qme', 'qam', 'qct', 'qht', 'qst', 'zxx', 'art', 'mul']);

/**
 * Function words per language. The English list is also the set of words never shown alone as
 * reasons (T_FUNCTION in the scanner). "as" is Portuguese too: without it (and the other common
 * English words at the end of the list) English posts full of "as" and "a" were read as
 * Portuguese and left unclassified: 11 of the 52,000 English posts of the committed data sets,
 * none of the non-English posts among 5,000 twcs tweets changing.
 */
const STOPWORDS: Record<string, Set<string>> = {
  en: new Set('the a an and or but is are was were be been have has had do does did i you he she it we they my your our their this that these those to of in on for with at from by not no can will would should could my me us them what why how when where who there here just so get got please thanks thank as if all about its than then too very into out up over after because am'.split(' ')),
  es: new Set('el la los las un una y o pero es son fue está están estoy ser tengo tiene de del en con por para que qué no sí mi mis tu su nos muy pero como cuando donde gracias hola también ya me se lo le ha han he hay al nada nadie todo esto esta este pero porque desde ayer hoy alguien puede puedo necesito usted ustedes eso ese aquí todavía aún nunca siempre dónde cómo habéis hemos otra otro vez llevo días les tus pues ni'.split(' ')),
  fr: new Set("le la les un une et ou mais est sont était suis être avoir ai a de du des en dans avec pour que qui ne pas mon ma mes ton votre vous nous je il elle ce cette merci bonjour très aussi déjà au aux ont sur mais plus rien personne toujours depuis hier aujourd'hui jamais quelqu'un peut pouvez besoin ça c'est j'ai n'est cela ici où quand pourquoi vos leur fait faire été avez avons moi toi chez sans donc alors oui".split(' ')),
  de: new Set('der die das ein eine und oder aber ist sind war bin sein habe hat ich du er sie es wir ihr mein meine dein nicht kein mit für von zu auf im den dem danke bitte auch schon noch wieder immer seit gestern heute jemand niemand kann können warum wie wo wann nichts mehr sehr jetzt dass wenn weil mich mir dich dir uns euch keine keinen geht gibt haben hatte wird werden wurde zum zur beim vom bei nach über hier alle'.split(' ')),
  pt: new Set('o a os as um uma e ou mas é são foi está estou ser tenho tem de do da dos das em no na com por para que não sim meu minha seu sua nós muito obrigado obrigada olá também já sem desde ontem hoje alguém ninguém nada pode posso preciso você vocês vc vcs isso isto esse essa aqui ainda nunca sempre quando onde porque pra pelo pela ao aos até depois agora estava estão tá né pq'.split(' ')),
  it: new Set("il lo la i gli le un una e o ma è sono era sto essere ho ha di del della in con per che non sì mio mia tuo suo noi molto grazie ciao anche già ancora mai ieri oggi qualcuno nessuno nessuna niente può posso aiuto perché quando questo questa quello qui adesso più dopo prima senza dal dalla nel nella sul sulla alla dei degli delle un'ora".split(' ')),
  nl: new Set('de het een en of maar is zijn was ben ik jij hij zij wij mijn jouw niet geen met voor van op te dank bedankt alsjeblieft ook al nog dit deze wat waarom waar wanneer altijd nooit gisteren vandaag iemand niemand niets kunnen helpen heb hebben heeft wordt worden werd keer mij jullie uw onze dus omdat naar bij uit toch hier'.split(' ')),
  // Languages written in Latin letters that brands hear from often, as tagged on X (Indonesian
  // "id", Tagalog "tl"), with no word that is also a common English one ("size", "her", "din", "at").
  id: new Set('yang dan di ke dari ini itu tidak tak saya aku kamu anda kami kita dengan untuk sudah udah belum bisa tolong mohon terima kasih kenapa mengapa bagaimana gimana sangat juga lagi masih tapi atau karena pada akan harus sejak sampai pagi kak gak nggak sih nya'.split(' ')),
  tl: new Set('ang ng mga sa ay ko mo ako ikaw siya tayo sila hindi wala mayroon pa rin lang naman po opo salamat kasi yung ito niyo namin natin nila kayo hanggang ngayon bakit paano kailan saan sana talaga kung dahil na'.split(' ')),
  tr: new Set('bir ve bu çok için ile gibi daha kadar var yok hala hâlâ değil mi mı mu mü neden nasıl lütfen teşekkürler teşekkür merhaba hiç şu olarak sonra önce şimdi bana beni benim sizin siz iki hiçbir ne de da ki artık yine tekrar oldu olan'.split(' ')),
  sv: new Set('och att det som på är för med inte jag ett har också redan fortfarande ingen inget aldrig varför hur när vad tack hej mitt mina mig'.split(' ')),
  da: new Set('og jeg ikke havde hun hvor eller hvad skal selv blev kunne være mig dig hvorfor hvordan tak hej også allerede stadig aldrig nu når fra'.split(' ')),
  no: new Set('og jeg ikke ikkje hun hvor eller hva skal selv ble kunne være meg deg hvorfor hvordan takk hei også allerede fortsatt aldri nå når fra noe'.split(' ')),
  pl: new Set('się nie że jak przez dla już jeszcze mnie mój moja moje czy bo tylko dlaczego dziękuję dzięki proszę cześć nic nikt był była było są gdzie kiedy jestem juz sie dziekuje prosze'.split(' ')),
  ro: new Set('și în să este sunt pentru că dar mea meu vă mulțumesc multumesc nimeni nimic încă inca acum azi astăzi'.split(' ')),
  cs: new Set('je že jak jsem jsou mě můj moje proč děkuji díky prosím ahoj nic nikdo už ještě kde kdy není nemám mám'.split(' ')),
  hu: new Set('és hogy nem egy volt már még csak mert én nekem köszönöm kérem szia miért hogyan hol mikor semmi senki itt ott nincs'.split(' ')),
  fi: new Set('ja ei että oli ole olen mutta kun niin kuin minä sinä hän minun sinun kiitos moi miksi miten missä milloin mitään kukaan vielä taas tämä siitä ollut olla'.split(' ')),
  // Hindi and Urdu as written in Latin letters on Twitter ("mera recharge nahi hua"), tagged "hi".
  hi: new Set('hai hain nahi nhi nahin mera meri mere kya kyu kyun kyon aap apna apni apne karo kiya kiye hua hui raha rahi rahe mein bhi abhi tak woh koi kuch bahut bohot bhai hoon thi lekin aur toh kab kaise kahan sab gaya gayi diya liya wala wali wale yaar ko ka ki ke se'.split(' ')),
  ca: new Set("amb els les però és són està estic tinc té del dels què quan perquè gràcies bon dia avui ahir encara mai ningú també molt més puc necessito ajuda vostè vosaltres això aquí".split(' ')),
  sw: new Set('na wa kwa ni hii hiyo sana asante tafadhali nini kwenye lakini wewe yeye sisi nyinyi wao bado tena kesho hakuna sijui nataka naomba mbona kazi huduma pesa kama kuna'.split(' ')),
  vi: new Set('không của và là có được cho này với một những các tôi bạn chúng đã đang sẽ rất cũng nhưng vì khi ở thì mà gì sao xin cảm ơn chưa vẫn'.split(' ')),
};

/**
 * Letters that English does not use and a language written in Latin letters does ("ñ", "ã",
 * "ş"): beside a word of that language they are a second piece of evidence ("@Turkcell internetim
 * iki gündür çalışmıyor" has one Turkish function word). One point however many: an English post
 * naming "Björk" or a jalapeño still needs two of the language's words and fewer English ones.
 */
const MARKS: Readonly<Record<string, string>> = {
  es: 'ñ¿¡',
  fr: 'çœêëîôûù',
  de: 'ßäöü',
  pt: 'ãõç',
  it: 'èìòù',
  ca: 'çàèòïü·',
  tr: 'ışğ',
  sv: 'åäö',
  da: 'æøå',
  no: 'æøå',
  pl: 'łąęśżźćń',
  ro: 'ășț',
  cs: 'řěůťď',
  hu: 'őű',
  fi: 'äö',
  vi: 'ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ',
};

/** Scripts by code-point range, for posts mostly in letters that are not Latin. */
const SCRIPTS: Array<[number, number, string]> = [
  [0x3040, 0x30ff, 'ja'],
  [0xac00, 0xd7af, 'ko'],
  [0x4e00, 0x9fff, 'zh'],
  [0x0600, 0x06ff, 'ar'],
  [0x0400, 0x04ff, 'ru'],
  [0x0590, 0x05ff, 'he'],
  [0x0900, 0x097f, 'hi'],
  [0x0e00, 0x0e7f, 'th'],
  [0x0370, 0x03ff, 'el'],
];

/** Any code unit of SCRIPTS: without one, no script but Latin can win, and the count is skipped. */
const ANY_OTHER_SCRIPT = new RegExp(`[${SCRIPTS.map(([lo, hi]) => `\\u${lo.toString(16).padStart(4, '0')}-\\u${hi.toString(16).padStart(4, '0')}`).join('')}]`);

function isLatinLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

export interface LanguageGuess {
  readonly language: string;
  readonly known: boolean;
}

function normaliseTag(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Languages with a stop-word list, in the order of the scanner's per-language hit counts (bit k). */
export const STOPWORD_LANGUAGES: readonly string[] = Object.keys(STOPWORDS);

/** Each language's letters (MARKS) as an expression, in STOPWORD_LANGUAGES order. */
const LETTERS: ReadonlyArray<RegExp | undefined> = STOPWORD_LANGUAGES.map((lang) => (MARKS[lang] ? new RegExp(`[${MARKS[lang]}]`, 'iu') : undefined));

/** Every stop word with a bit mask of the languages that list it (for the scanner's table). */
export function stopwordEntry(): Array<[string, number]> {
  const masks = new Map<string, number>();
  STOPWORD_LANGUAGES.forEach((lang, k) => {
    for (const w of STOPWORDS[lang]!) masks.set(w, (masks.get(w) ?? 0) | (1 << k));
  });
  return [...masks.entries()];
}

/**
 * @param words the post's words, lower-cased (handles, hashtags and URLs already left out), e.g.
 *   the `norm` of tokenize()'s word tokens.
 */
export function detectLanguage(text: string, hint: string | undefined, words: readonly string[]): LanguageGuess {
  const hits = new Int32Array(STOPWORD_LANGUAGES.length);
  let wordChars = 0;
  for (const w of words) {
    wordChars += w.length;
    STOPWORD_LANGUAGES.forEach((lang, k) => {
      if (STOPWORDS[lang]!.has(w)) hits[k]!++;
    });
  }
  return decideLanguage(text, hint, wordChars, hits);
}

let displayNames: Intl.DisplayNames | undefined | null;
/**
 * Names already looked up, by code: `Intl.DisplayNames.of` takes about 4 µs, a third of a whole
 * classification, and every post not classified asks for its language's name. At most 256 codes
 * (the detector's few, and site tags).
 */
const NAMES = new Map<string, string>();

/** A language's English name for people ("Japanese" for "ja"), or the code when there is none. */
export function languageName(code: string): string {
  const known = NAMES.get(code);
  if (known !== undefined) return known;
  const name = lookUpName(code);
  if (NAMES.size < 256) NAMES.set(code, name);
  return name;
}

function lookUpName(code: string): string {
  if (displayNames === undefined) {
    try {
      displayNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    } catch {
      displayNames = null; // no Intl data in this runtime: the code is the name
    }
  }
  let name: string | undefined;
  try {
    name = displayNames?.of(code);
  } catch {
    name = undefined; // not a well-formed language tag
  }
  return name && name.toLowerCase() !== code.toLowerCase() ? name : code;
}

/** Answers for site language tags seen before (a shared, frozen object per tag). */
const BY_TAG = new Map<string, LanguageGuess>();

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

/**
 * Where a run of characters that are Latin whatever the post's language ends: an @handle, or a
 * URL as the scanner reads one (`urlRunEnd`: to the next white space); `i` itself when none
 * starts at i.
 */
function latinRunEnd(text: string, i: number): number {
  const n = text.length;
  let j = i;
  const c = text.charCodeAt(i);
  if (c === 64) {
    j++;
    for (let d = text.charCodeAt(j); j < n && (isAsciiAlnum(d) || d === 95); d = text.charCodeAt(++j));
    return j;
  }
  if (((c | 32) === 104 || (c | 32) === 119) && isUrlStart(text, i, n)) return urlRunEnd(text, i, n);
  return j;
}

/**
 * The decision itself, from counts the scanner already has: the summed length of the words'
 * norms and the stop-word hits per language (STOPWORD_LANGUAGES order).
 */
export function decideLanguage(text: string, hint: string | undefined, wordChars: number, stopHits: ArrayLike<number>): LanguageGuess {
  if (hint !== undefined) {
    const cached = BY_TAG.get(hint);
    if (cached !== undefined) return cached;
    const tag = normaliseTag(hint);
    if (!NO_LANGUAGE_TAGS.has(tag)) {
      const guess: LanguageGuess = Object.freeze({ language: tag, known: (KNOWN_LANGUAGES as readonly string[]).includes(tag) });
      if (BY_TAG.size < 256) BY_TAG.set(hint, guess);
      return guess;
    }
  }
  let latin = 0;
  let other = 0;
  let perScript: number[] | undefined;
  // Most posts hold no letter of another script: one native scan says so, and the count is skipped.
  const n = ANY_OTHER_SCRIPT.test(text) ? text.length : 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c === 64 || (c | 32) === 104 || (c | 32) === 119) {
        // Handles and URLs are Latin whatever the post's language: not counted.
        const end = latinRunEnd(text, i);
        if (end > i) {
          i = end - 1;
          continue;
        }
      }
      if (isAsciiAlnum(c)) {
        // A word's ASCII letters, counted in one go; none of a link written with no scheme, as X
        // shows links ("amazon.co.jp/dp/…"), which is Latin whatever the post's language. Every
        // run read here or above ends before a letter or digit, so c starts its word.
        let j = i;
        let letters = 0;
        for (; j < n; j++) {
          const d = text.charCodeAt(j);
          if (!isLabelCode(d)) break;
          if (d >= 65) letters++;
        }
        const end = j + 1 < n && text.charCodeAt(j) === 46 ? bareUrlEnd(text, i, j, n) : -1;
        if (end < 0) latin += letters;
        i = (end < 0 ? j : end) - 1;
      }
      continue;
    }
    if (isLatinLetter(c)) {
      latin++;
      continue;
    }
    for (let k = 0; k < SCRIPTS.length; k++) {
      const [lo, hi] = SCRIPTS[k]!;
      if (c >= lo && c <= hi) {
        perScript ??= new Array<number>(SCRIPTS.length).fill(0);
        perScript[k]!++;
        other++;
        break;
      }
    }
  }
  // Hashtags, product names and the like are Latin in posts in any script: only words count.
  if (perScript && other > 0 && other >= Math.min(latin, wordChars)) {
    let best = 0;
    for (let k = 1; k < SCRIPTS.length; k++) if (perScript[k]! > perScript[best]!) best = k;
    // Japanese mixes kana and kanji: any kana means Japanese.
    const code = perScript[0]! > 0 ? 'ja' : SCRIPTS[best]![2];
    return { language: code, known: false };
  }
  const en = stopHits[0]!;
  let best = 'en';
  let bestScore = 0;
  for (let k = 1; k < STOPWORD_LANGUAGES.length; k++) {
    let score = stopHits[k]!;
    // A language's own letters count as one more word where one more could tip the decision (a
    // word of it, and as many as English has): the text is searched for them only then (rarely
    // for a post in English).
    if (score >= 1 && score >= en && LETTERS[k]?.test(text)) score++;
    if (score > bestScore) {
      best = STOPWORD_LANGUAGES[k]!;
      bestScore = score;
    }
  }
  if (bestScore >= 2 && bestScore > en) return { language: best, known: false };
  return { language: 'en', known: true };
}

/** Common English function words: never shown as reasons on their own. */
export function isFunctionWord(word: string): boolean {
  return STOPWORDS.en!.has(word.toLowerCase());
}
