/**
 * The variables a template may use, and how their values are derived from what the sidebar knows
 * (the post, the agent's profile, the brand). Values are plain text: the renderer inserts them as
 * they are and never reads them again as template syntax.
 */

/** Every variable a template body may name, besides `blank.<key>`. */
export const TEMPLATE_VARIABLES = [
  'customer.name',
  'customer.handle',
  'customer.firstName',
  'agent.name',
  'agent.initials',
  'agent.signature',
  'brand.name',
  'post.link',
  'date.today',
  'case.reference',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** What each variable means, for the editor's variable picker and the docs. */
export const VARIABLE_DESCRIPTIONS: Record<TemplateVariable, string> = {
  'customer.name': "The customer's display name as the site shows it.",
  'customer.handle': "The customer's handle with a leading @ (X), or their profile name (Facebook).",
  'customer.firstName': 'A first name guessed from the display name; empty when unsure (add a fallback).',
  'agent.name': "The agent's name from the options page.",
  'agent.initials': "The agent's initials, e.g. JS for Jane Smith.",
  'agent.signature': 'The sign-off the team uses, e.g. ^JS.',
  'brand.name': 'The brand or team name from the options page.',
  'post.link': "The link to the customer's post.",
  'date.today': "Today's date, written in the template's language.",
  'case.reference': 'The case or reference number entered for this post.',
};

export const BLANK_PREFIX = 'blank.';

export function isKnownVariable(path: string): path is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(path);
}

/** What the sidebar knows when it renders a template. Every field is optional: a missing value is reported, not invented. */
export interface RenderContext {
  customer?: { name?: string; handle?: string; firstName?: string };
  agent?: { name?: string; initials?: string; signature?: string };
  brand?: { name?: string };
  post?: { link?: string };
  case?: { reference?: string };
  /** BCP-47 tag used to write dates (the template's language); defaults to `en`. */
  language?: string;
  /** The moment "today" refers to; defaults to now. */
  now?: Date;
  /** IANA time zone for `date.today`; defaults to the runtime's. */
  timeZone?: string;
}

// Bidi controls, zero-width characters and other invisible format characters that a display name
// can carry to reorder or hide text; control characters (newlines included) become spaces.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;
const CONTROL = /\p{Cc}+/gu;

/** Makes a page-supplied value safe to drop into a reply: one line, no invisible controls. */
export function cleanValue(value: string | undefined): string {
  if (!value) return '';
  return value.replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/\s+/gu, ' ').trim();
}

// Emoji, flags, skin tones, variation selectors, keycaps and joiners (alternation, not a class: joiners and selectors combine).
const PICTOGRAPHS = /\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}]|\u{FE0E}|\u{FE0F}|\u{20E3}|\u{200D}/gu;

// Words that mark a display name as an organisation, a shop or a role rather than a person.
const ORGANISATION_WORDS = new Set(
  [
    'inc', 'ltd', 'llc', 'llp', 'plc', 'gmbh', 'corp', 'corporation', 'co', 'company', 'group', 'official',
    'support', 'help', 'care', 'team', 'store', 'shop', 'news', 'media', 'agency', 'studio', 'studios',
    'bank', 'airline', 'airlines', 'hq', 'service', 'services', 'customer', 'customers', 'club', 'foundation',
    'university', 'college', 'school', 'hotel', 'restaurant', 'cafe', 'bar', 'records', 'games', 'labs',
    'tech', 'solutions', 'consulting', 'the', 'and', '&', 'fc', 'radio', 'tv', 'magazine', 'daily', 'weekly',
    'bot', 'account', 'admin', 'sales', 'marketing', 'deals', 'online', 'global', 'international',
  ],
);

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev', 'fr', 'lord', 'lady']);

// Scripts where the family name usually comes first or names are not split by spaces: guessing a
// "first name" there is more likely wrong than right.
const FAMILY_NAME_FIRST = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const NAME_WORD = /^\p{Lu}?[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*$/u;

/**
 * Guesses a first name from a display name. Returns '' when unsure: emoji are skipped, handles,
 * organisation-like names, initials, titles, names with digits and names in scripts that put the
 * family name first all give ''. Templates should give `customer.firstName` a fallback.
 */
export function guessFirstName(displayName: string | undefined): string {
  let name = cleanValue(displayName).replace(PICTOGRAPHS, ' ');
  // "Jane Doe (she/her)", "Jane | Acme", "Jane - travelling": keep the part before the aside.
  name = name.replace(/[([{].*$/u, '').split(/\s[|•·–—-]\s|[|•·]/u)[0] ?? '';
  name = name.replace(/\s+/gu, ' ').trim();
  if (!name || FAMILY_NAME_FIRST.test(name)) return '';
  const words = name.split(' ');
  if (words.some((w) => w.startsWith('@') || /\d|_/u.test(w) || /^https?:/iu.test(w) || (w.includes('.') && w.length > 3))) return '';
  if (words.some((w) => ORGANISATION_WORDS.has(w.toLowerCase().replace(/[.,!]+$/u, '')))) return '';
  const first = words[0] ?? '';
  if (TITLES.has(first.toLowerCase().replace(/\.$/u, ''))) return '';
  if (!NAME_WORD.test(first) || [...first].length < 2) return '';
  // A one-word display name that is all lower case is usually a nickname or a handle-like name.
  if (words.length === 1 && first === first.toLowerCase()) return '';
  const isShouted = first === first.toUpperCase() && first !== first.toLowerCase();
  const isLower = first === first.toLowerCase();
  if (isShouted || isLower) return titleCase(first);
  return first;
}

function titleCase(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|['’-])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
}

const NAME_PARTICLES = new Set(['de', 'da', 'di', 'do', 'du', 'del', 'della', 'der', 'den', 'des', 'dos', 'das', 'la', 'le', 'van', 'von', 'ter', 'ten', 'bin', 'binti', 'al', 'el', 'y']);

/** "Jane Smith" → "JS", "Ana María de la Cruz" → "AC", "Cher" → "C". Empty for an empty name. */
export function initialsOf(name: string | undefined): string {
  const words = cleanValue(name)
    .replace(PICTOGRAPHS, ' ')
    .split(/\s+/u)
    .map((w) => w.replace(/[^\p{L}\p{M}]/gu, ''))
    .filter((w) => w.length > 0);
  if (words.length === 0) return '';
  const firstWord = words[0] ?? '';
  // Name particles ("de", "van", "la") are skipped for the last initial: Ana María de la Cruz is AC.
  const rest = words.slice(1).filter((w) => !(NAME_PARTICLES.has(w) && w === w.toLowerCase()));
  const lastWord = rest[rest.length - 1];
  const letters = [firstWord, lastWord].filter((w): w is string => !!w).map((w) => [...w][0] ?? '');
  return letters.join('').toUpperCase();
}

// Building an Intl formatter costs far more than using one: keep one per language and zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(language: string | undefined, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${language ?? ''}|${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(language || 'en', timeZone ? { dateStyle: 'long', timeZone } : { dateStyle: 'long' });
    } catch {
      // A bad time zone falls back to UTC, a bad language tag to English.
      const zone = timeZone ? (isTimeZone(timeZone) ? timeZone : 'UTC') : undefined;
      const options: Intl.DateTimeFormatOptions = zone ? { dateStyle: 'long', timeZone: zone } : { dateStyle: 'long' };
      try {
        formatter = new Intl.DateTimeFormat(language || 'en', options);
      } catch {
        formatter = new Intl.DateTimeFormat('en', options);
      }
    }
    if (formatters.size > 50) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function formatToday(language: string | undefined, now: Date, timeZone: string | undefined): string {
  return dateFormatter(language, timeZone).format(now);
}

/** Formats a `YYYY-MM-DD` date blank for the template's language; '' when the value is not such a date. */
export function formatDateValue(isoDay: string, language: string | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(isoDay.trim());
  if (!match) return '';
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.getUTCDate() !== Number(match[3]) || date.getUTCMonth() !== Number(match[2]) - 1) return '';
  return dateFormatter(language, 'UTC').format(date);
}

/** The value of one known variable in a context, '' when unknown. */
export function variableValue(path: TemplateVariable, context: RenderContext): string {
  switch (path) {
    case 'customer.name':
      return cleanValue(context.customer?.name);
    case 'customer.handle': {
      const handle = cleanValue(context.customer?.handle).replace(/\s/gu, '');
      if (!handle) return '';
      return handle.startsWith('@') ? handle : `@${handle}`;
    }
    case 'customer.firstName':
      return cleanValue(context.customer?.firstName) || guessFirstName(context.customer?.name);
    case 'agent.name':
      return cleanValue(context.agent?.name);
    case 'agent.initials':
      return cleanValue(context.agent?.initials) || initialsOf(context.agent?.name);
    case 'agent.signature': {
      const signature = cleanValue(context.agent?.signature);
      if (signature) return signature;
      const initials = variableValue('agent.initials', context);
      return initials ? `^${initials}` : '';
    }
    case 'brand.name':
      return cleanValue(context.brand?.name);
    case 'post.link': {
      const link = cleanValue(context.post?.link);
      // Only web links: a page could hand us a javascript: or data: URL as a "permalink".
      return /^https?:\/\/\S+$/iu.test(link) ? link : '';
    }
    case 'date.today':
      return formatToday(context.language, context.now ?? new Date(), context.timeZone);
    case 'case.reference':
      return cleanValue(context.case?.reference);
    default: {
      const unreachable: never = path;
      return unreachable;
    }
  }
}

/** Input for {@link contextFromPost}: what the sidebar has about the post and the agent. */
export interface ContextSource {
  post?: { authorName?: string; authorHandle?: string; permalink?: string };
  agent?: { name?: string; initials?: string; signature?: string };
  brandName?: string;
  caseReference?: string;
  language?: string;
  now?: Date;
  timeZone?: string;
}

/** Builds a {@link RenderContext} from a Post-shaped object and the agent's profile. */
export function contextFromPost(source: ContextSource): RenderContext {
  const context: RenderContext = {
    customer: { name: source.post?.authorName, handle: source.post?.authorHandle },
    agent: { ...source.agent },
    brand: { name: source.brandName },
    post: { link: source.post?.permalink },
    case: { reference: source.caseReference },
  };
  if (source.language) context.language = source.language;
  if (source.now) context.now = source.now;
  if (source.timeZone) context.timeZone = source.timeZone;
  return context;
}
