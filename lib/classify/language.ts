/**
 * Which language a post is in, enough to know whether the model (English only) may label it.
 * The site's own tag (X's `lang`) wins when it names a language; otherwise the script and a
 * count of common function words decide. Short posts with no evidence count as English.
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
  es: new Set('el la los las un una y o pero es son fue está están estoy ser tengo tiene de del en con por para que qué no sí mi mis tu su nos muy pero como cuando donde gracias hola también ya me se lo le ha han he hay al nada nadie todo esto esta este pero porque'.split(' ')),
  fr: new Set('le la les un une et ou mais est sont était suis être avoir ai a de du des en dans avec pour que qui ne pas mon ma mes ton votre vous nous je il elle ce cette merci bonjour très aussi déjà au aux ont sur mais plus rien personne'.split(' ')),
  de: new Set('der die das ein eine und oder aber ist sind war bin sein habe hat ich du er sie es wir ihr mein meine dein nicht kein mit für von zu auf im den dem danke bitte auch schon noch'.split(' ')),
  pt: new Set('o a os as um uma e ou mas é são foi está estou ser tenho tem de do da dos das em no na com por para que não sim meu minha seu sua nós muito obrigado obrigada olá também já'.split(' ')),
  it: new Set('il lo la i gli le un una e o ma è sono era sto essere ho ha di del della in con per che non sì mio mia tuo suo noi molto grazie ciao anche già'.split(' ')),
  nl: new Set('de het een en of maar is zijn was ben ik jij hij zij wij mijn jouw niet geen met voor van op te dank bedankt alsjeblieft ook al nog'.split(' ')),
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

/** A language's English name for people ("Japanese" for "ja"), or the code when there is none. */
export function languageName(code: string): string {
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
  let bestHits = 0;
  for (let k = 1; k < STOPWORD_LANGUAGES.length; k++) {
    if (stopHits[k]! > bestHits) {
      best = STOPWORD_LANGUAGES[k]!;
      bestHits = stopHits[k]!;
    }
  }
  if (bestHits >= 2 && bestHits > en) return { language: best, known: false };
  return { language: 'en', known: true };
}

/** Common English function words: never shown as reasons on their own. */
export function isFunctionWord(word: string): boolean {
  return STOPWORDS.en!.has(word.toLowerCase());
}
