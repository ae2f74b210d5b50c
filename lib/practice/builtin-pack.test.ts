import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLAG_NAMES, INTENTS } from '../classify/types.ts';
import { isEscalation, parseScenarioPack } from './scenario.ts';
import { scoreReply } from './score.ts';
import { planSession } from './session.ts';

// The committed pack (built by scripts/build-scenarios.ts); tests never read ../shared.
const json = readFileSync(join(import.meta.dirname, '../../data/practice/scenarios.json'), 'utf8');
const parsed = parseScenarioPack(json);
const scenarios = parsed.ok ? parsed.pack.scenarios : [];

describe('the built-in scenario pack', () => {
  it('validates, holds at least 200 scenarios and stays under 400 KB', () => {
    expect(parsed.ok).toBe(true);
    expect(scenarios.length).toBeGreaterThanOrEqual(200);
    expect(Buffer.byteLength(json)).toBeLessThan(400_000);
  });

  it('covers every intent and flag the classifier knows, and escalations', () => {
    for (const intent of INTENTS) expect(scenarios.filter((s) => s.expected.intent === intent).length, intent).toBeGreaterThanOrEqual(5);
    for (const flag of FLAG_NAMES) expect(scenarios.filter((s) => s.expected.flags.includes(flag)).length, flag).toBeGreaterThanOrEqual(5);
    expect(scenarios.filter(isEscalation).length).toBeGreaterThanOrEqual(10);
  });

  it('marks synthetic scenarios and explains them', () => {
    const synthetic = scenarios.filter((s) => s.source.dataset === 'synthetic');
    expect(synthetic.length).toBeGreaterThan(0);
    expect(synthetic.length).toBeLessThan(scenarios.length / 4);
    for (const s of synthetic) {
      expect(s.id.startsWith('syn-')).toBe(true);
      expect(s.source.note?.length ?? 0).toBeGreaterThan(10);
    }
    for (const s of scenarios.filter((x) => x.source.dataset !== 'synthetic')) expect(s.brandReply).toBeTruthy();
  });

  it('shows no real email address (only example.com) and no Wayback Machine links', () => {
    const emails = json.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/giu) ?? [];
    expect(emails.every((e) => e.toLowerCase().endsWith('@example.com'))).toBe(true);
    expect(json).not.toMatch(/web\.archive\.org/u);
  });

  it('uses one pseudonym per customer handle', () => {
    const names = new Map<string, string>();
    for (const s of scenarios) {
      const earlier = names.get(s.customer.handle);
      if (earlier) expect(s.customer.name).toBe(earlier);
      names.set(s.customer.handle, s.customer.name);
    }
  });

  it('every post is young enough to answer within its target', () => {
    // The x targets: 15 min urgent, 60 normal, 240 low; the builder uses at most 60% of them.
    const limit = { high: 15, normal: 60, low: 240 } as const;
    for (const s of scenarios) expect(s.postedMinutesAgo).toBeLessThanOrEqual(limit[s.expected.urgency ?? 'normal'] * 0.6 + 1);
  });

  it('the brand’s real reply scores as a decent reply on its own scenario (most of the time)', () => {
    // A sanity check of the rubric against real agents: not every real reply is a model answer.
    const real = scenarios.filter((s) => s.brandReply);
    const totals = real.map((s) => scoreReply({ scenario: s, reply: s.brandReply ?? '', respondedAfterMs: 60_000 }).total);
    const median = [...totals].sort((a, b) => a - b)[Math.floor(totals.length / 2)] ?? 0;
    expect(median).toBeGreaterThanOrEqual(60);
  });

  it('plans every kind of session from it', () => {
    expect(planSession(scenarios, { length: 20, focus: 'escalations', seed: 1 }).posts).toHaveLength(20);
    expect(planSession(scenarios, { length: 20, focus: 'complaints', difficulty: 'hard', seed: 1 }).posts).toHaveLength(20);
    expect(planSession(scenarios, { length: 'shift15', difficulty: 'hard', seed: 1 }).posts.length).toBeGreaterThan(10);
  });
});
