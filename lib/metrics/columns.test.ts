import { describe, expect, it } from 'vitest';
import type { HandledItem } from '../db/schema';
import { concatItemColumns, itemColumnsOf, seenColumnsOf, upsertItemColumns, type ItemColumns } from './columns';
import { generateSampleLog } from './sample-log';

const END = Date.parse('2026-03-01T00:00:00Z');

/** Each row's agent id, agent name and template id, read back through the tables. */
function decoded(c: ItemColumns): Array<[string, string, string | undefined]> {
  return Array.from({ length: c.n }, (_, r) => [c.agentKeys[c.agent[r]!]!, c.agentNames[c.agent[r]!]!, c.template[r]! < 0 ? undefined : c.templateKeys[c.template[r]!]]);
}
const expected = (items: readonly HandledItem[]) => items.map((it) => [it.agentId, it.agentName ?? '', it.templateId]);
const isSorted = (keys: readonly string[]) => keys.every((k, i) => i === 0 || keys[i - 1]! < k);

describe('item columns: string tables', () => {
  it('keep each block’s agent and template tables sorted, re-coding its rows when a write brings a new key', () => {
    const { items } = generateSampleLog(300, 9, { endMs: END });
    const renamed = items.map((it, i) => ({ ...it, agentId: ['zoe', 'amy', 'kim'][i % 3]!, agentName: ['Zoe', 'Amy', ''][i % 3]!, templateId: i % 4 ? `tpl-${9 - (i % 7)}` : undefined }));
    const first = upsertItemColumns(undefined, renamed.slice(0, 200));
    expect(first.columns.agentKeys).toEqual(['amy', 'kim', 'zoe']);
    expect(isSorted(first.columns.templateKeys)).toBe(true);
    expect(decoded(first.columns)).toEqual(expected(renamed.slice(0, 200)));

    // A write with a new agent ('bea' sorts second) and a new template re-codes the block.
    const more = [...renamed.slice(200), { ...renamed[0]!, id: 'new-1', agentId: 'bea', agentName: 'Bea', templateId: 'tpl-0' }];
    const second = upsertItemColumns(first, more);
    expect(second.columns.agentKeys).toEqual(['amy', 'bea', 'kim', 'zoe']);
    expect(second.columns.templateKeys[0]).toBe('tpl-0');
    expect(decoded(second.columns)).toEqual(expected([...renamed.slice(0, 200), ...more]));
    // The block it was made from is not changed.
    expect(decoded(first.columns)).toEqual(expected(renamed.slice(0, 200)));
  });

  it('put blocks together with every row keeping its agent, name and template, whether the blocks’ tables match or not', () => {
    const { items } = generateSampleLog(900, 4, { endMs: END });
    const [a, b, c] = [items.slice(0, 300), items.slice(300, 600), items.slice(600)];
    // c has an agent and a template that a and b do not have: its codes differ from theirs.
    const c2 = c.map((it, i) => (i % 5 ? it : { ...it, agentId: 'aaa-first', agentName: 'First', templateId: 'aaa-template' }));
    const parts = [itemColumnsOf(a), itemColumnsOf(b), itemColumnsOf(c2)];
    expect(parts[0]!.agentKeys).toEqual(parts[1]!.agentKeys);
    const whole = concatItemColumns(parts);
    expect(whole.n).toBe(900);
    expect(decoded(whole)).toEqual(expected([...a, ...b, ...c2]));
    expect(new Set(whole.agentKeys).size).toBe(whole.agentKeys.length);
  });
});

describe('columns of the log’s own rows (`unique`)', () => {
  it('are the same columns as those found by id, row for row', () => {
    const { items, seen } = generateSampleLog(400, 4, { endMs: END });
    const ids = new Set(items.map((it) => it.id));
    const hasItem = (id: string) => ids.has(id);
    expect(itemColumnsOf(items, true)).toEqual(itemColumnsOf(items));
    expect(seenColumnsOf(seen, hasItem, true)).toEqual(seenColumnsOf(seen, hasItem));
  });

  it('without `unique`, an id given twice is one row, the later item’s', () => {
    const { items } = generateSampleLog(5, 4, { endMs: END });
    const again = { ...items[1]!, agentId: 'agent-late', agentName: 'Late' };
    const c = itemColumnsOf([...items, again]);
    expect(c.n).toBe(5);
    expect(decoded(c)[1]!.slice(0, 2)).toEqual(['agent-late', 'Late']);
    // With `unique` the caller vouches for the ids: every row is kept.
    expect(itemColumnsOf([...items, again], true).n).toBe(6);
  });
});
