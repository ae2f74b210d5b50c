import { describe, expect, it } from 'vitest';
import { PostSchema, type Post } from '../../post';
import { loadFixture, loadHtml, readFixture } from '../fixture-dom';
import type { ReadResult } from '../types';
import { createXAdapter, xAdapter } from './adapter';

function readAll(file: string, configured: string[] = []) {
  const doc = loadFixture(file);
  const ctx = { ownHandles: xAdapter.ownHandles(doc, configured) };
  const results = xAdapter.findPostElements(doc).map((el) => xAdapter.readPost(el, ctx));
  return { doc, results, posts: results.filter((r): r is Extract<ReadResult, { ok: true }> => r.ok).map((r) => r.post) };
}

function capture(name: string, url: string): Document {
  return loadHtml(`<!DOCTYPE html><html><body><main role="main"><div data-testid="primaryColumn">${readFixture(`x/captures/${name}`)}</div></main></body></html>`, url);
}

describe('X adapter on the real captures', () => {
  it('reads the focused sample tweet on its status page', () => {
    const doc = capture('tweetyoink-x-tweet-sample.html', 'https://x.com/TestUser123/status/1981398750557065646');
    const main = xAdapter.detailPostElement(doc);
    expect(main).not.toBeNull();
    const read = xAdapter.readPost(main!);
    expect(read.ok && read.post).toMatchObject({
      id: '1981398750557065646',
      authorName: 'Test User Account',
      authorHandle: 'TestUser123',
      text: "Democrat Shutdown Jeopardizes America's Skies",
      lang: 'en',
      postedAt: '2025-10-23T16:34:09.000Z',
      permalink: 'https://x.com/TestUser123/status/1981398750557065646',
      isReply: false,
    });
    expect(xAdapter.focusedPostElement(doc)).toBe(main);
  });

  it('reads a quote tweet as the outer post, never the quoted one', () => {
    const doc = capture('tweetyoink-x-tweet-quote.html', 'https://x.com/home');
    const posts = xAdapter.findPostElements(doc);
    expect(posts).toHaveLength(1);
    const read = xAdapter.readPost(posts[0]!);
    expect(read.ok && read.post).toMatchObject({
      id: '1983130065320780162',
      authorHandle: 'TestQuoter',
      authorName: 'Test Quoter',
      text: 'This is a quote tweet with additional commentary',
      postedAt: '2025-10-28T11:13:47.000Z',
    });
    expect(read.ok && read.post.text).not.toContain('original quoted tweet');
  });

  it('reads the quote-with-video capture as the outer post', () => {
    const doc = capture('tweetyoink-x-tweet-quote-video.html', 'https://x.com/home');
    const read = xAdapter.readPost(xAdapter.findPostElements(doc)[0]!);
    expect(read.ok && read.post).toMatchObject({ id: '1983128852952998358', authorHandle: 'QuotingUser', postedAt: '2025-10-28T11:08:57.000Z' });
  });
});

describe('X adapter on fixture pages', () => {
  it('status page: main post with emoji, mention and link text; replies point to it; own reply marked', () => {
    const { doc, posts } = readAll('x/status.html');
    expect(posts.map((p) => p.id)).toEqual(['1850000000000000001', '1850000000000000002', '1850000000000000003', '1850000000000000004']);
    expect(posts[0]!.text).toBe('Hi @acme_help my order #4417 never arrived 😡\nTracking says delivered: track.acme.example/4417');
    expect(posts[0]!.isReply).toBe(false);
    expect(posts[1]).toMatchObject({ authorHandle: 'acme_help', isOwn: true, parentId: '1850000000000000001', kind: 'reply' });
    expect(posts[3]).toMatchObject({ lang: 'zh', text: '我的订单也没到。\n请帮忙看看。', inReplyToHandle: 'maria_g', isOwn: false });
    expect(xAdapter.postIdOf(xAdapter.detailPostElement(doc)!)).toBe('1850000000000000001');
    for (const p of posts) expect(PostSchema.safeParse(p).success).toBe(true);
  });

  it('home timeline: all posts, own post marked, "Replying to" read', () => {
    const { posts } = readAll('x/home.html');
    expect(posts).toHaveLength(14);
    expect(posts.filter((p) => p.isOwn).map((p) => p.id)).toEqual(['1849999999999999000']);
    expect(posts.find((p) => p.id === '1849999999999999001')).toMatchObject({ isReply: true, inReplyToHandle: 'acme_help', authorName: 'Sam Rivera' });
  });

  it('notifications: mentions are posts, like rows are not', () => {
    const { posts } = readAll('x/notifications.html');
    expect(posts.map((p) => p.authorHandle)).toEqual(['aisha_b', 'kenji_t']);
    expect(posts[1]!.text).toBe('@acme_help where can I download my invoice?');
  });

  it('profile and search pages', () => {
    expect(readAll('x/profile.html').posts.map((p) => p.text)).toEqual(['Loving the new store layout.', 'Still waiting for an answer.', 'Weekend!🎉']);
    expect(readAll('x/search.html').posts.map((p) => p.authorHandle)).toEqual(['priya_n', 'tom_k']);
  });

  it('quote page: three posts, quoted posts are never separate posts', () => {
    const { posts } = readAll('x/quote.html');
    expect(posts.map((p) => p.id)).toEqual(['1850000000000000601', '1983128852952998358', '1850000000000000603']);
    expect(posts[0]!.text).toBe('This is exactly my problem, @acme_help please look');
  });

  it('legacy testids (User-Names, no tweet/tweetText testids) still read', () => {
    const { posts, results } = readAll('x/legacy-testids.html');
    expect(results.every((r) => r.ok)).toBe(true);
    expect(posts.map((p) => p.authorHandle)).toEqual(['maria_g', 'tom_k', 'li_wei']);
    expect(posts[0]!.text).toContain('My order hasn');
  });

  it('broken posts report the failed field and do not stop the others', () => {
    const { results } = readAll('x/broken.html');
    expect(results.map((r) => (r.ok ? 'ok' : r.failure.field))).toEqual(['text', 'time', 'ok']);
    expect(results[0]!.ok === false && results[0]!.failure.message).toMatch(/Couldn't read this post's text/);
  });

  it('own handles: from the profile link and from settings', () => {
    const doc = loadFixture('x/home.html');
    expect([...xAdapter.ownHandles(doc, ['@Acme_Care'])].sort()).toEqual(['acme_care', 'acme_help']);
    const ctx = { ownHandles: xAdapter.ownHandles(doc, ['maria_g']) };
    const maria = xAdapter.findPostElements(doc).map((el) => xAdapter.readPost(el, ctx)).filter((r) => r.ok && r.post.authorHandle === 'maria_g');
    expect(maria.every((r) => r.ok && r.post.isOwn)).toBe(true);
  });

  it('never throws on foreign elements', () => {
    const doc = loadFixture('x/home.html');
    const r = xAdapter.readPost(doc.body);
    expect(r.ok).toBe(false);
    expect(xAdapter.postIdOf(doc.body)).toBeNull();
  });

  it('practice site: same markup, site "practice", own origin', () => {
    const adapter = createXAdapter({ site: 'practice', origin: 'chrome-extension://abc', hosts: ['abc'] });
    const doc = loadFixture('x/home.html');
    const r = adapter.readPost(adapter.findPostElements(doc)[0]!);
    expect(r.ok && r.post).toMatchObject({ site: 'practice', permalink: 'chrome-extension://abc/maria_g/status/1850000000000000100' });
    expect(adapter.matches({ hostname: 'abc' } as Location)).toBe(true);
    expect(adapter.matches({ hostname: 'x.com' } as Location)).toBe(false);
  });

  it('reply-sent evidence: a toast link and the own reply under the post', () => {
    const doc = loadFixture('x/status.html');
    const ctx = { ownHandles: xAdapter.ownHandles(doc) };
    expect(xAdapter.replySentEvidence(doc, '1850000000000000001', ctx)).toEqual(['own:1850000000000000002']);
    const toast = doc.createElement('div');
    toast.setAttribute('data-testid', 'toast');
    const a = doc.createElement('a');
    a.setAttribute('href', '/acme_help/status/1850000000000000999');
    toast.append('Your post was sent', a);
    doc.getElementById('layers')!.append(toast);
    expect(xAdapter.replySentEvidence(doc, '1850000000000000001', ctx)).toContain('toast:1850000000000000999');
  });
});

export type { Post };
