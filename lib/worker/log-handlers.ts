/**
 * The background worker's message handlers for the activity log. The worker is the database's one
 * writer; these functions hold the logic, `entrypoints/background.ts` only registers them.
 */
import type { CarelineDB } from '../db/database';
import { handledTables, itemIdFor, recordHandled, recordSeen, type LogContext, type Timing } from '../db/log';
import type { HandledItem, HandledReason } from '../db/schema';
import type { Post } from '../post';
import { postKey } from '../post';
import type { Classification } from '../classify/types';
import type { Privacy, Profile } from '../settings';

export interface LogDeps {
  db: CarelineDB;
  loadProfile(): Promise<Profile>;
  loadPrivacy(): Promise<Privacy>;
  classify(post: Post): Promise<Classification | undefined>;
  timing(post: Post, at: Date, classification?: Classification): Promise<Timing>;
  editDistance(a: string, b: string): number;
  now(): Date;
  /** Called after an item is written (e.g. to start a sync). */
  afterWrite?(item: HandledItem): void;
}

interface InsertRecord {
  templateId?: string;
  text: string;
  at: string;
}

const insertKey = (post: Post) => `insert:${postKey(post)}`;
const scoreKey = (post: Post) => `practice-score:${postKey(post)}`;

interface ScoreRecord {
  score: number;
  sessionId: string;
}

function modeOf(post: Post): 'live' | 'practice' {
  return post.site === 'practice' ? 'practice' : 'live';
}

async function context(deps: LogDeps, post: Post): Promise<LogContext> {
  const [profile, privacy, classification] = await Promise.all([deps.loadProfile(), deps.loadPrivacy(), deps.classify(post)]);
  const now = deps.now();
  const timing = classification !== undefined || post.postedAt ? await deps.timing(post, now, classification) : {};
  return { profile, privacy, mode: modeOf(post), now, classification, timing: () => timing };
}

export function createLogHandlers(deps: LogDeps) {
  return {
    async postFocused(post: Post): Promise<void> {
      if (post.isOwn) return;
      await recordSeen(deps.db, post, await context(deps, post));
    },

    async replyInserted(post: Post, text: string, templateId?: string): Promise<void> {
      const record: InsertRecord = { templateId, text, at: deps.now().toISOString() };
      await deps.db.meta.put({ key: insertKey(post), value: record });
    },

    async replySent(post: Post, replyText: string): Promise<HandledItem> {
      const ctx = await context(deps, post);
      const db = deps.db;
      // One transaction from reading the pending insert and score to deleting them: a practice
      // score that arrives meanwhile (practiceScored) then lands before it (and is read here) or
      // after it (on the item), never between the read and the delete, where it was lost.
      const item = await db.transaction('rw', [...handledTables(db), db.meta], async () => {
        const inserted = (await db.meta.get(insertKey(post)))?.value as InsertRecord | undefined;
        const scored = (await db.meta.get(scoreKey(post)))?.value as ScoreRecord | undefined;
        const logged = await recordHandled(
          db,
          {
            post,
            reason: 'replied',
            replyText,
            templateId: inserted?.templateId,
            editDistance: inserted ? deps.editDistance(inserted.text, replyText) : undefined,
            practiceScore: scored?.score,
            practiceSessionId: scored?.sessionId,
          },
          ctx,
        );
        await db.meta.bulkDelete([insertKey(post), scoreKey(post)]);
        return logged;
      });
      deps.afterWrite?.(item);
      return item;
    },

    /** A practice score may arrive before or after the reply is logged: it lands on the item either way. */
    async practiceScored(post: Post, score: number, sessionId: string): Promise<void> {
      const profile = await deps.loadProfile();
      const id = itemIdFor(profile.agentId, post);
      await deps.db.transaction('rw', deps.db.items, deps.db.meta, async () => {
        // Neither field is in the log digest (lib/db/digest.ts), so the digest needs no update.
        const updated = await deps.db.items.update(id, { practiceScore: score, practiceSessionId: sessionId });
        if (!updated) await deps.db.meta.put({ key: scoreKey(post), value: { score, sessionId } satisfies ScoreRecord });
      });
    },

    async markHandled(post: Post, reason: HandledReason, notes?: string): Promise<HandledItem> {
      const item = await recordHandled(deps.db, { post, reason, notes }, await context(deps, post));
      deps.afterWrite?.(item);
      return item;
    },
  };
}
