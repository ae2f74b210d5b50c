import { describe, expect, it } from 'vitest';
import { makeScenario } from '../../lib/practice/test-scenarios';
import { createSession } from './session-state';
import { feedPostOf, xHandle } from './feed-post';
import { scorePracticeReply } from './scoring';
import { DEFAULT_SLA_SETTINGS } from '../../lib/sla/settings';

describe('feed posts', () => {
  it('keeps handles X can link to (1–20 letters, digits, _)', () => {
    expect(xHandle('sam_r')).toBe('sam_r');
    expect(xHandle('jane.doe.from.facebook.page')).toBe('jane_doe_from_facebo');
    expect(xHandle('')).toBe('customer');
  });

  it('a follow-up in a thread replies to the brand; the post is dated before its arrival', () => {
    const scenario = makeScenario({ conversation: [{ from: 'customer', text: 'Hi' }, { from: 'brand', text: 'Hello, how can we help?' }], postedMinutesAgo: 12 });
    const s = createSession([scenario], { kind: 'retry', focus: 'all', seed: '1', pack: 'builtin' }, Date.UTC(2026, 0, 1, 12));
    const post = feedPostOf(s, s.posts[0]!);
    expect(post).toMatchObject({ handle: 'sam_r', inReplyTo: 'ShopHelp', postedAt: '2026-01-01T11:48:00.000Z' });
  });
});

describe('scoring a practice reply', () => {
  const scenario = makeScenario();
  const reply = "We're sorry your order hasn't arrived. Please DM us your order number and we'll chase it.";

  it('uses the profile: an unsigned reply loses channel fit only when the team signs', () => {
    const signs = scorePracticeReply(scenario, reply, 60_000, { profile: { initials: 'AB', teamSigns: true }, sla: DEFAULT_SLA_SETTINGS });
    const free = scorePracticeReply(scenario, reply, 60_000, { profile: { initials: 'AB', teamSigns: false }, sla: DEFAULT_SLA_SETTINGS });
    const signed = scorePracticeReply(scenario, `${reply} ^AB`, 60_000, { profile: { initials: 'AB', teamSigns: true }, sla: DEFAULT_SLA_SETTINGS });
    const fit = (r: typeof signs) => r.parts.find((p) => p.skill === 'channel_fit')!.score;
    expect(fit(signs)).toBeLessThan(fit(free));
    expect(fit(signed)).toBe(fit(free));
    expect(signed.parts.find((p) => p.skill === 'channel_fit')!.explanation).toMatch(/Signed/);
  });

  it('measures speed against the team targets it is given', () => {
    const tight = { ...DEFAULT_SLA_SETTINGS, targets: { ...DEFAULT_SLA_SETTINGS.targets, x: { high: 60, normal: 60, low: 60 } } };
    const speed = (r: ReturnType<typeof scorePracticeReply>) => r.parts.find((p) => p.skill === 'speed')!.score;
    const ctx = { profile: { initials: '', teamSigns: false } };
    expect(speed(scorePracticeReply(scenario, reply, 60_000, { ...ctx, sla: DEFAULT_SLA_SETTINGS }))).toBe(1);
    expect(speed(scorePracticeReply(scenario, reply, 60_000, { ...ctx, sla: tight }))).toBe(0);
  });
});
