import { describe, expect, it } from 'vitest';
import { takeBatch } from './batch';
import { makeItem } from './test-support';

describe('takeBatch', () => {
  it('takes at most maxItems', () => {
    const items = Array.from({ length: 150 }, (_, i) => makeItem(i));
    const batch = takeBatch(items, { maxItems: 100, maxBytes: 10_000_000 });
    expect(batch.items).toHaveLength(100);
    expect(JSON.parse(batch.body).items).toHaveLength(100);
  });

  it('keeps the body within maxBytes, counting UTF-8 bytes exactly', () => {
    const items = Array.from({ length: 50 }, (_, i) => makeItem(i, { text: 'é'.repeat(3000) }));
    const batch = takeBatch(items, { maxItems: 100, maxBytes: 64 * 1024 });
    const bytes = new TextEncoder().encode(batch.body).length;
    expect(bytes).toBe(batch.bytes);
    expect(bytes).toBeLessThanOrEqual(64 * 1024);
    const oneMore = takeBatch(items.slice(0, batch.items.length + 1), { maxItems: 100, maxBytes: 10_000_000 });
    expect(oneMore.bytes).toBeGreaterThan(64 * 1024);
  });

  it('sends a single item over the byte limit alone rather than never', () => {
    const batch = takeBatch([makeItem(1, { text: 'x'.repeat(5000) }), makeItem(2)], { maxItems: 100, maxBytes: 1000 });
    expect(batch.items.map((i) => i.id)).toEqual(['agent-a:x:1']);
  });
});
