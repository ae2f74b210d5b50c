/**
 * The background worker's message handlers for the activity log. The worker is the database's one
 * writer; these functions hold the logic, `entrypoints/background.ts` only registers them.
 */
import type { CarelineDB } from '../db/database';
import { recordHandled, recordSeen, type LogContext, type Timing } from '../db/log';
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
      const inserted = (await deps.db.meta.get(insertKey(post)))?.value as InsertRecord | undefined;
      const ctx = await context(deps, post);
      const item = await recordHandled(
        deps.db,
        {
          post,
          reason: 'replied',
          replyText,
          templateId: inserted?.templateId,
          editDistance: inserted ? deps.editDistance(inserted.text, replyText) : undefined,
        },
        ctx,
      );
      if (inserted) await deps.db.meta.delete(insertKey(post));
      deps.afterWrite?.(item);
      return item;
    },

    async markHandled(post: Post, reason: HandledReason, notes?: string): Promise<HandledItem> {
      const item = await recordHandled(deps.db, { post, reason, notes }, await context(deps, post));
      deps.afterWrite?.(item);
      return item;
    },
  };
}
