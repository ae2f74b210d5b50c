import { describe, expect, it } from 'vitest';
import { emoticonProbe, scan, T_LOWER_TEXT, tokenize } from './tokenize';
import { loadBrandEval, loadSentimentVal } from './training-data';

const norms = (text: string) => tokenize(text).map((t) => t.norm);

describe('tokenize', () => {
  it('replaces handles, URLs and numbers with placeholders and keeps hashtags', () => {
    expect(norms('@AmazonHelp order 12345 https://t.co/abc #fail')).toEqual(['<user>', 'order', '<num>', '<url>', '#fail']);
  });

  it('counts the handles a post names (not an email address, not a lone @)', () => {
    expect(scan('@acme @acme_help my order, mail me at jo@example.com').users).toBe(2);
    expect(scan('my order @ the store, jo@example.com').users).toBe(0);
    expect(scan('thanks .@Delta!').users).toBe(1);
  });

  it('keeps the surface form and offset of each token', () => {
    const [first, second] = tokenize('Hi @Delta');
    expect(first).toMatchObject({ raw: 'Hi', start: 0, kind: 'word' });
    expect(second).toMatchObject({ raw: '@Delta', start: 3, kind: 'user' });
  });

  it('splits emoji and emoticons into their own tokens, ignoring skin tones', () => {
    const toks = tokenize('great 👍🏽:) so sad 😡:(');
    expect(toks.filter((t) => t.kind === 'emoji').map((t) => t.norm)).toEqual(['👍', '😡']);
    expect(toks.filter((t) => t.kind === 'emoticon').map((t) => t.norm)).toEqual([':)', ':(']);
  });

  it('asks for an emoticon at every character one can start with (the scanner asks at no other)', () => {
    // Every printable ASCII character, then every pair after it: an emoticon found at a character
    // the scanner does not ask at would be lost.
    const printable = Array.from({ length: 95 }, (_, k) => String.fromCharCode(32 + k));
    const starts = new Set<string>();
    for (const c of printable) {
      for (const d of printable) {
        for (const e of printable) {
          const probe = emoticonProbe(` ${c}${d}${e} `, 1);
          if (probe.length > 0) {
            starts.add(c);
            expect(probe.asked, JSON.stringify(c + d + e)).toBe(true);
          }
        }
      }
    }
    expect([...starts].sort().join('')).toBe('():;<=]');
  });

  it('shortens elongations and marks them', () => {
    const [t] = tokenize('sooooo');
    expect(t).toMatchObject({ norm: 'soo', elongated: true });
  });

  it('marks shouting, normalises curly apostrophes and common contractions', () => {
    expect(tokenize('WORST service')[0]!.shouted).toBe(true);
    expect(norms('I’m sure u dont')).toEqual(["i'm", 'sure', 'you', "don't"]);
  });

  it('marks negation scope until punctuation or four words', () => {
    const toks = tokenize("this is not good at all, really good");
    const negated = toks.filter((t) => t.negated).map((t) => t.norm);
    expect(negated).toEqual(['good', 'at', 'all']);
    expect(tokenize("didn't like it").find((t) => t.norm === 'like')!.negated).toBe(true);
  });

  it('reads a link with no scheme, as X shows links, as a URL, and sentences run together as words', () => {
    const urls = (text: string) => tokenize(text).filter((t) => t.kind === 'url').map((t) => t.raw);
    expect(norms('Tracking says delivered: track.acme.example/4417')).toEqual(['tracking', 'says', 'delivered', ':', '<url>']);
    expect(urls('see Example.com, or bit.ly/3xYz… and gov.uk')).toEqual(['Example.com', 'bit.ly/3xYz…', 'gov.uk']);
    expect(urls("NFL.com's app, (acme.co.uk)")).toEqual(['NFL.com', 'acme.co.uk']);
    // A full stop with no space is not a link: "it", "me", "so" are words, "e.g." and "U.S." abbreviations.
    expect(urls('I tried.It works now. Thanks.Me too, e.g. the U.S. and FB.PL i.e.this')).toEqual([]);
    expect(urls('3.5/5 stars, v2.0 and 1.5.3')).toEqual([]);
    // The domain of an email address, a name that goes on, and one in a scheme link stay as they were.
    expect(urls('mail me@acme.com or acme.com_x')).toEqual([]);
    expect(urls('https://x.com/a.com')).toEqual(['https://x.com/a.com']);
  });

  it('does not take "https://" for an emoticon or a handle inside an email for a mention', () => {
    const toks = tokenize('see https://x.com/a :/ mail me@example.com');
    expect(toks.filter((t) => t.kind === 'url')).toHaveLength(1);
    expect(toks.filter((t) => t.kind === 'emoticon').map((t) => t.raw)).toEqual([':/']);
  });
});

describe('tokenize: numbers, words and emoji from the char-code scanner', () => {
  it('keeps digits glued to letters as one word and reads ordinals, times and prices as numbers', () => {
    expect(norms('24hrs 3g 1st 5.30pm $1,000')).toEqual(['24hrs', '3g', '<num>', '<num>', '<num>']);
  });

  it('keeps ZWJ emoji sequences whole and drops skin tones from the norm', () => {
    const toks = tokenize('👨‍👩‍👧 👋🏾 🇬🇧');
    expect(toks.map((t) => t.kind)).toEqual(['emoji', 'emoji', 'emoji']);
    expect(toks[1]!.norm).toBe('👋');
    expect(toks[0]!.raw).toBe('👨‍👩‍👧');
  });

  it('does not read the @ of an email address as a mention', () => {
    expect(tokenize('mail me@example.com').some((t) => t.kind === 'user')).toBe(false);
  });
});

describe('scan: texts that are their own lower case', () => {
  /** T_LOWER_TEXT of each token of a post, by its text. */
  function lowerText(text: string): Record<string, boolean> {
    const s = scan(text);
    const out: Record<string, boolean> = {};
    for (let t = 0; t < s.count; t++) out[text.slice(s.start[t]!, s.end[t]!)] = (s.bits[t]! & T_LOWER_TEXT) !== 0;
    return out;
  }

  it('marks ASCII words and tags with no capital, and emoji', () => {
    expect(lowerText('love #fail 😡 👩‍👩‍👧 🇫🇷 ❤️')).toEqual({ love: true, '#fail': true, '😡': true, '👩‍👩‍👧': true, '🇫🇷': true, '❤️': true });
  });

  it('leaves out capitals, non-ASCII words and the one pictograph with a lower case', () => {
    expect(lowerText('Love #Fail LOVE café Ⓜ️ 👩‍Ⓜ')).toEqual({ Love: false, '#Fail': false, LOVE: false, café: false, 'Ⓜ️': false, '👩‍Ⓜ': false });
  });

  it('agrees with toLowerCase on every token of the brand-directed and TweetEval validation posts', () => {
    let marked = 0;
    for (const text of [...loadBrandEval(), ...loadSentimentVal()].map((p) => p.text)) {
      const s = scan(text);
      for (let t = 0; t < s.count; t++) {
        if ((s.bits[t]! & T_LOWER_TEXT) === 0) continue;
        const raw = text.slice(s.start[t]!, s.end[t]!);
        expect(raw.toLowerCase()).toBe(raw);
        marked++;
      }
    }
    expect(marked).toBeGreaterThan(20_000);
  });
});
