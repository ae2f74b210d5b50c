import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CarelineDB, V1_STORES } from './database';
import { HandledItemSchema } from './schema';

describe('database migrations', () => {
  it('v1 → v2: every foundation item arrives intact and gains the log fields', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    const rows = Array.from({ length: 50 }, (_, i) => ({
      id: `local:x:${1000 + i}`,
      site: i % 2 ? 'x' : 'facebook',
      postId: String(1000 + i),
      permalink: `https://x.com/u${i}/status/${1000 + i}`,
      authorName: `User ${i}`,
      authorHandle: `u${i}`,
      text: `text ${i} ✨`,
      postedAt: new Date(Date.UTC(2026, 10, 1, 8, i)).toISOString(),
      handledAt: new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString(),
    }));
    await v1.table('items').bulkAdd(rows);
    v1.close();

    const db = new CarelineDB(name);
    await db.open();
    expect(db.verno).toBe(3);
    const migrated = await db.items.orderBy('postId').toArray();
    expect(migrated).toHaveLength(50);
    for (const [i, item] of migrated.entries()) {
      const before = rows[i]!;
      for (const [key, value] of Object.entries(before)) expect(item[key as keyof typeof item]).toEqual(value);
      expect(item.replyCount).toBe(1);
      expect(item.mode).toBe('live');
      expect(item.repliedAt).toBe(before.handledAt);
      expect(HandledItemSchema.safeParse(item).success).toBe(true);
    }
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });
});
