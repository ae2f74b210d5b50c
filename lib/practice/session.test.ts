import { describe, expect, it } from 'vitest';
import type { Scenario } from './scenario.ts';
import { planSession, seededRandom, SHIFT_MS } from './session.ts';
import { makeScenario } from './test-scenarios.ts';

const brands = ['AppleSupport', 'AskeBay', 'SpotifyCares', 'Delta'];
const difficulties = ['easy', 'medium', 'hard'] as const;

// 60 scenarios: every 3rd a complaint, every 7th an escalation, difficulties and brands in rotation.
const pool: Scenario[] = Array.from({ length: 60 }, (_, i) =>
  makeScenario({
    id: `s${i}`,
    brand: brands[i % brands.length],
    difficulty: difficulties[i % 3],
    expected: {
      intent: i % 3 === 0 ? 'complaint' : 'question',
      flags: [],
      firstMoves: i % 7 === 0 ? ['apologise', 'escalate'] : ['answer'],
    },
    source: { dataset: 'test', conversationId: `c${i}` },
  }),
);

describe('planSession', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = planSession(pool, { length: 10, seed: 42 });
    const b = planSession(pool, { length: 10, seed: 42 });
    const c = planSession(pool, { length: 10, seed: 43 });
    expect(a).toEqual(b);
    expect(a.posts.map((p) => p.scenario.id)).not.toEqual(c.posts.map((p) => p.scenario.id));
  });

  it('gives 10 or 20 distinct posts, three waiting at the start, the rest 20–60 s apart', () => {
    for (const length of [10, 20] as const) {
      const plan = planSession(pool, { length, seed: 'trainee-1' });
      expect(plan.posts).toHaveLength(length);
      expect(new Set(plan.posts.map((p) => p.scenario.id)).size).toBe(length);
      expect(plan.timeLimitMs).toBeNull();
      expect(plan.posts.slice(0, 3).map((p) => p.arriveAtMs)).toEqual([0, 0, 0]);
      for (let i = 3; i < plan.posts.length; i++) {
        const gap = (plan.posts[i]?.arriveAtMs ?? 0) - (plan.posts[i - 1]?.arriveAtMs ?? 0);
        expect(gap).toBeGreaterThanOrEqual(20_000);
        expect(gap).toBeLessThanOrEqual(60_000);
      }
    }
  });

  it('a 15-minute shift has posts arriving through the shift, none after it', () => {
    const plan = planSession(pool, { length: 'shift15', seed: 7 });
    expect(plan.timeLimitMs).toBe(SHIFT_MS);
    expect(plan.posts.length).toBeGreaterThan(5);
    expect(plan.posts.every((p) => p.arriveAtMs < SHIFT_MS)).toBe(true);
    expect(plan.posts.at(-1)?.arriveAtMs).toBeGreaterThan(SHIFT_MS / 2);
    const times = plan.posts.map((p) => p.arriveAtMs);
    expect([...times].sort((x, y) => x - y)).toEqual(times);
  });

  it('a hard shift is busier than an easy one on average', () => {
    const count = (difficulty: 'easy' | 'hard') =>
      Array.from({ length: 20 }, (_, seed) => planSession(pool, { length: 'shift15', difficulty, seed }).posts.length).reduce((a, b) => a + b, 0);
    expect(count('hard')).toBeGreaterThan(count('easy'));
  });

  it('focus: complaints only, escalations only', () => {
    const complaints = planSession(pool, { length: 10, focus: 'complaints', seed: 1 });
    expect(complaints.posts.every((p) => p.scenario.expected.intent === 'complaint')).toBe(true);
    const escalations = planSession(pool, { length: 20, focus: 'escalations', seed: 1 });
    expect(escalations.posts.every((p) => p.scenario.expected.firstMoves.includes('escalate'))).toBe(true);
    // Only 9 of the 60 are escalations (0, 7, …, 56): the session says so.
    expect(escalations.posts).toHaveLength(9);
    expect(escalations.notes[0]).toMatch(/Only 9/u);
  });

  it('difficulty: takes that level first, fills from the nearest with a note', () => {
    const plan = planSession(pool, { length: 10, difficulty: 'hard', seed: 3 });
    expect(plan.posts.every((p) => p.scenario.difficulty === 'hard')).toBe(true);
    const short = planSession(pool, { length: 20, difficulty: 'easy', focus: 'complaints', seed: 3 });
    // Complaints are every 3rd scenario, the same rotation as difficulty: all 20 are easy.
    expect(short.posts.every((p) => p.scenario.difficulty === 'easy')).toBe(true);
    const mixed = planSession(pool, { length: 20, difficulty: 'medium', focus: 'all', seed: 3 });
    expect(mixed.posts.filter((p) => p.scenario.difficulty === 'medium')).toHaveLength(20);
    const overflow = planSession(pool.slice(0, 30), { length: 20, difficulty: 'medium', seed: 3 });
    expect(overflow.posts.filter((p) => p.scenario.difficulty === 'medium')).toHaveLength(10);
    // Easy and hard are both one step from medium: they fill the other 10 together.
    expect(overflow.posts.filter((p) => p.scenario.difficulty !== 'medium')).toHaveLength(10);
    const easyFill = planSession(pool.slice(0, 30), { length: 20, difficulty: 'easy', seed: 3 });
    // From easy, medium (one step) fills before hard (two steps).
    expect(easyFill.posts.filter((p) => p.scenario.difficulty === 'medium')).toHaveLength(10);
    expect(easyFill.posts.filter((p) => p.scenario.difficulty === 'hard')).toHaveLength(0);
    expect(overflow.notes.some((n) => /10 of the posts are not “medium”/u.test(n))).toBe(true);
  });

  it('avoids the same brand twice in a row when it can', () => {
    const plan = planSession(pool, { length: 20, seed: 11 });
    for (let i = 1; i < plan.posts.length; i++) expect(plan.posts[i]?.scenario.brand).not.toBe(plan.posts[i - 1]?.scenario.brand);
  });

  it('an empty focus gives an empty plan with a note', () => {
    const plan = planSession(pool.filter((s) => s.expected.intent !== 'complaint'), { length: 10, focus: 'complaints', seed: 1 });
    expect(plan.posts).toEqual([]);
    expect(plan.notes[0]).toMatch(/no scenarios/u);
  });
});

describe('seededRandom', () => {
  it('gives the same stream for the same seed, in [0, 1)', () => {
    const a = seededRandom('x');
    const b = seededRandom('x');
    for (let i = 0; i < 100; i++) {
      const v = a();
      expect(v).toBe(b());
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });
});
