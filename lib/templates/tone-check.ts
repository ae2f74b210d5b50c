/**
 * Tone check of the agent's draft before they post: advice shown in the sidebar, never a block.
 * Each rule is a small pure function so it can be tested, explained and tuned on its own.
 */
import type { Classification } from '../classify/types.ts';
import { countForChannel } from './channel.ts';
import type { ReplyChannel } from './schema.ts';

export const TONE_RULES = [
  'no-acknowledgement',
  'blame-words',
  'shouting',
  'personal-data-in-public',
  'over-limit',
  'unsigned',
  'unanswered-question',
  'leftover-placeholder',
] as const;
export type ToneRule = (typeof TONE_RULES)[number];

export interface ToneFinding {
  rule: ToneRule;
  severity: 'info' | 'warn';
  /** Written for the agent: what was seen and what to do. */
  message: string;
  /** The words in the draft (or the post) that triggered the rule. */
  evidence: string[];
}

export interface ToneCheckOptions {
  post?: { text: string; classification?: Pick<Classification, 'intent' | 'sentiment'> };
  channel: ReplyChannel;
  /** The team signs every public reply. */
  teamSigns?: boolean;
  /** The agent's sign-off, e.g. "^JS". */
  signature?: string;
  /** Also accepted as a sign-off (Facebook replies are often signed with a name). */
  agentName?: string;
}

const ACKNOWLEDGEMENT =
  /\b(sorry|apologi[sz]e|apologies|apology|regret|understand(?:able)?|frustrat\w*|disappoint\w*|annoying|inconvenien\w*|hear (?:this|that)|not (?:the|what) (?:experience|service|we)|not ok|not good enough|thanks? (?:you )?for (?:letting|flagging|raising|telling|reporting|your patience|bearing|bringing)|appreciate your patience|shouldn'?t have (?:happened|to)|we hear you|that'?s (?:not|no) (?:good|right|ok))\b/iu;

// Phrases that put the fault on the customer or talk down to them.
const BLAME_PHRASES: RegExp[] = [
  /\byou should(?:'ve| have)\b/giu,
  /\byour (?:own )?fault\b/giu,
  /\byou fail(?:ed)? to\b/giu,
  /\byou didn'?t (?:read|follow|check|update|enter|select|notice)\b/giu,
  /\byou (?:must|need to) (?:have )?(?:read|follow|check)\b/giu,
  /\bas (?:we )?(?:already|previously) (?:said|stated|mentioned|explained)\b/giu,
  /\bas (?:stated|mentioned) (?:before|previously|above)\b/giu,
  /\b(?:obviously|clearly),? you\b/giu,
  /\bcalm down\b/giu,
  /\buser error\b/giu,
  /\bnot our (?:fault|problem|responsibility)\b/giu,
  /\bthere(?:'s| is) nothing (?:we|I) can do\b/giu,
  /\byou(?:'re| are) (?:wrong|mistaken|confused)\b/giu,
  /\bif you had\b/giu,
  /\bper our policy\b/giu,
];

// Words that are written in capitals without shouting.
const ALLOWED_CAPS = new Set([
  'DM', 'DMS', 'FAQ', 'FAQS', 'OK', 'ID', 'PIN', 'SMS', 'URL', 'ETA', 'ASAP', 'USA', 'UK', 'EU', 'UAE', 'NYC', 'FYI',
  'PDF', 'APP', 'IOS', 'API', 'VAT', 'GST', 'TV', 'PC', 'USB', 'GPS', 'AM', 'PM', 'GMT', 'UTC', 'BST', 'CET', 'EST',
  'PST', 'CEO', 'HQ', 'IT', 'VIP', 'SIM', 'ATM', 'NHS', 'DVD', 'CD', 'UPS', 'DHL', 'FEDEX', 'USPS', 'TBC', 'TBD',
  'AI', 'WIFI', 'HD', 'LTE', 'ESIM', 'IBAN', 'FAQ', 'T&C', 'T&CS', 'ISO', 'BBC', 'CNN', 'NASA', 'GDPR',
]);

const PERSONAL_DATA: Array<{ label: string; pattern: RegExp; never?: boolean }> = [
  { label: 'a password', pattern: /\bpass(?:word|code|phrase)s?\b/iu, never: true },
  { label: 'a full card number', pattern: /\b(?:full |long )?(?:card|credit card|debit card) (?:number|details|no\.?)\b|\bcvv\b|\bcvc\b|\bsecurity code\b/iu, never: true },
  { label: 'a PIN', pattern: /\bpin(?: number| code)?\b/iu, never: true },
  { label: 'a home address', pattern: /\b(?<!(?:e-?mail|ip|web) )(?:full |home |postal |street |billing |delivery )?address\b(?! book)/iu },
  { label: 'a date of birth', pattern: /\b(?:date of birth|dob|birth ?date|birthday)\b/iu },
  { label: 'a phone number', pattern: /\b(?:phone|mobile|cell|telephone|contact) (?:number|no\.?)\b|\bphone\b/iu },
  { label: 'an email address', pattern: /\be-?mail(?: address)?\b/iu },
  { label: 'bank or account details', pattern: /\b(?:account number|account no\.?|bank details|bank account|sort code|iban|routing number)\b/iu },
  { label: 'an ID or passport number', pattern: /\b(?:passport|social security|ssn|national insurance|driver'?s licen[cs]e|id) (?:number|no\.?)\b/iu },
];

// The draft asks the customer for something (send, share, reply with, what's your …).
const REQUEST =
  /\b(?:send|share|provide|dm us|dm me|message us|pm us|email us|give|tell|post|reply with|comment|confirm|include|add|let us (?:know|have)|(?:what|which) (?:is|was|'s) your|what'?s your|could (?:you|we) (?:have|get)|can (?:you|we) (?:have|get)|need|require)\b/iu;
const PRIVATE_CHANNEL = /\b(?:dms?|direct message|private(?:ly| message| chat)?|inbox|messenger|pm (?:us|me)|by email|secure form)\b/iu;
// Asking for a detail is asking for *their* detail: "our phone line" is not a request for data.
const ASKS_FOR_THEIRS = /\byour\b/iu;
const NEGATED_REQUEST = /\b(?:don'?t|do not|never|please don'?t|no need to|without)\b/iu;

const QUESTION_WORDS =
  /^(?:when|how|why|what|where|which|who|whose|can|could|will|would|is|are|was|were|do|does|did|should|have|has|any(?:one|body)?|is there)\b/iu;

// Signs the draft answers or gives a next step: a time, a link, an instruction, a promise to act.
const ANSWER_LIKE: RegExp[] = [
  /https?:\/\/|www\.|\b[\w-]+\.(?:com|org|net|co|io|help)\b/iu,
  /\d/u,
  /\b(?:yes|no|yep|nope|it(?:'s| is)|they(?:'re| are)|you can|you'll|you will|you need|you'd need|try|go to|head to|visit|tap|click|open|select|check|here(?:'s| is| are)|steps?|because|due to|since|the reason|usually|normally|within|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|tonight|the end)|today|tomorrow|this (?:morning|afternoon|evening|week))\b/iu,
  /\b(?:we'll|we will|i'll|i will|we're (?:checking|looking|on it)|let me (?:check|find|look)|we're looking|looking into|dm us|send us|message us|reply here)\b/iu,
];

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/u).map((s) => s.trim()).filter((s) => s.length > 0);
}

function checkAcknowledgement(draft: string, options: ToneCheckOptions): ToneFinding[] {
  const classification = options.post?.classification;
  if (!classification) return [];
  const isComplaint = classification.intent === 'complaint' || (classification.sentiment === 'negative' && classification.intent !== 'praise');
  if (!isComplaint || ACKNOWLEDGEMENT.test(draft)) return [];
  return [
    {
      rule: 'no-acknowledgement',
      severity: 'warn',
      message: 'This customer is unhappy, and the reply neither acknowledges it nor apologises. Start with a line such as "Sorry to hear this" before the next step.',
      evidence: [],
    },
  ];
}

function checkBlame(draft: string): ToneFinding[] {
  const found = new Set<string>();
  for (const pattern of BLAME_PHRASES) for (const match of draft.matchAll(pattern)) found.add(match[0]);
  if (found.size === 0) return [];
  const words = [...found];
  return [
    {
      rule: 'blame-words',
      severity: 'warn',
      message: `${words.map((w) => `"${w}"`).join(', ')} can read as blaming the customer. Say what will happen next instead.`,
      evidence: words,
    },
  ];
}

function checkShouting(draft: string): ToneFinding[] {
  const findings: ToneFinding[] = [];
  const words = draft.match(/(?<![\p{L}\p{N}@#^/])[\p{Lu}][\p{Lu}'&]{2,}(?![\p{L}\p{N}])/gu) ?? [];
  const shouted = words.filter((w) => !ALLOWED_CAPS.has(w.replace(/'S$/u, '')));
  const letters = draft.match(/\p{L}/gu) ?? [];
  const upper = draft.match(/\p{Lu}/gu) ?? [];
  const mostlyCaps = letters.length >= 20 && upper.length / letters.length > 0.6;
  if (shouted.length >= 2 || mostlyCaps) {
    findings.push({
      rule: 'shouting',
      severity: 'warn',
      message: `Words in capitals (${shouted.slice(0, 4).join(', ') || 'most of the reply'}) read as shouting. Write them in normal case.`,
      evidence: shouted,
    });
  }
  const bangs = (draft.match(/[!?]{2,}/gu) ?? []).filter((run) => run.includes('!'));
  if (bangs.length > 0) {
    findings.push({
      rule: 'shouting',
      severity: 'warn',
      message: 'Several exclamation marks in a row can read as shouting or sarcasm. One is plenty.',
      evidence: bangs,
    });
  }
  return findings;
}

function checkPersonalData(draft: string, options: ToneCheckOptions): ToneFinding[] {
  const findings: ToneFinding[] = [];
  const publicAsks = new Set<string>();
  const neverAsks = new Set<string>();
  for (const sentence of sentences(draft)) {
    if (!REQUEST.test(sentence) || !ASKS_FOR_THEIRS.test(sentence) || NEGATED_REQUEST.test(sentence)) continue;
    const isPrivate = PRIVATE_CHANNEL.test(sentence);
    for (const item of PERSONAL_DATA) {
      if (!item.pattern.test(sentence)) continue;
      if (item.never) neverAsks.add(item.label);
      else if (!isPrivate) publicAsks.add(item.label);
    }
  }
  if (neverAsks.size > 0) {
    const what = [...neverAsks].join(', ');
    findings.push({
      rule: 'personal-data-in-public',
      severity: 'warn',
      message: `The reply asks for ${what}. Never ask for ${what}, not even in private messages: scammers copy this wording.`,
      evidence: [...neverAsks],
    });
  }
  if (publicAsks.size > 0) {
    const where = options.channel === 'facebook' ? 'a private message' : 'a DM';
    findings.push({
      rule: 'personal-data-in-public',
      severity: 'warn',
      message: `The reply asks for ${[...publicAsks].join(', ')} in public. Ask for it in ${where} instead.`,
      evidence: [...publicAsks],
    });
  }
  return findings;
}

function checkLength(draft: string, options: ToneCheckOptions): ToneFinding[] {
  const count = countForChannel(draft, options.channel);
  if (!count.over) return [];
  const where = options.channel === 'facebook' ? 'Facebook comments' : 'an X post';
  return [
    {
      rule: 'over-limit',
      severity: 'warn',
      message: `The reply is ${-count.remaining} over the ${count.limit} allowed in ${where}. Shorten it, split it into a thread, or move to private messages.`,
      evidence: [String(count.weighted)],
    },
  ];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function checkSigned(draft: string, options: ToneCheckOptions): ToneFinding[] {
  if (!options.teamSigns) return [];
  const lines = draft.trim().split(/\n/u).map((l) => l.trim()).filter((l) => l.length > 0);
  const lastLine = lines[lines.length - 1] ?? '';
  // A sign-off line may add the brand ("Jane Smith, Acme Care"); in running text it must end the reply.
  const closingLines = lines.length > 1 ? lines.slice(-2) : [];
  const signs = [options.signature, options.agentName].filter((s): s is string => !!s && s.trim() !== '');
  const endsWith = (sign: string): boolean => new RegExp(`${escapeRegExp(sign.trim())}[\\s.!)]*$`, 'iu').test(lastLine);
  const opensLine = (sign: string): boolean => closingLines.some((line) => line.toLowerCase().startsWith(sign.trim().toLowerCase()));
  const isSigned =
    signs.some((s) => endsWith(s) || opensLine(s)) || (signs.length === 0 && /(?:\^|[-–—]\s?)\p{Lu}{1,3}\s*$/u.test(lastLine));
  if (isSigned) return [];
  const example = options.signature?.trim() || '^JS';
  return [
    {
      rule: 'unsigned',
      severity: 'info',
      message: `Your team signs its replies: end this one with ${example}.`,
      evidence: [],
    },
  ];
}

/** The questions a post asks: sentences ending in "?" or opening with a question word. */
export function questionsIn(text: string): string[] {
  return sentences(text).filter((s) => s.includes('?') || (QUESTION_WORDS.test(s) && s.split(/\s+/u).length >= 3 && !/[.!]$/u.test(s)));
}

function checkUnanswered(draft: string, options: ToneCheckOptions): ToneFinding[] {
  if (!options.post?.text) return [];
  const questions = questionsIn(options.post.text);
  if (questions.length === 0) return [];
  if (ANSWER_LIKE.some((pattern) => pattern.test(draft))) return [];
  return [
    {
      rule: 'unanswered-question',
      severity: 'warn',
      message: `The post asks "${truncate(questions[0] ?? '', 80)}", and the reply gives no answer or next step. Answer it, or say when you will.`,
      evidence: questions,
    },
  ];
}

function checkPlaceholders(draft: string): ToneFinding[] {
  const leftovers = draft.match(/\{\{[^}]*\}\}|\[(?:name|insert[^\]]*|xx+|todo|tbc)\]/giu) ?? [];
  if (leftovers.length === 0) return [];
  return [
    {
      rule: 'leftover-placeholder',
      severity: 'warn',
      message: `The reply still holds ${leftovers.map((l) => `"${l}"`).join(', ')}. Replace it before posting.`,
      evidence: leftovers,
    },
  ];
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Runs every rule on a draft. An empty draft gets no advice. Findings are advice, never a block. */
export function checkTone(draft: string, options: ToneCheckOptions): ToneFinding[] {
  if (!draft.trim()) return [];
  return [
    ...checkAcknowledgement(draft, options),
    ...checkBlame(draft),
    ...checkShouting(draft),
    ...checkPersonalData(draft, options),
    ...checkLength(draft, options),
    ...checkSigned(draft, options),
    ...checkUnanswered(draft, options),
    ...checkPlaceholders(draft),
  ];
}
