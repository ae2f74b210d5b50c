import { describe, expect, it } from 'vitest';
import { completedSessionsOf } from './practice-sessions';

const bySkill = { speed: 0.9, first_move: 0.5, tone: 1, channel_fit: 1, personal_data: 1, similarity: null };

describe('completedSessionsOf', () => {
  it('reads summaries stored directly or under `summary`, and leaves out unfinished or unreadable rows', () => {
    const out = completedSessionsOf([
      { id: 'a', startedAt: '2026-10-01T09:00:00Z', endedAt: '2026-10-01T09:15:00Z', data: { count: 4, average: 71.5, bySkill } },
      { id: 'b', startedAt: '2026-10-02T09:00:00Z', endedAt: '2026-10-02T09:15:00Z', data: { plan: [], summary: { count: 2, average: 80, bySkill: { speed: 1 } } } },
      { id: 'c', startedAt: '2026-10-03T09:00:00Z', data: { count: 1, average: 50, bySkill } },
      { id: 'd', startedAt: '2026-10-04T09:00:00Z', endedAt: '2026-10-04T09:15:00Z', data: 'garbage' },
    ]);
    expect(out.map((s) => s.id)).toEqual(['a', 'b']);
    expect(out[0]!.summary).toEqual({ count: 4, average: 71.5, bySkill });
    expect(out[1]!.summary.bySkill).toEqual({ speed: 1, first_move: null, tone: null, channel_fit: null, personal_data: null, similarity: null });
  });
});
