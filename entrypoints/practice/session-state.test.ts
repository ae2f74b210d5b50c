import { describe, expect, it } from 'vitest';
import { makeScenario } from '../../lib/practice/test-scenarios';
import type { ScoreResult } from '../../lib/practice/score';
import { scoreReply } from '../../lib/practice/score';
import {
  allShownAnswered,
  createSession,
  endSession,
  postedAt,
  recordReply,
  sessionOutcome,
  shouldEnd,
  showWaiting,
  shownPosts,
  storedSessionData,
  timeLeftMs,
  waitingPosts,
  type SessionSettings,
} from './session-state';

const scenarios = Array.from({ length: 12 }, (_, i) =>
  makeScenario({
    id: `s-${i}`,
    brand: i % 2 ? 'ShopHelp' : 'AirHelp',
    postedMinutesAgo: i,
    difficulty: i % 3 === 0 ? 'easy' : i % 3 === 1 ? 'medium' : 'hard',
    source: { dataset: 'test', conversationId: `c-${i}` },
  }),
);
const pack = { format: 'careline-scenarios' as const, version: 1 as const, scenarios };
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const settings = (over: Partial<SessionSettings> = {}): SessionSettings => ({ kind: '10', focus: 'all', seed: '7', pack: 'builtin', ...over });
const fixedScore = (total: number): ScoreResult => ({ total, parts: [{ skill: 'tone', score: total / 100, weight: 0.2, explanation: '' }], moves: [] });

describe('createSession', () => {
  it('gives every post a digit-only status id, unique in the session and different in the next', () => {
    const a = createSession(pack, settings(), T0);
    const b = createSession(pack, settings(), T0 + 1000);
    expect(a.posts).toHaveLength(10);
    for (const p of a.posts) expect(p.postId).toMatch(/^\d{1,25}$/);
    expect(new Set(a.posts.map((p) => p.postId)).size).toBe(10);
    // Same seed, same scenarios; a new session still gets new ids (a retried scenario is a new item).
    expect(b.posts.map((p) => p.scenario.id)).toEqual(a.posts.map((p) => p.scenario.id));
    expect(b.posts.some((p) => a.posts.some((q) => q.postId === p.postId))).toBe(false);
  });

  it('a quick look is three posts, all waiting at the start', () => {
    const s = createSession(pack, settings({ kind: 'quick3' }), T0);
    expect(s.posts).toHaveLength(3);
    expect(s.posts.every((p) => p.arriveAtMs === 0)).toBe(true);
    expect(s.shownIds).toHaveLength(3);
    expect(s.timeLimitMs).toBeNull();
  });

  it('a shift has a 15-minute limit and later arrivals wait behind "show new posts"', () => {
    const s = createSession(pack, settings({ kind: 'shift15' }), T0);
    expect(s.timeLimitMs).toBe(15 * 60_000);
    expect(timeLeftMs(s, T0 + 60_000)).toBe(14 * 60_000);
    expect(s.shownIds).toHaveLength(3);
    const later = s.posts[3]!;
    expect(waitingPosts(s, T0 + later.arriveAtMs - 1)).toHaveLength(0);
    expect(waitingPosts(s, T0 + later.arriveAtMs).map((p) => p.postId)).toEqual([later.postId]);
    const shown = showWaiting(s, T0 + later.arriveAtMs);
    // Newest arrival on top, as a timeline shows it.
    expect(shownPosts(shown)[0]?.postId).toBe(later.postId);
  });

  it('dates each post by its arrival minus how old the scenario says it is', () => {
    const s = createSession(pack, settings(), T0);
    const p = s.posts[4]!;
    expect(postedAt(s, p)).toBe(T0 + p.arriveAtMs - p.scenario.postedMinutesAgo * 60_000);
  });

  it('a focus with no scenarios gives an empty session with a note', () => {
    const s = createSession(pack, settings({ focus: 'escalations' }), T0);
    expect(s.posts).toEqual([]);
    expect(s.notes.join(' ')).toMatch(/no scenarios/);
  });
});

describe('replies, end and outcome', () => {
  it('scores the first reply to a post, measures from its arrival, and keeps a second reply unscored', () => {
    let s = createSession(pack, settings({ kind: 'quick3' }), T0);
    const id = s.posts[0]!.postId;
    const first = recordReply(s, id, 'Sorry about this! DM us.', T0 + 90_000, (_, after) => fixedScore(after === 90_000 ? 80 : 0));
    s = first.session;
    expect(first.reply.score?.total).toBe(80);
    expect(first.reply.replyId).toMatch(/^\d+$/);
    const second = recordReply(s, id, 'Also…', T0 + 95_000, () => fixedScore(10));
    expect(second.reply.score).toBeNull();
    expect(second.reply.replyId).not.toBe(first.reply.replyId);
  });

  it('a fixed-length session ends when every post is answered; the outcome lists what to retry', () => {
    let s = createSession(pack, settings({ kind: 'quick3' }), T0);
    const totals = [90, 40, 75];
    s.posts.forEach((p, i) => {
      expect(shouldEnd(s, T0 + i)).toBe(false);
      s = recordReply(s, p.postId, 'x', T0 + 1000 * (i + 1), () => fixedScore(totals[i]!)).session;
    });
    expect(allShownAnswered(s)).toBe(true);
    expect(shouldEnd(s, T0 + 5000)).toBe(true);
    s = endSession(s, T0 + 5000);
    const outcome = sessionOutcome(s);
    expect(outcome.summary.count).toBe(3);
    expect(outcome.summary.average).toBeCloseTo(68.3, 1);
    expect(outcome.retry.map((r) => r.id)).toEqual([s.posts[1]!.scenario.id]);
    expect(outcome.unanswered).toEqual([]);
    // After the end, replies are kept but not scored.
    expect(recordReply(s, s.posts[0]!.postId, 'late', T0 + 9000, () => fixedScore(100)).reply.score).toBeNull();
  });

  it('a shift ends at its limit; arrived but unanswered posts are offered for retry', () => {
    let s = createSession(pack, settings({ kind: 'shift15' }), T0);
    s = recordReply(s, s.posts[0]!.postId, 'x', T0 + 10_000, () => fixedScore(95)).session;
    expect(shouldEnd(s, T0 + 15 * 60_000 - 1)).toBe(false);
    expect(shouldEnd(s, T0 + 15 * 60_000)).toBe(true);
    s = endSession(s, T0 + 15 * 60_000);
    const outcome = sessionOutcome(s);
    const arrived = s.posts.filter((p) => p.arriveAtMs <= 15 * 60_000);
    expect(outcome.unanswered).toHaveLength(arrived.length - 1);
    // At most 10 are offered, in arrival order.
    expect(arrived.length - 1).toBeGreaterThan(10);
    expect(outcome.retry.map((r) => r.id)).toEqual(arrived.slice(1, 11).map((p) => p.scenario.id));
    expect(timeLeftMs(s, T0 + 20 * 60_000)).toBe(0);
  });

  it('a retry session holds exactly the scenarios given, and the stored data names each post', () => {
    const chosen = scenarios.slice(0, 4);
    const s = createSession(chosen, { kind: 'retry', focus: 'all', seed: '1', pack: 'builtin' }, T0);
    expect(s.posts.map((p) => p.scenario.id).sort()).toEqual(chosen.map((c) => c.id).sort());
    expect(s.notes).toEqual([]);
    const scored = recordReply(s, s.posts[0]!.postId, 'Sorry to hear this, DM us please. ^AB', T0 + 30_000, (post, after) =>
      scoreReply({ scenario: post.scenario, reply: 'Sorry to hear this, DM us please. ^AB', respondedAfterMs: after }),
    ).session;
    const data = storedSessionData(scored);
    expect(data.posts[0]).toMatchObject({ postId: s.posts[0]!.postId, scenarioId: s.posts[0]!.scenario.id, respondedAfterMs: 30_000 });
    expect(data.posts[0]!.total).toBeGreaterThan(0);
    expect(data.posts[1]!.total).toBeNull();
    expect(data.summary.count).toBe(1);
  });
});
