/**
 * Plans a practice session: which scenarios, in what order, and when each post arrives in the feed.
 * Deterministic for a given seed, so a session can be replayed and a test can pin it.
 */
import { DIFFICULTIES, isEscalation, type Difficulty, type Scenario, type ScenarioPack } from './scenario.ts';
import { mulberry32 } from '../seeded-random';

export type SessionLength = 10 | 20 | 'shift15';
export type SessionFocus = 'complaints' | 'escalations' | 'all';

export interface SessionOptions {
  length: SessionLength;
  /** Prefer scenarios of this difficulty (others fill in when there are too few). */
  difficulty?: Difficulty;
  focus?: SessionFocus;
  seed: number | string;
}

export interface PlannedPost {
  scenario: Scenario;
  /** When the post appears in the feed, from the session's start. */
  arriveAtMs: number;
}

export interface SessionPlan {
  posts: PlannedPost[];
  /** A timed shift ends here (15 minutes); fixed-length sessions end when every post is answered. */
  timeLimitMs: number | null;
  /** Things the trainee should know about this plan, e.g. that the pack had too few escalations. */
  notes: string[];
}

export const SHIFT_MS = 15 * 60_000;
/** Posts already waiting in the feed when a session starts. */
const WAITING_AT_START = 3;
/** Mean gap between arrivals in a shift, by difficulty: harder shifts are busier. */
const SHIFT_MEAN_GAP_MS: Record<Difficulty, number> = { easy: 90_000, medium: 70_000, hard: 50_000 };
const SHIFT_MAX_POSTS = 40;

/** FNV-1a of the seed's text, so string and number seeds both work. */
function hashSeed(seed: number | string): number {
  let h = 0x811c9dc5;
  for (const ch of String(seed)) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32 (lib/seeded-random.ts) seeded from a number or a string. Returns numbers in [0, 1). */
export function seededRandom(seed: number | string): () => number {
  return mulberry32(hashSeed(seed));
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function matchesFocus(scenario: Scenario, focus: SessionFocus): boolean {
  switch (focus) {
    case 'complaints':
      return scenario.expected.intent === 'complaint';
    case 'escalations':
      return isEscalation(scenario);
    case 'all':
      return true;
    default: {
      const never: never = focus;
      throw new Error(`Unknown focus ${String(never)}`);
    }
  }
}

function conversationKey(s: Scenario): string {
  return `${s.source.dataset}:${s.source.conversationId}`;
}

/**
 * Orders scenarios so the wanted difficulty comes first (then the nearest ones), each group
 * shuffled, and a conversation is not used twice before every other one has been.
 */
function candidates(pool: readonly Scenario[], difficulty: Difficulty | undefined, random: () => number): Scenario[] {
  let ordered: Scenario[];
  if (!difficulty) {
    ordered = shuffle(pool, random);
  } else {
    const wanted = DIFFICULTIES.indexOf(difficulty);
    const byDistance = [0, 1, 2].map((d) => pool.filter((s) => Math.abs(DIFFICULTIES.indexOf(s.difficulty) - wanted) === d));
    ordered = byDistance.flatMap((group) => shuffle(group, random));
  }
  const seen = new Set<string>();
  const first: Scenario[] = [];
  const repeats: Scenario[] = [];
  for (const s of ordered) {
    const key = conversationKey(s);
    if (seen.has(key)) repeats.push(s);
    else {
      seen.add(key);
      first.push(s);
    }
  }
  return [...first, ...repeats];
}

/** Avoids the same brand twice in a row where the pick allows it (a real feed mixes accounts less, but trainees learn more). */
function spreadBrands(picked: Scenario[]): Scenario[] {
  const out = [...picked];
  for (let i = 1; i < out.length; i++) {
    if (out[i]?.brand !== out[i - 1]?.brand) continue;
    const swap = out.findIndex((s, j) => j > i && s.brand !== out[i - 1]?.brand);
    if (swap > i) [out[i], out[swap]] = [out[swap] as Scenario, out[i] as Scenario];
  }
  return out;
}

/** Arrival times: a few posts waiting at the start, then one every so often. */
function arrivals(count: number, length: SessionLength, difficulty: Difficulty | undefined, random: () => number): number[] {
  const times: number[] = [];
  let t = 0;
  for (let i = 0; i < count; i++) {
    if (i >= WAITING_AT_START) {
      if (length === 'shift15') {
        // Exponential gaps (a Poisson stream), at least 10 s apart.
        const mean = SHIFT_MEAN_GAP_MS[difficulty ?? 'medium'];
        t += Math.max(10_000, Math.round(-Math.log(1 - random()) * mean));
      } else {
        t += 20_000 + Math.round(random() * 40_000);
      }
    }
    times.push(t);
  }
  return times;
}

/** Plans a session from a pack: deterministic for a given seed and pack. */
export function planSession(pack: ScenarioPack | readonly Scenario[], options: SessionOptions): SessionPlan {
  const scenarios = 'scenarios' in pack ? pack.scenarios : pack;
  const focus = options.focus ?? 'all';
  const random = seededRandom(options.seed);
  const notes: string[] = [];
  const pool = scenarios.filter((s) => matchesFocus(s, focus));
  if (pool.length === 0) {
    notes.push(focus === 'all' ? 'This pack has no scenarios.' : `This pack has no scenarios for the “${focus}” focus. Pick another focus or import a pack that has some.`);
    return { posts: [], timeLimitMs: options.length === 'shift15' ? SHIFT_MS : null, notes };
  }
  const ordered = candidates(pool, options.difficulty, random);

  let count: number;
  if (options.length === 'shift15') {
    // Draw the arrival stream first, then keep the posts that arrive within the shift.
    const stream = arrivals(SHIFT_MAX_POSTS, 'shift15', options.difficulty, random);
    count = Math.min(stream.filter((t) => t < SHIFT_MS).length, ordered.length);
    const picked = spreadBrands(ordered.slice(0, count));
    if (count < stream.filter((t) => t < SHIFT_MS).length) notes.push(`Only ${count} scenarios match; the shift ends when they are answered or at 15 minutes.`);
    return { posts: picked.map((scenario, i) => ({ scenario, arriveAtMs: stream[i] ?? 0 })), timeLimitMs: SHIFT_MS, notes };
  }

  count = Math.min(options.length, ordered.length);
  if (count < options.length) notes.push(`Only ${count} scenarios match this focus, so the session has ${count} posts.`);
  if (options.difficulty) {
    const atLevel = ordered.slice(0, count).filter((s) => s.difficulty === options.difficulty).length;
    if (atLevel < count) notes.push(`${count - atLevel} of the posts are not “${options.difficulty}”: the pack has too few at that level for this focus.`);
  }
  const picked = spreadBrands(ordered.slice(0, count));
  const times = arrivals(count, options.length, options.difficulty, random);
  return { posts: picked.map((scenario, i) => ({ scenario, arriveAtMs: times[i] ?? 0 })), timeLimitMs: null, notes };
}
