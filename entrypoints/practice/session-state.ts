/**
 * One practice session on the feed page: which scenario posts it holds (with the status ids the
 * page renders them under), when each arrives, the trainee's replies and their scores. Pure: the
 * page keeps it in React state, the clock is passed in.
 */
import { planSession, type SessionFocus } from '../../lib/practice/session';
import type { Difficulty, Scenario, ScenarioPack } from '../../lib/practice/scenario';
import type { ScoreResult } from '../../lib/practice/score';
import { summariseSession, type SessionResult, type SessionSummary } from '../../lib/practice/summary';

export const SESSION_KINDS = ['quick3', '10', '20', 'shift15'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number] | 'retry';

export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  quick3: 'Quick look: 3 posts',
  '10': '10 posts',
  '20': '20 posts',
  shift15: 'Timed shift: 15 minutes',
  retry: 'Retry',
};

export interface SessionSettings {
  kind: SessionKind;
  difficulty?: Difficulty;
  focus: SessionFocus;
  seed: string;
  /** Which pack the scenarios come from. */
  pack: 'builtin' | 'imported';
}

export interface SessionPost {
  /** The status id the post is rendered under (digits, as X's permalinks need): unique per session. */
  postId: string;
  scenario: Scenario;
  /** From the session's start. */
  arriveAtMs: number;
}

export interface ReplyRecord {
  postId: string;
  replyId: string;
  text: string;
  sentAt: number;
  respondedAfterMs: number;
  /** Null when the reply came after the session ended (shown, not scored). */
  score: ScoreResult | null;
}

export interface PracticeSession {
  id: string;
  settings: SessionSettings;
  startedAt: number;
  posts: SessionPost[];
  timeLimitMs: number | null;
  notes: string[];
  /** Posts the trainee has brought into view (the rest wait behind "Show new posts"). */
  shownIds: string[];
  /** Every reply sent, oldest first; the first reply to a post is the scored one. */
  replies: ReplyRecord[];
  endedAt: number | null;
}

const QUICK_POSTS = 3;
/** A retry session stays short enough to finish. */
const MAX_RETRY = 10;

/** Status ids are digits on X: the session's start time and the post's place keep them unique. */
function statusId(startedAt: number, index: number, suffix = ''): string {
  return `${startedAt}${String(index).padStart(3, '0')}${suffix}`;
}

/** Plans a session from a pack (or a list of scenarios to retry), deterministic for its seed. */
export function createSession(source: ScenarioPack | readonly Scenario[], settings: SessionSettings, now: number): PracticeSession {
  const scenarios = 'scenarios' in source ? source.scenarios : source;
  let planned: Array<{ scenario: Scenario; arriveAtMs: number }>;
  let timeLimitMs: number | null = null;
  let notes: string[] = [];
  switch (settings.kind) {
    case 'quick3': {
      const plan = planSession(scenarios, { length: 10, difficulty: settings.difficulty, focus: settings.focus, seed: settings.seed });
      // The first three of a plan are already waiting when it starts.
      planned = plan.posts.slice(0, QUICK_POSTS).map((p) => ({ ...p, arriveAtMs: 0 }));
      notes = plan.posts.length < QUICK_POSTS ? plan.notes : [];
      break;
    }
    case '10':
    case '20':
    case 'shift15': {
      const length = settings.kind === 'shift15' ? 'shift15' : settings.kind === '10' ? 10 : 20;
      const plan = planSession(scenarios, { length, difficulty: settings.difficulty, focus: settings.focus, seed: settings.seed });
      planned = plan.posts;
      timeLimitMs = plan.timeLimitMs;
      notes = plan.notes;
      break;
    }
    case 'retry': {
      const plan = planSession(scenarios, { length: 20, seed: settings.seed });
      planned = plan.posts;
      break;
    }
    default: {
      const never: never = settings.kind;
      throw new Error(`Unknown session kind ${String(never)}`);
    }
  }
  const posts = planned.map((p, i) => ({ postId: statusId(now, i), scenario: p.scenario, arriveAtMs: p.arriveAtMs }));
  return {
    id: `practice-${now.toString(36)}-${settings.seed}`.slice(0, 200),
    settings,
    startedAt: now,
    posts,
    timeLimitMs,
    notes,
    shownIds: posts.filter((p) => p.arriveAtMs === 0).map((p) => p.postId),
    replies: [],
    endedAt: null,
  };
}

export function arrivalTime(session: PracticeSession, post: SessionPost): number {
  return session.startedAt + post.arriveAtMs;
}

/** When the customer wrote the post: it is already some minutes old when it arrives. */
export function postedAt(session: PracticeSession, post: SessionPost): number {
  return arrivalTime(session, post) - post.scenario.postedMinutesAgo * 60_000;
}

export function hasArrived(session: PracticeSession, post: SessionPost, now: number): boolean {
  return arrivalTime(session, post) <= now;
}

/** Arrived posts not yet brought into view, oldest arrival first. */
export function waitingPosts(session: PracticeSession, now: number): SessionPost[] {
  return session.posts.filter((p) => hasArrived(session, p, now) && !session.shownIds.includes(p.postId));
}

export function scoredReply(session: PracticeSession, postId: string): ReplyRecord | undefined {
  return session.replies.find((r) => r.postId === postId && r.score !== null);
}

/** The posts in view, newest arrival first (as a timeline shows them). */
export function shownPosts(session: PracticeSession): SessionPost[] {
  const shown = session.posts.filter((p) => session.shownIds.includes(p.postId));
  return shown
    .map((p, i) => ({ p, i }))
    .sort((a, b) => b.p.arriveAtMs - a.p.arriveAtMs || a.i - b.i)
    .map(({ p }) => p);
}

/** Brings every arrived post into view ("Show N posts"). */
export function showWaiting(session: PracticeSession, now: number): PracticeSession {
  const waiting = waitingPosts(session, now);
  if (waiting.length === 0) return session;
  return { ...session, shownIds: [...session.shownIds, ...waiting.map((p) => p.postId)] };
}

/** True when every post in view has been answered (the feed has no work left). */
export function allShownAnswered(session: PracticeSession): boolean {
  return session.shownIds.every((id) => scoredReply(session, id) !== undefined);
}

/**
 * Records a reply. The first reply to a post during the session is scored with `score`; a second
 * reply to the same post, or one after the end, is kept but not scored.
 */
export function recordReply(
  session: PracticeSession,
  postId: string,
  text: string,
  sentAt: number,
  score: (post: SessionPost, respondedAfterMs: number) => ScoreResult,
): { session: PracticeSession; reply: ReplyRecord } {
  const post = session.posts.find((p) => p.postId === postId);
  if (!post) throw new Error(`No post ${postId} in this session.`);
  const respondedAfterMs = Math.max(0, sentAt - arrivalTime(session, post));
  const count = session.replies.filter((r) => r.postId === postId).length;
  const scoreIt = session.endedAt === null && scoredReply(session, postId) === undefined;
  const reply: ReplyRecord = {
    postId,
    replyId: `${postId}${String(count + 1).padStart(2, '0')}`,
    text,
    sentAt,
    respondedAfterMs,
    score: scoreIt ? score(post, respondedAfterMs) : null,
  };
  return { session: { ...session, replies: [...session.replies, reply] }, reply };
}

/** Fixed-length sessions end when every post has a scored reply; a shift at its time limit. */
export function shouldEnd(session: PracticeSession, now: number): boolean {
  if (session.endedAt !== null) return false;
  if (session.timeLimitMs !== null && now - session.startedAt >= session.timeLimitMs) return true;
  return session.posts.length > 0 && session.posts.every((p) => scoredReply(session, p.postId) !== undefined);
}

export function endSession(session: PracticeSession, now: number): PracticeSession {
  return session.endedAt === null ? { ...session, endedAt: now } : session;
}

/** Time left in a timed shift (never below 0), or null for a fixed-length session. */
export function timeLeftMs(session: PracticeSession, now: number): number | null {
  if (session.timeLimitMs === null) return null;
  return Math.max(0, session.startedAt + session.timeLimitMs - (session.endedAt ?? now));
}

export function sessionResults(session: PracticeSession): SessionResult[] {
  return session.posts.flatMap((p) => {
    const reply = scoredReply(session, p.postId);
    return reply?.score ? [{ scenarioId: p.scenario.id, result: reply.score }] : [];
  });
}

export interface SessionOutcome {
  summary: SessionSummary;
  /** Posts that arrived but got no scored reply. */
  unanswered: SessionPost[];
  /** The scenarios worth another go: the summary's picks, then anything unanswered (at most 10). */
  retry: Scenario[];
}

export function sessionOutcome(session: PracticeSession): SessionOutcome {
  const summary = summariseSession(sessionResults(session));
  const end = session.endedAt ?? Number.POSITIVE_INFINITY;
  const unanswered = session.posts.filter((p) => arrivalTime(session, p) <= end && scoredReply(session, p.postId) === undefined);
  const byId = new Map(session.posts.map((p) => [p.scenario.id, p.scenario]));
  const ids = [...new Set([...summary.retryScenarioIds, ...unanswered.map((p) => p.scenario.id)])].slice(0, MAX_RETRY);
  return { summary, unanswered, retry: ids.flatMap((id) => (byId.has(id) ? [byId.get(id) as Scenario] : [])) };
}

/** What is kept of a finished session in the `practiceSessions` table (`data`). */
export interface StoredSessionData {
  settings: SessionSettings;
  summary: SessionSummary;
  posts: Array<{ postId: string; scenarioId: string; total: number | null; respondedAfterMs: number | null }>;
}

export function storedSessionData(session: PracticeSession): StoredSessionData {
  return {
    settings: session.settings,
    summary: summariseSession(sessionResults(session)),
    posts: session.posts.map((p) => {
      const reply = scoredReply(session, p.postId);
      return { postId: p.postId, scenarioId: p.scenario.id, total: reply?.score?.total ?? null, respondedAfterMs: reply?.respondedAfterMs ?? null };
    }),
  };
}
