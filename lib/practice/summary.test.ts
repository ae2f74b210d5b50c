import { describe, expect, it } from 'vitest';
import type { ScorePart, Skill } from './score.ts';
import { DEFAULT_PASS_MARKS, passes, PassMarksSchema, progressOverSessions, summariseSession, traineeSummariesFromLog, type SessionResult } from './summary.ts';

function result(scenarioId: string, total: number, scores: Partial<Record<Skill, number>>): SessionResult {
  const parts: ScorePart[] = Object.entries(scores).map(([skill, score]) => ({ skill: skill as Skill, score: score ?? 0, weight: 0.1, explanation: '' }));
  return { scenarioId, result: { total, parts } };
}

const results = [
  result('a', 92, { speed: 1, first_move: 1, tone: 1, channel_fit: 1, personal_data: 1, similarity: 0.4 }),
  result('b', 45, { speed: 0.5, first_move: 0.3, tone: 0.65, channel_fit: 1, personal_data: 1, similarity: 0.3 }),
  result('c', 40, { speed: 1, first_move: 0.6, tone: 1, channel_fit: 1, personal_data: 0, similarity: 0.2 }),
  result('d', 80, { speed: 0.9, first_move: 0.9, tone: 0.65, channel_fit: 1, personal_data: 1 }),
];

describe('summariseSession', () => {
  const summary = summariseSession(results);
  it('averages totals and skills (skills only over the replies scored on them)', () => {
    expect(summary.count).toBe(4);
    expect(summary.average).toBe(64.3);
    expect(summary.bySkill.speed).toBe(0.85);
    expect(summary.bySkill.first_move).toBe(0.7);
    expect(summary.bySkill.similarity).toBe(0.3);
  });
  it('names the two weakest skills, never similarity', () => {
    expect(summary.weakestSkills).toEqual(['first_move', 'personal_data']);
  });
  it('lists scenarios to retry, weakest first', () => {
    expect(summary.retryScenarioIds).toEqual(['c', 'b']);
  });
  it('handles an empty session', () => {
    const empty = summariseSession([]);
    expect(empty.average).toBeNull();
    expect(empty.weakestSkills).toEqual([]);
  });
});

describe('progressOverSessions', () => {
  it('orders sessions by time and reports the change from first to latest', () => {
    const s1 = summariseSession(results.slice(1, 3));
    const s2 = summariseSession(results);
    const s3 = summariseSession([results[0]!]);
    const progress = progressOverSessions([
      { id: 'three', endedAt: '2026-03-03T10:00:00Z', summary: s3 },
      { id: 'one', endedAt: '2026-03-01T10:00:00Z', summary: s1 },
      { id: 'two', endedAt: Date.parse('2026-03-02T10:00:00Z'), summary: s2 },
      { id: 'empty', endedAt: '2026-03-04T10:00:00Z', summary: summariseSession([]) },
    ]);
    expect(progress.points.map((p) => p.id)).toEqual(['one', 'two', 'three']);
    expect(progress.change.average).toBeCloseTo(92 - 42.5);
    expect(progress.change.bySkill.personal_data).toBeCloseTo(0.5);
    expect(progress.bestAverage).toBe(92);
  });
  it('has no change with a single session', () => {
    expect(progressOverSessions([{ id: 'x', endedAt: 1, summary: summariseSession(results) }]).change.average).toBeNull();
  });
});

describe('pass marks', () => {
  it('defaults to 0.6 per rubric skill, 0 for similarity (a reference)', () => {
    expect(DEFAULT_PASS_MARKS).toEqual({ speed: 0.6, first_move: 0.6, tone: 0.6, channel_fit: 0.6, personal_data: 0.6, similarity: 0 });
  });
  it('validates marks between 0 and 1', () => {
    expect(PassMarksSchema.safeParse({ tone: 1.5 }).success).toBe(false);
    expect(PassMarksSchema.parse({ tone: 0.8 }).tone).toBe(0.8);
  });
  it('passes when every measured skill reaches its mark', () => {
    const summary = summariseSession(results);
    const verdict = passes(summary);
    expect(verdict.passed).toBe(true);
    const strict = passes(summary, PassMarksSchema.parse({ first_move: 0.8, personal_data: 0.8 }));
    expect(strict.passed).toBe(false);
    expect(strict.failing).toEqual(['first_move', 'personal_data']);
  });
  it('an empty summary does not pass', () => {
    expect(passes(summariseSession([])).passed).toBe(false);
  });
});

describe('traineeSummariesFromLog', () => {
  it('groups practice items by trainee and session, ignoring live items', () => {
    const items = [
      { agentId: 'a1', agentName: 'Ana', mode: 'practice' as const, handledAt: '2026-03-01T10:00:00Z', practiceScore: 50, practiceSessionId: 's1' },
      { agentId: 'a1', agentName: 'Ana', mode: 'practice' as const, handledAt: '2026-03-01T10:05:00Z', practiceScore: 70, practiceSessionId: 's1' },
      { agentId: 'a1', agentName: 'Ana', mode: 'practice' as const, handledAt: '2026-03-02T10:00:00Z', practiceScore: 90, practiceSessionId: 's2' },
      { agentId: 'a1', agentName: 'Ana', mode: 'live' as const, handledAt: '2026-03-02T11:00:00Z', practiceScore: 5 },
      { agentId: 'b2', agentName: 'Ben', mode: 'practice' as const, handledAt: '2026-03-02T10:00:00Z', practiceScore: 40 },
    ];
    const out = traineeSummariesFromLog(items);
    expect(out.map((t) => t.agentName)).toEqual(['Ana', 'Ben']);
    expect(out[0]?.sessions.map((s) => [s.sessionId, s.count, s.average])).toEqual([
      ['s1', 2, 60],
      ['s2', 1, 90],
    ]);
    expect(out[0]?.average).toBe(70);
    expect(out[0]?.change).toBe(30);
    expect(out[1]?.change).toBeNull();
  });
});
