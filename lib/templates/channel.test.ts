import { describe, expect, it } from 'vitest';
import { countForChannel, dmInviteText, splitIntoThread, suggestShortening, tightenText, xWeightedLength } from './channel.ts';

describe('countForChannel on X (twitter-text weighting)', () => {
  it.each([
    ['plain ASCII counts 1 each', 'Hello there', 11],
    ['a URL counts 23 however long', 'See https://example.com/a/very/long/path/that/goes/on?and=on&and=on', 4 + 23],
    ['a short URL still counts 23', 'https://t.co', 23],
    ['a bare domain is a URL too', 'Visit example.com today', 6 + 23 + 6],
    ['two URLs', 'a.com b.org', 23 + 1 + 23],
    ['CJK counts 2 each', '日本語のテキスト', 16],
    ['Hangul counts 2 each', '안녕하세요', 10],
    ['an emoji counts 2', 'Thanks 🙏', 7 + 2],
    ['a ZWJ family emoji counts 2', '👨‍👩‍👧‍👦', 2],
    ['skin-tone and flag emoji count 2 each', '👍🏽🇬🇧', 4],
    ['accented Latin counts 1', 'café naïve', 10],
    ['Cyrillic counts 1', 'Привет', 6],
    ['curly quotes and dashes count 1', '“Hi” — it’s', 11],
    ['but an ellipsis character counts 2', 'Wait…', 4 + 2],
    ['a decomposed é counts as one', 'e\u0301', 1],
  ])('%s', (_label, text, weighted) => {
    expect(countForChannel(text, 'x').weighted).toBe(weighted);
  });

  it('reports the limit, the remainder and whether it is over', () => {
    expect(countForChannel('a'.repeat(280), 'x')).toEqual({ weighted: 280, limit: 280, remaining: 0, over: false });
    expect(countForChannel('a'.repeat(281), 'x')).toEqual({ weighted: 281, limit: 280, remaining: -1, over: true });
    expect(countForChannel('日'.repeat(141), 'x')).toMatchObject({ weighted: 282, over: true });
    expect(countForChannel('日'.repeat(140), 'x')).toMatchObject({ weighted: 280, over: false });
  });

  it('counts the practice feed as X', () => {
    expect(countForChannel('日本 https://example.com', 'practice')).toEqual(countForChannel('日本 https://example.com', 'x'));
  });
});

describe('countForChannel on Facebook', () => {
  it('counts characters (code points) against 8,000', () => {
    expect(countForChannel('See https://example.com/long/path', 'facebook')).toEqual({ weighted: 33, limit: 8000, remaining: 7967, over: false });
    expect(countForChannel('😀日本', 'facebook').weighted).toBe(3);
    expect(countForChannel('a'.repeat(8001), 'facebook').over).toBe(true);
  });
});

describe('tightenText', () => {
  it('contracts and cuts filler without changing the meaning', () => {
    expect(tightenText('We are really sorry. Please do not hesitate to send us a direct message in order to get this sorted.')).toBe(
      "We're sorry. Feel free to send us a DM to get this sorted.",
    );
    expect(tightenText('I am  checking.  It is  fine')).toBe("I'm checking. It's fine");
  });
});

describe('splitIntoThread', () => {
  const long =
    "We're so sorry about the delay with your order. Our warehouse had a system outage on Monday and orders placed that day were held. " +
    'Yours is now packed and will leave us this afternoon with tracking sent by email. ' +
    "As an apology we've added a 20% voucher to your account which you can use on your next order at https://example.com/vouchers. " +
    'If anything else goes wrong please reply here and we will sort it straight away. ^JS';

  it('keeps a short reply whole', () => {
    expect(splitIntoThread('Thanks! ^JS')).toEqual(['Thanks! ^JS']);
    expect(splitIntoThread('   ')).toEqual([]);
  });

  it('splits between sentences into numbered posts that each fit', () => {
    expect(xWeightedLength(long)).toBeGreaterThan(280);
    const posts = splitIntoThread(long);
    expect(posts.length).toBe(2);
    posts.forEach((post, i) => {
      expect(xWeightedLength(post)).toBeLessThanOrEqual(280);
      expect(post.endsWith(` ${i + 1}/${posts.length}`)).toBe(true);
    });
    // Nothing is lost or cut mid-word: the words come back in order.
    const rejoined = posts.map((p) => p.replace(/ \d+\/\d+$/u, '')).join(' ');
    expect(rejoined.split(/\s+/u)).toEqual(long.split(/\s+/u));
  });

  it('handles a sentence longer than a post, CJK text, and a custom limit', () => {
    const run = 'word '.repeat(120).trim();
    const posts = splitIntoThread(run, 100);
    expect(posts.length).toBeGreaterThan(5);
    for (const post of posts) expect(xWeightedLength(post)).toBeLessThanOrEqual(100);
    const cjk = '日本語の文章です。'.repeat(40);
    for (const post of splitIntoThread(cjk)) expect(xWeightedLength(post)).toBeLessThanOrEqual(280);
  });

  it('stays within the limit when the post count reaches two digits', () => {
    const posts = splitIntoThread('Sentence number one is here. '.repeat(120));
    expect(posts.length).toBeGreaterThanOrEqual(10);
    for (const post of posts) expect(xWeightedLength(post)).toBeLessThanOrEqual(280);
    expect(posts[posts.length - 1]).toMatch(new RegExp(` ${posts.length}/${posts.length}$`, 'u'));
  });
});

describe('suggestShortening', () => {
  it('offers nothing for a reply that fits', () => {
    expect(suggestShortening('Thanks! ^JS', 'x')).toEqual({ over: false, overBy: 0, options: [] });
  });

  it('offers a tightened version first when it fits, then a thread, then a DM move', () => {
    const text = `${'We are really sorry, we would like to help. '.repeat(6)}Please do not hesitate to DM us. ^JS`;
    const overBy = countForChannel(text, 'x').weighted - 280;
    expect(overBy).toBeGreaterThan(0);
    const suggestion = suggestShortening(text, 'x', { customerFirstName: 'Jane', signature: '^JS' });
    expect(suggestion.over).toBe(true);
    expect(suggestion.overBy).toBe(overBy);
    expect(suggestion.options.map((o) => o.kind)).toEqual(['tighten', 'thread', 'dm']);
    const [tighten, thread, dm] = suggestion.options;
    if (tighten?.kind !== 'tighten' || thread?.kind !== 'thread' || dm?.kind !== 'dm') throw new Error('unexpected options');
    expect(tighten.count.over).toBe(false);
    expect(thread.posts.length).toBeGreaterThan(1);
    expect(dm.text).toBe("Hi Jane, we'd like to look into this properly. Could you send us a DM so we can go through the details? ^JS");
  });

  it('skips the tightened version when it is still too long, and offers no thread on Facebook', () => {
    const x = suggestShortening('x'.repeat(400), 'x');
    expect(x.options.map((o) => o.kind)).toEqual(['thread', 'dm']);
    const facebook = suggestShortening('word '.repeat(1700), 'facebook');
    expect(facebook.options.map((o) => o.kind)).toEqual(['dm']);
  });
});

describe('dmInviteText', () => {
  it('says Messenger on Facebook and works without a name or signature', () => {
    expect(dmInviteText({ channel: 'facebook' })).toBe(
      "We'd like to look into this properly. Could you send us a private message on Messenger so we can go through the details?",
    );
  });
});
