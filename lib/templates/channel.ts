/**
 * Channel rules: how long a reply may be, counted the way each site counts it, and what to offer
 * when an X reply is too long (tighten it, split it into a thread, or move to private messages)
 * instead of cutting it.
 */
import twitterText from 'twitter-text';
import type { ReplyChannel } from './schema.ts';

/** X counts a post's weighted length: URLs 23, most CJK and emoji 2, Latin 1 (twitter-text). */
export const X_POST_LIMIT = 280;
/** Facebook accepts comments up to 8,000 characters. */
export const FACEBOOK_COMMENT_LIMIT = 8000;

export interface ChannelCount {
  /** Length as the channel counts it. */
  weighted: number;
  limit: number;
  /** limit - weighted; negative when over. */
  remaining: number;
  over: boolean;
}

function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Weighted length of a text as X counts it (twitter-text's parseTweet). */
export function xWeightedLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}

/** Counts a reply for its channel. The practice feed follows X's rules. */
export function countForChannel(text: string, channel: ReplyChannel): ChannelCount {
  let weighted: number;
  let limit: number;
  switch (channel) {
    case 'x':
    case 'practice':
      weighted = xWeightedLength(text);
      limit = X_POST_LIMIT;
      break;
    case 'facebook':
      weighted = codePointLength(text);
      limit = FACEBOOK_COMMENT_LIMIT;
      break;
    default: {
      const unreachable: never = channel;
      throw new Error(`Unknown channel ${String(unreachable)}`);
    }
  }
  return { weighted, limit, remaining: limit - weighted, over: weighted > limit };
}

// Rewrites that keep the meaning and the register of a care reply, most saving first.
const TIGHTENINGS: Array<[RegExp, string]> = [
  [/\bplease do not hesitate to\b/giu, 'feel free to'],
  [/\bdo not hesitate to\b/giu, 'feel free to'],
  [/\bat this point in time\b/giu, 'now'],
  [/\bat the moment\b/giu, 'now'],
  [/\bin order to\b/giu, 'to'],
  [/\bas soon as possible\b/giu, 'ASAP'],
  [/\bwe would like to\b/giu, "we'd like to"],
  [/\bwe would\b/giu, "we'd"],
  [/\bwe are\b/giu, "we're"],
  [/\bwe have\b/giu, "we've"],
  [/\bwe will\b/giu, "we'll"],
  [/\bI am\b/gu, "I'm"],
  [/\bI will\b/gu, "I'll"],
  [/\bdo not\b/giu, "don't"],
  [/\bdoes not\b/giu, "doesn't"],
  [/\bcannot\b/giu, "can't"],
  [/\bit is\b/giu, "it's"],
  [/\bthat is\b/giu, "that's"],
  [/\bdirect message\b/giu, 'DM'],
  [/\b(?:really|just|very|actually) /giu, ''],
  [/ {2,}/gu, ' '],
  [/\n{3,}/gu, '\n\n'],
];

function keepCase(original: string, replacement: string): string {
  const first = original[0];
  if (first && first === first.toUpperCase() && first !== first.toLowerCase() && replacement) {
    return replacement[0]?.toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

/** Applies meaning-preserving contractions and cuts filler words. May still be over the limit. */
export function tightenText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of TIGHTENINGS) {
    out = out.replace(pattern, (match) => keepCase(match, replacement));
  }
  return out.trim();
}

/** Splits text into sentences, keeping each sentence's closing punctuation and emoji. */
function sentencesOf(text: string): string[] {
  // Break after . ! ? only when a space or line break follows, so URLs and "e.g." mid-word stay whole.
  return text
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

function fitsX(text: string, limit: number): boolean {
  return xWeightedLength(text) <= limit;
}

/** Greedily packs units (sentences, then words) into posts of at most `limit` weighted length. */
function pack(units: string[], limit: number): string[] {
  const posts: string[] = [];
  let current = '';
  for (const unit of units) {
    const candidate = current ? `${current} ${unit}` : unit;
    if (fitsX(candidate, limit)) {
      current = candidate;
      continue;
    }
    if (current) posts.push(current);
    if (fitsX(unit, limit)) {
      current = unit;
      continue;
    }
    // A sentence longer than a post: fall back to words, and to characters for a giant word.
    current = '';
    for (const word of unit.split(/\s+/u)) {
      const withWord = current ? `${current} ${word}` : word;
      if (fitsX(withWord, limit)) {
        current = withWord;
        continue;
      }
      if (current) posts.push(current);
      current = '';
      for (const ch of word) {
        if (!fitsX(current + ch, limit)) {
          posts.push(current);
          current = '';
        }
        current += ch;
      }
    }
  }
  if (current) posts.push(current);
  return posts;
}

/**
 * Splits an over-long X reply into a numbered thread ("… 1/3"), each post within the limit,
 * breaking between sentences where it can and never inside a word unless a word alone is too long.
 */
export function splitIntoThread(text: string, limit = X_POST_LIMIT): string[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  if (fitsX(trimmed, limit)) return [trimmed];
  const units = sentencesOf(trimmed);
  // Reserve room for the " n/N" marker; redo if the count of posts gains a digit.
  let total = 2;
  for (let attempt = 0; attempt < 4; attempt++) {
    const marker = ` ${total}/${total}`.length;
    const posts = pack(units, limit - marker);
    if (posts.length <= total || String(posts.length).length === String(total).length) {
      return posts.map((post, i) => `${post} ${i + 1}/${posts.length}`);
    }
    total = posts.length;
  }
  const posts = pack(units, limit - ` ${total}/${total}`.length - 2);
  return posts.map((post, i) => `${post} ${i + 1}/${posts.length}`);
}

/** A short public reply that asks the customer to continue in private messages. */
export function dmInviteText(options: { channel: ReplyChannel; customerFirstName?: string; signature?: string }): string {
  const greeting = options.customerFirstName ? `Hi ${options.customerFirstName}, we` : 'We';
  const place = options.channel === 'facebook' ? 'a private message on Messenger' : 'a DM';
  const body = `${greeting}'d like to look into this properly. Could you send us ${place} so we can go through the details?`;
  return options.signature ? `${body} ${options.signature}` : body;
}

export type ShorteningOption =
  | { kind: 'tighten'; text: string; count: ChannelCount }
  | { kind: 'thread'; posts: string[] }
  | { kind: 'dm'; text: string; count: ChannelCount };

export interface ShorteningSuggestion {
  over: boolean;
  /** How far over the limit the text is (0 when within). */
  overBy: number;
  /** What the sidebar can offer, best first. Empty when the text fits. */
  options: ShorteningOption[];
}

/**
 * For an over-long reply: a tightened version (offered first when it fits), a thread (X only), and
 * a move to private messages. The text is never cut.
 */
export function suggestShortening(
  text: string,
  channel: ReplyChannel,
  extras: { customerFirstName?: string; signature?: string } = {},
): ShorteningSuggestion {
  const count = countForChannel(text, channel);
  if (!count.over) return { over: false, overBy: 0, options: [] };
  const options: ShorteningOption[] = [];
  const tightened = tightenText(text);
  const tightCount = countForChannel(tightened, channel);
  if (tightened !== text.trim() && !tightCount.over) options.push({ kind: 'tighten', text: tightened, count: tightCount });
  if (channel !== 'facebook') options.push({ kind: 'thread', posts: splitIntoThread(text) });
  const dm = dmInviteText({ channel, ...extras });
  options.push({ kind: 'dm', text: dm, count: countForChannel(dm, channel) });
  return { over: true, overBy: -count.remaining, options };
}
