import { beforeEach, describe, expect, it } from 'vitest';
import { CarelineDB } from '../db/database';
import { createLogHandlers } from './log-handlers';
import { classifyPost } from '../classify';
import { editDistance } from '../templates/edit-distance';
import type { Post } from '../post';

const post: Post = {
  site: 'practice',
  id: 'scenario-1',
  permalink: '',
  authorName: 'Dana',
  authorHandle: 'dana_w',
  // A plain complaint (P(complaint) 0.85–0.90 whatever the sentiment head's seed): "My flight was
  // cancelled and nobody is helping. Third time asking!" sits at 0.46–0.51, a coin toss.
  text: 'My order never arrived and nobody answers. Third time asking!',
  postedAt: '2026-11-25T09:00:00.000Z',
};

let db: CarelineDB;
let clock: Date;
const handlers = (classifyDelayMs = 0) =>
  createLogHandlers({
    db,
    loadProfile: async () => ({ agentId: 'a1', displayName: 'Sam', initials: 'SA', brandName: 'Acme', teamSigns: true, ownHandles: [] }),
    loadPrivacy: async () => ({ postText: 'full', keepReplyText: true }),
    classify: async (p) => {
      if (classifyDelayMs) await new Promise((resolve) => setTimeout(resolve, classifyDelayMs));
      return classifyPost({ text: p.text });
    },
    timing: async (p, at) => ({ responseSeconds: (at.getTime() - Date.parse(p.postedAt!)) / 1000 }),
    editDistance,
    now: () => clock,
  });

beforeEach(async () => {
  db = new CarelineDB(`handlers-${crypto.randomUUID()}`);
  await db.open();
  clock = new Date('2026-11-25T09:20:00.000Z');
});

describe('log handlers', () => {
  it('records the inserted template and the edit distance of the sent reply', async () => {
    const h = handlers();
    await h.postFocused(post);
    await h.replyInserted(post, 'Sorry about this, Dana. ^SA', 'tpl-apology');
    clock = new Date('2026-11-25T09:25:00.000Z');
    const item = await h.replySent(post, 'So sorry about this, Dana. ^SA');
    expect(item.templateId).toBe('tpl-apology');
    expect(item.editDistance).toBe(3);
    expect(item.mode).toBe('practice');
    expect(item.intent).toBe('complaint');
    expect(item.responseSeconds).toBe(1500);
    expect(item.handleSeconds).toBe(300);
    expect(await db.meta.count()).toBe(0);
  });

  it('lands a practice score on the item whether it arrives before or after the reply', async () => {
    const h = handlers();
    await h.practiceScored(post, 82, 'session-1');
    const item = await h.replySent(post, 'Sorry!');
    expect(item.practiceScore).toBe(82);
    expect(item.practiceSessionId).toBe('session-1');

    const other = { ...post, id: 'scenario-2' };
    await h.replySent(other, 'Thanks!');
    await h.practiceScored(other, 40, 'session-1');
    expect((await db.items.get('a1:practice:scenario-2'))?.practiceScore).toBe(40);
  });

  it('keeps a practice score that arrives while the reply is being logged', async () => {
    // A slow classifier widens the window in which the score arrives.
    const h = handlers(5);
    // The score arrives at different moments while the reply is being logged (before, during
    // the classification, after): it is never lost between reading the pending score and
    // clearing it.
    for (let i = 0; i < 10; i++) {
      const p = { ...post, id: `race-${i}` };
      const sent = h.replySent(p, 'Sorry!');
      await new Promise((resolve) => setTimeout(resolve, i));
      await Promise.all([sent, h.practiceScored(p, 70 + i, 'session-2')]);
      expect((await db.items.get(`a1:practice:race-${i}`))?.practiceScore, `score ${i} ms after the reply`).toBe(70 + i);
    }
    expect(await db.meta.count()).toBe(0);
  });

  it("never logs the agent's own posts as seen customer posts", async () => {
    await handlers().postFocused({ ...post, isOwn: true });
    expect(await db.seen.count()).toBe(0);
  });
});
