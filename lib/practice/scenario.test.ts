import { describe, expect, it } from 'vitest';
import { parseScenarioPack, SCENARIO_PACK_FORMAT, serializeScenarioPack } from './scenario.ts';
import { makeScenario } from './test-scenarios.ts';

const good = [makeScenario(), makeScenario({ id: 'test-2', channel: 'facebook', conversation: [{ from: 'brand', text: 'Hi! How can we help?' }] })];

describe('scenario packs', () => {
  it('round-trips: serialise then parse gives the same scenarios', () => {
    const json = serializeScenarioPack(good, { name: 'Test pack', now: new Date('2026-01-02T03:04:05Z') });
    const result = parseScenarioPack(json);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.scenarios).toEqual(good);
    expect(result.pack.name).toBe('Test pack');
    expect(result.pack.exportedAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('serialises the same scenarios to the same bytes when no time is given', () => {
    expect(serializeScenarioPack(good)).toBe(serializeScenarioPack(good));
    expect(serializeScenarioPack(good)).not.toMatch(/exportedAt/u);
  });

  it('fills defaults (no conversation, no flags)', () => {
    const raw = JSON.parse(serializeScenarioPack(good)) as { scenarios: Array<Record<string, unknown>> };
    const first = raw.scenarios[0] as Record<string, unknown> & { expected: Record<string, unknown> };
    delete first.conversation;
    delete first.expected.flags;
    const result = parseScenarioPack(JSON.stringify(raw));
    expect(result.ok && result.pack.scenarios[0]?.conversation).toEqual([]);
    expect(result.ok && result.pack.scenarios[0]?.expected.flags).toEqual([]);
  });

  it('rejects malformed JSON with a readable error', () => {
    const result = parseScenarioPack('{"format": "careline-scenarios", ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/not valid JSON/u);
  });

  it('rejects another format, and points a template pack to the right place', () => {
    const result = parseScenarioPack(JSON.stringify({ format: 'careline-templates', version: 1, templates: [] }));
    expect(!result.ok && result.errors[0]).toMatch(/template pack/u);
    expect(parseScenarioPack('[]').ok).toBe(false);
  });

  it('rejects a newer version, asking for an update', () => {
    const result = parseScenarioPack(JSON.stringify({ format: SCENARIO_PACK_FORMAT, version: 2, scenarios: [] }));
    expect(!result.ok && result.errors[0]).toMatch(/newer Careline/u);
  });

  it('is all or nothing, naming each bad entry by number, id and field', () => {
    const raw = JSON.parse(serializeScenarioPack(good)) as { scenarios: Array<Record<string, unknown>> };
    raw.scenarios.push({ ...raw.scenarios[0], id: 'bad-one', channel: 'tiktok', postedMinutesAgo: -3 });
    const result = parseScenarioPack(JSON.stringify(raw));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.length).toBe(2);
    expect(result.errors[0]).toMatch(/^Scenario 3 \(“bad-one”\): channel: /u);
    expect(result.errors[1]).toMatch(/^Scenario 3 \(“bad-one”\): postedMinutesAgo: Cannot be negative/u);
  });

  it('names nested fields and entries without an id', () => {
    const raw = JSON.parse(serializeScenarioPack(good)) as { scenarios: Array<Record<string, unknown>> };
    raw.scenarios[1] = { ...raw.scenarios[1], expected: { intent: 'rant', firstMoves: [] } };
    raw.scenarios.push({ text: 'hello' });
    const result = parseScenarioPack(JSON.stringify(raw));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.some((e) => e.startsWith('Scenario 2 (“test-2”): expected.intent'))).toBe(true);
    expect(result.errors.some((e) => e.startsWith('Scenario 2 (“test-2”): expected.firstMoves: List at least one'))).toBe(true);
    expect(result.errors.some((e) => e.startsWith('Scenario 3: id'))).toBe(true);
  });

  it('rejects duplicate ids', () => {
    const json = serializeScenarioPack([good[0]!, good[0]!]);
    const result = parseScenarioPack(json);
    expect(!result.ok && result.errors[0]).toMatch(/^Scenario 2 .*already used by scenario 1/u);
  });

  it('rejects a file over the size limit before parsing it', () => {
    const json = serializeScenarioPack(good);
    const result = parseScenarioPack(`${json}${' '.repeat(2000)}`, { maxBytes: 1000 });
    expect(!result.ok && result.errors[0]).toMatch(/larger than 1 KB/u);
    // Bytes, not characters: 400 four-byte emoji are 1,600 bytes.
    expect(parseScenarioPack(`"${'😀'.repeat(400)}"`, { maxBytes: 1000 }).ok).toBe(false);
  });

  it('rejects an empty pack', () => {
    expect(parseScenarioPack(JSON.stringify({ format: SCENARIO_PACK_FORMAT, version: 1, scenarios: [] })).ok).toBe(false);
  });
});
