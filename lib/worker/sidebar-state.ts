/**
 * What the sidebar shows from the database, answered by the background worker. The sidebar never
 * opens IndexedDB itself: an extension frame inside x.com may be refused storage (third-party
 * storage partitioning), and the worker is the database's owner anyway.
 */
import * as z from 'zod/mini';
import type { CarelineDB } from '../db/database';
import { itemIdFor, todayTally } from '../db/log';
import type { Correction } from '../db/schema';
import { SiteSchema } from '../post';
import type { Intent } from '../classify/types';

export const PostRefSchema = z.object({ site: SiteSchema, id: z.string() });

export const SidebarStateQuerySchema = z.object({
  focused: z.nullable(PostRefSchema),
  queue: z.array(PostRefSchema).check(z.maxLength(5000)),
});
export type SidebarStateQuery = z.infer<typeof SidebarStateQuerySchema>;

export interface SidebarState {
  agentId: string;
  /** Handled posts among the focused and queued ones, by `site:id`. */
  handled: Record<string, { replyCount: number; reason: string }>;
  firstSeenAt?: string;
  tally: Awaited<ReturnType<typeof todayTally>>;
  /** This agent's logged template uses, for ranking. */
  templateUses: Array<{ templateId: string; intent: Intent; keptRatio: number }>;
  corrections: Correction[];
  /** Stored templates (raw, validated by the sidebar), or null when the team has none yet. */
  templates: unknown[] | null;
}

export async function sidebarState(db: CarelineDB, agentId: string, query: SidebarStateQuery, now: Date): Promise<SidebarState> {
  const refs = [...(query.focused ? [query.focused] : []), ...query.queue];
  const [items, seen, tally, uses, corrections, templateRows] = await Promise.all([
    db.items.bulkGet(refs.map((r) => itemIdFor(agentId, r))),
    query.focused ? db.seen.get(itemIdFor(agentId, query.focused)) : undefined,
    todayTally(db, agentId, now),
    db.items.where('agentId').equals(agentId).filter((i) => !!i.templateId && !!i.intent).toArray(),
    db.corrections.toArray(),
    db.templates.toArray(),
  ]);
  const handled: SidebarState['handled'] = {};
  for (const item of items) if (item) handled[`${item.site}:${item.postId}`] = { replyCount: item.replyCount, reason: item.reason };
  return {
    agentId,
    handled,
    firstSeenAt: seen?.firstSeenAt,
    tally,
    templateUses: uses.map((i) => ({
      templateId: i.templateId!,
      intent: i.intent!,
      keptRatio: i.replyText ? Math.max(0, 1 - (i.editDistance ?? 0) / Math.max(1, [...i.replyText].length)) : 1,
    })),
    corrections,
    templates: templateRows.length ? templateRows.filter((r) => !r.deletedAt).map((r) => r.data) : null,
  };
}
