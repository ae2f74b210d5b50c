import { describe, expect, it } from 'vitest';
import { itemColumnsOf, seenColumnsOf } from '../../lib/metrics/columns';
import { indexFromColumns } from '../../lib/metrics/metrics-index';
import { generateSampleLog } from '../../lib/metrics/sample-log';
import { columnRowView, itemRowView } from './item-rows';

describe('item list rows', () => {
  it('a row from the columns shows what the item shows, but the author and the post', () => {
    const { items } = generateSampleLog(800, 3, { endMs: Date.parse('2026-10-05T00:00:00Z') });
    // Labels the sample may not have: a correction, a missing urgency and response, no template.
    items[0] = { ...items[0]!, correctedIntent: 'praise', intent: 'complaint' };
    items[1] = { ...items[1]!, urgency: undefined, responseSeconds: undefined, targetMet: undefined, templateId: undefined };
    const index = indexFromColumns(itemColumnsOf(items, true), seenColumnsOf([], () => false, true), 'UTC');
    let withText = 0;
    items.forEach((item, r) => {
      const full = itemRowView(item);
      if (full.text) withText++;
      expect(columnRowView(index, r, item.id), item.id).toEqual({ ...full, loaded: false, authorHandle: undefined, text: undefined });
    });
    expect(withText).toBeGreaterThan(0);
    expect(columnRowView(index, 0, items[0]!.id).intent).toBe('praise');
    expect(columnRowView(index, 1, items[1]!.id)).toMatchObject({ urgency: undefined, responseSeconds: undefined, targetMet: undefined, templateId: undefined });
  });
});
