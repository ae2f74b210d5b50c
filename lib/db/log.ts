/**
 * Writes to the activity log. Only the background worker calls these: it is the database's one
 * writer. Each handled item and its outbox row are written in one transaction, so a killed worker
 * leaves either both or neither.
 */
import type { Classification } from '../classify/types';
import type { Post } from '../post';
import type { Privacy, Profile } from '../settings';
import type { CarelineDB } from './database';
import { digestItems, digestSeen } from './digest';
import type { HandledItem, HandledReason, Mode, SeenRecord } from './schema';

export const ITEM_SCHEMA_VERSION = 2;

export interface Timing {
  responseSeconds?: number;
  responseBusinessSeconds?: number;
  targetSeconds?: number;
  targetMet?: boolean;
}

export interface LogContext {
  profile: Profile;
  privacy: Privacy;
  mode: Mode;
  now: Date;
  classification?: Classification;
  /** Computes response timing (calendar and business) for a post answered at `at`. */
  timing?: (post: Post, at: Date, classification?: Classification) => Timing;
}

export function itemIdFor(agentId: string, post: Pick<Post, 'site' | 'id'>): string {
  return `${agentId}:${post.site}:${post.id}`;
}

export function seenIdFor(agentId: string, post: Pick<Post, 'site' | 'id'>): string {
  return itemIdFor(agentId, post);
}

/** Applies the privacy setting to a post's text. */
export function keptText(text: string, privacy: Privacy): string | undefined {
  switch (privacy.postText) {
    case 'full':
      return text;
    case 'first280':
      return [...text].slice(0, 280).join('');
    case 'none':
      return undefined;
  }
}

/** True for a full disk, including Dexie's AbortError that wraps a QuotaExceededError. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: string }).name;
    if (name === 'QuotaExceededError') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super('The browser has no room left for Careline\'s log. Nothing was half-written: free some disk space or export and clear old items, then try again.');
    this.name = 'StorageFullError';
    this.cause = cause;
  }
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
}

/** Records that a customer post was in focus (the response rate's denominator). First sight stays first. */
export async function recordSeen(db: CarelineDB, post: Post, ctx: LogContext): Promise<SeenRecord> {
  const id = seenIdFor(ctx.profile.agentId, post);
  return guarded(() =>
    db.transaction('rw', db.seen, db.items, db.digest, async () => {
      const existing = await db.seen.get(id);
      if (existing) return existing;
      const c = ctx.classification;
      const record: SeenRecord = {
        id,
        site: post.site,
        postId: post.id,
        permalink: post.permalink,
        authorHandle: post.authorHandle,
        authorName: post.authorName,
        text: keptText(post.text, ctx.privacy),
        postedAt: post.postedAt,
        firstSeenAt: ctx.now.toISOString(),
        intent: c?.classified ? c.intent : undefined,
        sentiment: c?.classified ? c.sentiment : undefined,
        urgency: c?.urgency,
        flags: c?.flags,
        agentId: ctx.profile.agentId,
        mode: ctx.mode,
        handled: false,
      };
      await db.seen.put(record);
      await digestSeen(db, [record]);
      return record;
    }),
  );
}

export interface HandleInput {
  post: Post;
  reason: HandledReason;
  replyText?: string;
  templateId?: string;
  editDistance?: number;
  notes?: string;
  practiceScore?: number;
  practiceSessionId?: string;
}

/** The tables `recordHandled` writes: a caller's transaction around it must include them. */
export function handledTables(db: CarelineDB) {
  return [db.items, db.seen, db.outbox, db.digest];
}

/**
 * Logs a reply or a "handled without reply". One item per post and agent: a second reply updates
 * the reply count and last reply time; the first response time stays the first.
 */
export async function recordHandled(db: CarelineDB, input: HandleInput, ctx: LogContext): Promise<HandledItem> {
  const { post } = input;
  const id = itemIdFor(ctx.profile.agentId, post);
  const at = ctx.now.toISOString();
  const isReply = input.reason === 'replied';
  return guarded(() =>
    db.transaction('rw', handledTables(db), async () => {
      const seenId = seenIdFor(ctx.profile.agentId, post);
      const [existing, seen] = await Promise.all([db.items.get(id), db.seen.get(seenId)]);
      let item: HandledItem;
      if (existing) {
        item = {
          ...existing,
          replyCount: existing.replyCount + (isReply ? 1 : 0),
          lastReplyAt: isReply ? at : existing.lastReplyAt,
          repliedAt: existing.repliedAt ?? (isReply ? at : undefined),
          reason: existing.reason === 'replied' ? 'replied' : input.reason,
          replyText: isReply && ctx.privacy.keepReplyText ? input.replyText : existing.replyText,
          templateId: input.templateId ?? existing.templateId,
          editDistance: input.editDistance ?? existing.editDistance,
          notes: input.notes ?? existing.notes,
          practiceScore: input.practiceScore ?? existing.practiceScore,
          updatedAt: at,
        };
      } else {
        const c = ctx.classification;
        const timing = ctx.timing?.(post, ctx.now, c) ?? {};
        const firstSeenAt = seen?.firstSeenAt ?? at;
        item = {
          id,
          schemaVersion: ITEM_SCHEMA_VERSION,
          site: post.site,
          postId: post.id,
          permalink: post.permalink,
          authorHandle: post.authorHandle,
          authorName: post.authorName,
          text: keptText(post.text, ctx.privacy),
          language: post.lang ?? c?.language,
          postedAt: post.postedAt,
          firstSeenAt,
          handledAt: at,
          repliedAt: isReply ? at : undefined,
          lastReplyAt: isReply ? at : undefined,
          replyCount: isReply ? 1 : 0,
          reason: input.reason,
          ...timing,
          handleSeconds: Math.max(0, (ctx.now.getTime() - Date.parse(firstSeenAt)) / 1000),
          intent: c?.classified ? c.intent : undefined,
          sentiment: c?.classified ? c.sentiment : undefined,
          urgency: c?.urgency,
          flags: c?.flags,
          classifierVersion: c?.version,
          templateId: input.templateId,
          editDistance: input.editDistance,
          replyText: isReply && ctx.privacy.keepReplyText ? input.replyText : undefined,
          agentId: ctx.profile.agentId,
          agentName: ctx.profile.displayName,
          mode: ctx.mode,
          notes: input.notes,
          practiceScore: input.practiceScore,
          practiceSessionId: input.practiceSessionId,
          updatedAt: at,
        };
      }
      await db.items.put(item);
      // Also marks the post's seen record answered in the digest: the one digest column its
      // handled mark below feeds, so that write needs no digest write of its own.
      await digestItems(db, [item]);
      if (seen && !seen.handled) await db.seen.put({ ...seen, handled: true });
      // One pending outbox row per item: the row carries only the id, the item is read at send time.
      const pending = await db.outbox.where('itemId').equals(id).filter((row) => !row.rejectedReason).count();
      if (pending === 0) await db.outbox.add({ itemId: id, attempts: 0, enqueuedAt: at });
      return item;
    }),
  );
}

/** Today's tally for the sidebar. */
export async function todayTally(db: CarelineDB, agentId: string, now: Date): Promise<{ handled: number; medianResponseSeconds?: number; withinTarget?: number }> {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const items = await db.items
    .where('[mode+handledAt]')
    .between(['live', start.toISOString()], ['live', '\uffff'])
    .filter((i) => i.agentId === agentId)
    .toArray();
  const times = items.map((i) => i.responseSeconds).filter((n): n is number => typeof n === 'number').sort((a, b) => a - b);
  const judged = items.filter((i) => typeof i.targetMet === 'boolean');
  const mid = times.length / 2;
  return {
    handled: items.length,
    medianResponseSeconds: times.length === 0 ? undefined : times.length % 2 ? times[Math.floor(mid)] : ((times[mid - 1] ?? 0) + (times[mid] ?? 0)) / 2,
    withinTarget: judged.length === 0 ? undefined : judged.filter((i) => i.targetMet).length / judged.length,
  };
}
