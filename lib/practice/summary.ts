/**
 * End-of-session summary (average, per-skill scores, weakest skills, scenarios to retry), progress
 * over sessions, and a supervisor's pass marks per skill.
 */
import * as z from 'zod';
import type { ScoreResult } from './score.ts';
import { SKILLS, type Skill } from './skills.ts';

export interface SessionResult {
  scenarioId: string;
  result: Pick<ScoreResult, 'total' | 'parts'>;
}

export interface SessionSummary {
  /** Number of scored replies. */
  count: number;
  /** Mean total, 0..100 (one decimal); null for an empty session. */
  average: number | null;
  /** Mean part score per skill, 0..1 (three decimals); null when no reply was scored on it. */
  bySkill: Record<Skill, number | null>;
  /** The two lowest skills below 0.9, weakest first (similarity is a reference, never listed). */
  weakestSkills: Skill[];
  /** Scenarios worth another go, weakest first (at most 5). */
  retryScenarioIds: string[];
}

/** Below this total a scenario is worth retrying. */
const RETRY_TOTAL = 60;
/** Below this on any skill but similarity, too. */
const RETRY_PART = 0.5;
const MAX_RETRY = 5;
/** A skill averaging this or more is not called weak. */
const WEAK_BELOW = 0.9;

function round(x: number, places: number): number {
  const f = 10 ** places;
  return Math.round(x * f) / f;
}

function emptyBySkill(): Record<Skill, number | null> {
  return { speed: null, first_move: null, tone: null, channel_fit: null, personal_data: null, similarity: null };
}

export function summariseSession(results: readonly SessionResult[]): SessionSummary {
  const bySkill = emptyBySkill();
  if (results.length === 0) return { count: 0, average: null, bySkill, weakestSkills: [], retryScenarioIds: [] };
  const average = round(results.reduce((a, r) => a + r.result.total, 0) / results.length, 1);
  for (const skill of SKILLS) {
    const scores = results.flatMap((r) => r.result.parts.filter((p) => p.skill === skill).map((p) => p.score));
    bySkill[skill] = scores.length === 0 ? null : round(scores.reduce((a, b) => a + b, 0) / scores.length, 3);
  }
  const weakestSkills = SKILLS.filter((s) => s !== 'similarity' && bySkill[s] !== null && (bySkill[s] ?? 1) < WEAK_BELOW)
    .sort((a, b) => (bySkill[a] ?? 1) - (bySkill[b] ?? 1) || SKILLS.indexOf(a) - SKILLS.indexOf(b))
    .slice(0, 2);
  const retry = results
    .filter((r) => r.result.total < RETRY_TOTAL || r.result.parts.some((p) => p.skill !== 'similarity' && p.score < RETRY_PART))
    .map((r, i) => ({ id: r.scenarioId, total: r.result.total, i }))
    .sort((a, b) => a.total - b.total || a.i - b.i);
  const retryScenarioIds = [...new Set(retry.map((r) => r.id))].slice(0, MAX_RETRY);
  return { count: results.length, average, bySkill, weakestSkills, retryScenarioIds };
}

// ── Progress ───────────────────────────────────────────────────────────────────────────────────

export interface CompletedSession {
  id: string;
  /** ISO time or epoch ms when the session ended. */
  endedAt: string | number;
  summary: Pick<SessionSummary, 'average' | 'bySkill' | 'count'>;
}

export interface ProgressPoint {
  id: string;
  at: number;
  average: number | null;
  bySkill: Record<Skill, number | null>;
}

export interface Progress {
  /** Oldest first. */
  points: ProgressPoint[];
  /** Latest minus first scored value (average in points, skills in 0..1); null with fewer than two. */
  change: { average: number | null; bySkill: Record<Skill, number | null> };
  bestAverage: number | null;
}

function timeOf(at: string | number): number {
  return typeof at === 'number' ? at : Date.parse(at);
}

function changeOf(values: ReadonlyArray<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  return round((known[known.length - 1] ?? 0) - (known[0] ?? 0), 3);
}

/** Progress across sessions for the dashboard's practice view. Sessions with no replies are left out. */
export function progressOverSessions(sessions: readonly CompletedSession[]): Progress {
  const points = sessions
    .filter((s) => s.summary.count > 0 && Number.isFinite(timeOf(s.endedAt)))
    .map((s) => ({ id: s.id, at: timeOf(s.endedAt), average: s.summary.average, bySkill: { ...s.summary.bySkill } }))
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const bySkill = emptyBySkill();
  for (const skill of SKILLS) bySkill[skill] = changeOf(points.map((p) => p.bySkill[skill]));
  const averages = points.map((p) => p.average).filter((a): a is number => a !== null);
  return {
    points,
    change: { average: changeOf(points.map((p) => p.average)), bySkill },
    bestAverage: averages.length === 0 ? null : Math.max(...averages),
  };
}

// ── Pass marks ─────────────────────────────────────────────────────────────────────────────────

const mark = (fallback: number) => z.number().min(0, 'A pass mark is between 0 and 1.').max(1, 'A pass mark is between 0 and 1.').default(fallback);

/**
 * A supervisor's pass mark per skill, 0..1. Defaults are 0.6, except similarity at 0: the brand's
 * reply is a reference, and a good reply in other words must still pass.
 */
export const PassMarksSchema = z.object({
  speed: mark(0.6),
  first_move: mark(0.6),
  tone: mark(0.6),
  channel_fit: mark(0.6),
  personal_data: mark(0.6),
  similarity: mark(0),
});
export type PassMarks = z.infer<typeof PassMarksSchema>;
export const DEFAULT_PASS_MARKS: PassMarks = PassMarksSchema.parse({});

export interface PassResult {
  /** Every measured skill at or above its mark (and at least one measured). */
  passed: boolean;
  skills: Array<{ skill: Skill; mark: number; score: number | null; passed: boolean | null }>;
  /** Skills below their mark, for "Work on: …". */
  failing: Skill[];
}

/** Compares a summary's per-skill averages with the pass marks; unmeasured skills neither pass nor fail. */
export function passes(summary: Pick<SessionSummary, 'bySkill'>, passMarks: PassMarks = DEFAULT_PASS_MARKS): PassResult {
  const skills = SKILLS.map((skill) => {
    const score = summary.bySkill[skill];
    return { skill, mark: passMarks[skill], score, passed: score === null ? null : score >= passMarks[skill] };
  });
  const failing = skills.filter((s) => s.passed === false).map((s) => s.skill);
  const measured = skills.some((s) => s.passed !== null);
  return { passed: measured && failing.length === 0, skills, failing };
}

// ── Supervisor view from logs ──────────────────────────────────────────────────────────────────

/** The fields of a logged item (lib/db/schema.ts HandledItem) the supervisor view reads. */
export interface LoggedPracticeItem {
  agentId: string;
  agentName: string;
  mode: 'live' | 'practice';
  handledAt: string;
  practiceScore?: number;
  practiceSessionId?: string;
}

export interface TraineeSummary {
  agentId: string;
  agentName: string;
  sessions: Array<{ sessionId: string; endedAt: string; count: number; average: number }>;
  /** Mean score over all their practice items. */
  average: number;
  /** Latest session's average minus the first's; null with one session. */
  change: number | null;
}

/**
 * Trainees' practice summaries from imported or synced log items, for the supervisor. Live items
 * and items without a score are ignored, so practice never mixes with live metrics.
 */
export function traineeSummariesFromLog(items: readonly LoggedPracticeItem[]): TraineeSummary[] {
  const byAgent = new Map<string, { name: string; sessions: Map<string, { endedAt: string; scores: number[] }> }>();
  for (const item of items) {
    if (item.mode !== 'practice' || typeof item.practiceScore !== 'number' || !Number.isFinite(item.practiceScore)) continue;
    const agent = byAgent.get(item.agentId) ?? { name: item.agentName, sessions: new Map() };
    byAgent.set(item.agentId, agent);
    const key = item.practiceSessionId ?? `day:${item.handledAt.slice(0, 10)}`;
    const session = agent.sessions.get(key) ?? { endedAt: item.handledAt, scores: [] };
    if (item.handledAt > session.endedAt) session.endedAt = item.handledAt;
    session.scores.push(item.practiceScore);
    agent.sessions.set(key, session);
  }
  const out: TraineeSummary[] = [];
  for (const [agentId, agent] of byAgent) {
    const sessions = [...agent.sessions]
      .map(([sessionId, s]) => ({ sessionId, endedAt: s.endedAt, count: s.scores.length, average: round(s.scores.reduce((a, b) => a + b, 0) / s.scores.length, 1) }))
      .sort((a, b) => a.endedAt.localeCompare(b.endedAt) || a.sessionId.localeCompare(b.sessionId));
    const all = sessions.reduce((a, s) => a + s.average * s.count, 0) / sessions.reduce((a, s) => a + s.count, 0);
    const first = sessions[0];
    const last = sessions[sessions.length - 1];
    out.push({
      agentId,
      agentName: agent.name,
      sessions,
      average: round(all, 1),
      change: sessions.length < 2 || !first || !last ? null : round(last.average - first.average, 1),
    });
  }
  return out.sort((a, b) => a.agentName.localeCompare(b.agentName) || a.agentId.localeCompare(b.agentId));
}
