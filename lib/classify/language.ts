/**
 * Which language a post is in, enough to know whether the model (English only) may label it.
 * The site's own tag (X's `lang`) wins when it names a language; otherwise the script and a
 * count of common function words decide. Short posts with no evidence count as English.
 */

export const KNOWN_LANGUAGES = ['en'] as const;

/** X's tags that name no language: undetermined, media only, hashtags only, and so on. */
const NO_LANGUAGE_TAGS = new Set(['', 'und', 'qme', 'qam', 'qct', 'qht', 'qst', 'zxx', 'art', 'mul']);

const STOPWORDS: Record<string, Set<string>> = {
  en: new Set('the a an and or but is are was were be been have has had do does did i you he she it we they my your our their this that these those to of in on for with at from by not no can will would should could my me us them what why how when where who there here just so get got please thanks thank'.split(' ')),
  es: new Set('el la los las un una y o pero es son fue está están estoy ser tengo tiene de del en con por para que qué no sí mi mis tu su nos muy pero como cuando donde gracias hola también ya me se lo le ha han he hay al nada nadie todo esto esta este pero porque'.split(' ')),
  fr: new Set('le la les un une et ou mais est sont était suis être avoir ai a de du des en dans avec pour que qui ne pas mon ma mes ton votre vous nous je il elle ce cette merci bonjour très aussi déjà au aux ont sur mais plus rien personne'.split(' ')),
  de: new Set('der die das ein eine und oder aber ist sind war bin sein habe hat ich du er sie es wir ihr mein meine dein nicht kein mit für von zu auf im den dem danke bitte auch schon noch'.split(' ')),
  pt: new Set('o a os as um uma e ou mas é são foi está estou ser tenho tem de do da dos das em no na com por para que não sim meu minha seu sua nós muito obrigado obrigada olá também já'.split(' ')),
  it: new Set('il lo la i gli le un una e o ma è sono era sto essere ho ha di del della in con per che non sì mio mia tuo suo noi molto grazie ciao anche già'.split(' ')),
  nl: new Set('de het een en of maar is zijn was ben ik jij hij zij wij mijn jouw niet geen met voor van op te dank bedankt alsjeblieft ook al nog'.split(' ')),
};

const SCRIPTS: Array<[RegExp, string]> = [
  [/[\u3040-\u30ff]/gu, 'ja'],
  [/[\uac00-\ud7af]/gu, 'ko'],
  [/[\u4e00-\u9fff]/gu, 'zh'],
  [/[\u0600-\u06ff]/gu, 'ar'],
  [/[\u0400-\u04ff]/gu, 'ru'],
  [/[\u0590-\u05ff]/gu, 'he'],
  [/[\u0900-\u097f]/gu, 'hi'],
  [/[\u0e00-\u0e7f]/gu, 'th'],
  [/[\u0370-\u03ff]/gu, 'el'],
];

export interface LanguageGuess {
  language: string;
  known: boolean;
}

function normaliseTag(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

export function detectLanguage(text: string, hint?: string): LanguageGuess {
  if (hint !== undefined) {
    const tag = normaliseTag(hint);
    if (!NO_LANGUAGE_TAGS.has(tag)) return { language: tag, known: (KNOWN_LANGUAGES as readonly string[]).includes(tag) };
  }
  const body = text.replace(/https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_]+/gu, ' ');
  const letters = body.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return { language: 'en', known: true };
  const latin = body.match(/[a-zA-Z\u00c0-\u024f]/g)?.length ?? 0;
  if (latin / letters < 0.5) {
    let best = 'und';
    let bestCount = 0;
    for (const [re, code] of SCRIPTS) {
      const n = body.match(re)?.length ?? 0;
      if (n > bestCount) {
        best = code;
        bestCount = n;
      }
    }
    // Japanese text mixes kana and kanji: any kana means Japanese.
    if ((body.match(/[\u3040-\u30ff]/gu)?.length ?? 0) > 0) best = 'ja';
    return { language: best, known: false };
  }
  const words = body.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  const hits: Record<string, number> = {};
  for (const w of words) {
    for (const lang in STOPWORDS) {
      if (STOPWORDS[lang]!.has(w)) hits[lang] = (hits[lang] ?? 0) + 1;
    }
  }
  const en = hits.en ?? 0;
  let best = 'en';
  let bestHits = en;
  for (const lang in hits) {
    if (lang !== 'en' && hits[lang]! > bestHits) {
      best = lang;
      bestHits = hits[lang]!;
    }
  }
  if (best !== 'en' && bestHits >= 2 && bestHits > en) return { language: best, known: false };
  return { language: 'en', known: true };
}

/** Common English function words: never shown as reasons on their own. */
export function isFunctionWord(word: string): boolean {
  return STOPWORDS.en!.has(word.toLowerCase());
}
