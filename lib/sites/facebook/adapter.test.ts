import { describe, expect, it } from 'vitest';
import { PostSchema } from '../../post';
import { loadFixture } from '../fixture-dom';
import type { ReadResult } from '../types';
import { createFacebookAdapter, facebookAdapter as fb, parseFbPermalink } from './adapter';

function readAll(file: string, configured: string[] = []) {
  const doc = loadFixture(file);
  const ctx = { ownHandles: fb.ownHandles(doc, configured) };
  const results = fb.findPostElements(doc).map((el) => fb.readPost(el, ctx));
  const posts = results.filter((r): r is Extract<ReadResult, { ok: true }> => r.ok).map((r) => r.post);
  return { doc, results, posts };
}

describe('Facebook adapter', () => {
  it('feed with role=article: posts, a group post and its comment, paragraphs, utime', () => {
    const { posts } = readAll('facebook/feed.html');
    expect(posts.map((p) => `${p.kind}:${p.id}`)).toEqual(['post:pfbid02JaneFixturePost1', 'post:pfbid02AcmeFixturePost2', 'post:3300000000000003', 'comment:1300000000000001']);
    expect(posts[0]).toMatchObject({
      authorName: 'Jane Doe',
      authorHandle: 'jane.doe',
      text: '@Acme Co my fridge stopped cooling after two days.\n\nWho do I call?',
      permalink: 'https://www.facebook.com/jane.doe/posts/pfbid02JaneFixturePost1',
      postedAt: new Date(1795000000 * 1000).toISOString(),
      isTruncated: false,
    });
    expect(posts[0]!.lang).toBeUndefined();
    expect(posts[3]).toMatchObject({ parentId: '3300000000000003', inReplyToHandle: 'ravi.shah', text: 'Yes, with the kit.' });
    for (const p of posts) expect(PostSchema.safeParse(p).success).toBe(true);
  });

  it('feed without role=article reads the same posts (climbing from the post menu)', () => {
    const withRole = readAll('facebook/feed.html').posts.map((p) => p.id);
    const { posts } = readAll('facebook/feed-no-article.html');
    expect(posts.map((p) => p.id)).toEqual([withRole[0], '4400000000000004', withRole[2], withRole[3]]);
    expect(posts[1]).toMatchObject({ permalink: 'https://www.facebook.com/permalink.php?story_fbid=4400000000000004&id=100000000000888', authorHandle: 'omar.haddad' });
    expect(posts[0]!.permalink).not.toContain('__cft__');
  });

  it("a Page's post: comments and replies to comments are posts; own Page from settings", () => {
    const { doc, posts } = readAll('facebook/page-post.html', ['acmeco']);
    expect(posts.map((p) => `${p.kind}:${p.id}:${p.parentId ?? ''}:${p.isOwn}`)).toEqual([
      'post:pfbid02AcmeDeliveryUpdate::true',
      'comment:1100000000000001:pfbid02AcmeDeliveryUpdate:false',
      'reply:1100000000000002:1100000000000001:true',
      'reply:1100000000000003:1100000000000001:false',
      'comment:1100000000000004:pfbid02AcmeDeliveryUpdate:false',
    ]);
    expect(posts[3]).toMatchObject({ inReplyToHandle: 'bob.stone', permalink: 'https://www.facebook.com/acmeco/posts/pfbid02AcmeDeliveryUpdate?comment_id=1100000000000001&reply_comment_id=1100000000000003' });
    expect(posts[4]).toMatchObject({ authorHandle: '100000000000777', text: 'Same problem here 😞' });
    expect(fb.postIdOf(fb.detailPostElement(doc)!)).toBe('pfbid02AcmeDeliveryUpdate');
  });

  it('See more: text so far, marked truncated, the button text left out', () => {
    const { posts } = readAll('facebook/see-more.html');
    expect(posts[0]!.isTruncated).toBe(true);
    expect(posts[0]!.text).toMatch(/left the box in the rain…$/);
    expect(posts[0]!.text).not.toContain('See more');
  });

  it('broken units report author and text; a unit without a link gets a content id', () => {
    const { results } = readAll('facebook/broken.html');
    expect(results.map((r) => (r.ok ? `ok:${r.post.permalink}` : r.failure.field))).toEqual(['author', 'text', 'ok:']);
    const again = readAll('facebook/broken.html').results[2]!;
    expect(again.ok && results[2]!.ok && again.post.id === results[2]!.post.id).toBe(true);
  });

  it('own account: c_user cookie, settings, and the comment box actor', () => {
    const adapter = createFacebookAdapter({ cookie: () => 'datr=x; c_user=100000000000777; xs=y' });
    const doc = loadFixture('facebook/page-post.html');
    expect([...adapter.ownHandles(doc, ['AcmeCo'])].sort()).toEqual(['100000000000777', 'acmeco']);
    // The comment box (mounted by the page's script in the browser) names the account it posts as.
    const slot = doc.querySelector('[data-fixture-lexical]')!;
    const editor = doc.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    editor.setAttribute('role', 'textbox');
    editor.setAttribute('data-lexical-editor', 'true');
    slot.append(editor);
    expect([...fb.ownHandles(doc)]).toEqual(['acmeco']);
    expect(fb.findComposer(fb.detailPostElement(doc)!)).toBe(editor);
    expect(fb.composerTargetId(editor)).toBe('pfbid02AcmeDeliveryUpdate');
  });

  it('reply-sent evidence: own comments under the post', () => {
    const doc = loadFixture('facebook/page-post.html');
    const ctx = { ownHandles: new Set(['acmeco']) };
    expect(fb.replySentEvidence(doc, '1100000000000001', ctx)).toEqual(['own:1100000000000002']);
    expect(fb.replySentEvidence(doc, 'pfbid02AcmeDeliveryUpdate', ctx)).toEqual([]);
  });

  it('permalink patterns', () => {
    expect(parseFbPermalink('/groups/g/permalink/123/')?.id).toBe('123');
    expect(parseFbPermalink('https://www.facebook.com/photo/?fbid=55&set=a.1')).toEqual({ id: '55', permalink: 'https://www.facebook.com/photo/?fbid=55' });
    expect(parseFbPermalink('/reel/987')?.id).toBe('987');
    expect(parseFbPermalink('/watch/?v=42')?.id).toBe('42');
    expect(parseFbPermalink('#')).toBeNull();
  });
});
