import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CarelineDB } from './database';
import { isQuotaError, itemIdFor, keptText, recordHandled, recordSeen, type LogContext } from './log';
import type { Post } from '../post';

const post: Post = {
  site: 'x',
  id: '1850000000000000001',
  permalink: 'https://x.com/jane/status/1850000000000000001',
  authorName: 'Jane Doe',
  authorHandle: 'jane',
  text: 'My order never arrived and nobody answers. Third time asking!',
  postedAt: '2026-11-25T09:00:00.000Z',
};

function ctx(now: string, overrides: Partial<LogContext> = {}): LogContext {
  return {
    profile: { agentId: 'agent-1', displayName: 'Sam Agent', initials: 'SA', brandName: 'Acme', teamSigns: true, ownHandles: [] },
    privacy: { postText: 'full', keepReplyText: true },
    mode: 'live',
    now: new Date(now),
    timing: (p, at) => ({ responseSeconds: (at.getTime() - Date.parse(p.postedAt ?? '')) / 1000, targetSeconds: 3600, targetMet: true }),
    ...overrides,
  };
}

let db: CarelineDB;
beforeEach(async () => {
  db = new CarelineDB(`test-${crypto.randomUUID()}`);
  await db.open();
});

describe('recordHandled', () => {
  it('writes one item and one outbox row per post, and a second reply updates it', async () => {
    await recordSeen(db, post, ctx('2026-11-25T09:10:00.000Z'));
    const first = await recordHandled(db, { post, reason: 'replied', replyText: 'Sorry! ^SA' }, ctx('2026-11-25T09:30:00.000Z'));
    expect(first.replyCount).toBe(1);
    expect(first.responseSeconds).toBe(1800);
    expect(first.handleSeconds).toBe(1200);
    expect(first.firstSeenAt).toBe('2026-11-25T09:10:00.000Z');

    const second = await recordHandled(db, { post, reason: 'replied', replyText: 'Update: refunded ^SA' }, ctx('2026-11-25T10:00:00.000Z'));
    expect(await db.items.count()).toBe(1);
    expect(second.replyCount).toBe(2);
    expect(second.repliedAt).toBe('2026-11-25T09:30:00.000Z');
    expect(second.lastReplyAt).toBe('2026-11-25T10:00:00.000Z');
    expect(second.responseSeconds).toBe(1800);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.seen.get(itemIdFor('agent-1', post)))?.handled).toBe(true);
  });

  it('marks handled without reply and keeps the reason', async () => {
    const item = await recordHandled(db, { post, reason: 'moved_to_dm' }, ctx('2026-11-25T09:30:00.000Z'));
    expect(item.replyCount).toBe(0);
    expect(item.reason).toBe('moved_to_dm');
    expect(item.repliedAt).toBeUndefined();
  });

  it('applies the privacy setting to post and reply text', async () => {
    const c = ctx('2026-11-25T09:30:00.000Z', { privacy: { postText: 'none', keepReplyText: false } });
    const item = await recordHandled(db, { post, reason: 'replied', replyText: 'hello' }, c);
    expect(item.text).toBeUndefined();
    expect(item.replyText).toBeUndefined();
    expect(keptText('😀'.repeat(300), { postText: 'first280', keepReplyText: true })).toBe('😀'.repeat(280));
  });

  it('first sight stays first', async () => {
    await recordSeen(db, post, ctx('2026-11-25T09:10:00.000Z'));
    const again = await recordSeen(db, post, ctx('2026-11-25T09:20:00.000Z'));
    expect(again.firstSeenAt).toBe('2026-11-25T09:10:00.000Z');
  });
});

describe('isQuotaError', () => {
  it('finds a QuotaExceededError directly and inside an AbortError', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    const abort = new Dexie.AbortError('Transaction aborted', new DOMException('full', 'QuotaExceededError'));
    expect(isQuotaError(abort)).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted'))).toBe(false);
    expect(isQuotaError(new Error('nope'))).toBe(false);
  });
});
