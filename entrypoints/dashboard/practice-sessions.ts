import * as z from 'zod/mini';
import type { PracticeSessionRow } from '../../lib/db/database';
import type { CompletedSession } from '../../lib/practice/summary';
import { SKILLS } from '../../lib/practice/skills';

const score = z.nullable(z.number());
const SummarySchema = z.object({
  count: z.number(),
  average: score,
  bySkill: z.object(Object.fromEntries(SKILLS.map((s) => [s, z.optional(score)])) as Record<(typeof SKILLS)[number], z.ZodMiniOptional<typeof score>>),
});

/**
 * This browser's finished practice sessions, for progress over sessions. A row's `data` is the
 * session summary (lib/practice's SessionSummary) or holds it as `data.summary`; rows that are not
 * finished or not readable are left out rather than breaking the view.
 */
export function completedSessionsOf(rows: readonly PracticeSessionRow[]): CompletedSession[] {
  const out: CompletedSession[] = [];
  for (const row of rows) {
    if (!row.endedAt) continue;
    const data = row.data as { summary?: unknown } | null;
    const parsed = SummarySchema.safeParse(data && typeof data === 'object' && 'summary' in data ? data.summary : data);
    if (!parsed.success) continue;
    const bySkill = Object.fromEntries(SKILLS.map((s) => [s, parsed.data.bySkill[s] ?? null])) as CompletedSession['summary']['bySkill'];
    out.push({ id: row.id, endedAt: row.endedAt, summary: { count: parsed.data.count, average: parsed.data.average, bySkill } });
  }
  return out;
}
