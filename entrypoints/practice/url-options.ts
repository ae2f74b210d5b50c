/**
 * Session settings in the page's URL (`practice.html?session=10&difficulty=hard&focus=complaints&seed=42`),
 * so a reload replays the same session and a supervisor can hand one link to a whole group.
 * Without `session` the page opens a quick 3-post look, so a newcomer sees the feed at once.
 */
import { DIFFICULTIES, type Difficulty } from '../../lib/practice/scenario';
import type { SessionFocus } from '../../lib/practice/session';
import { SESSION_KINDS, type SessionSettings } from './session-state';

const FOCUSES: readonly SessionFocus[] = ['all', 'complaints', 'escalations'];

export interface UrlSession {
  settings: SessionSettings;
  /** True when the URL named no session: the page chose the quick look by itself. */
  isDefault: boolean;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A seed is kept short and plain (it is shown and put back in the URL). */
function cleanSeed(value: string | null): string | undefined {
  const seed = value?.trim().slice(0, 40);
  return seed && /^[\w.-]+$/u.test(seed) ? seed : undefined;
}

export function settingsFromUrl(search: string, randomSeed: () => string): UrlSession {
  const params = new URLSearchParams(search);
  const kind = oneOf(params.get('session'), SESSION_KINDS);
  const difficulty: Difficulty | undefined = oneOf(params.get('difficulty'), DIFFICULTIES);
  const settings: SessionSettings = {
    kind: kind ?? 'quick3',
    focus: oneOf(params.get('focus'), FOCUSES) ?? 'all',
    seed: cleanSeed(params.get('seed')) ?? randomSeed(),
    pack: params.get('pack') === 'imported' ? 'imported' : 'builtin',
    ...(difficulty ? { difficulty } : {}),
  };
  return { settings, isDefault: kind === undefined };
}

/** The query string that replays these settings; null for a retry session (its scenarios are not in the URL). */
export function settingsToSearch(settings: SessionSettings): string | null {
  if (settings.kind === 'retry') return null;
  const params = new URLSearchParams();
  params.set('session', settings.kind);
  if (settings.difficulty) params.set('difficulty', settings.difficulty);
  if (settings.focus !== 'all') params.set('focus', settings.focus);
  if (settings.pack !== 'builtin') params.set('pack', settings.pack);
  params.set('seed', settings.seed);
  return `?${params.toString()}`;
}
