import { describe, expect, it } from 'vitest';
import { OVER_LIMIT_CAP, PERSONAL_DATA_CAP, scoreReply, speedScore, type ScoreResult, type Skill } from './score.ts';
import { makeScenario } from './test-scenarios.ts';

const MIN = 60_000;
const scenario = makeScenario();

function part(result: ScoreResult, skill: Skill): number {
  const found = result.parts.find((p) => p.skill === skill);
  if (!found) throw new Error(`no ${skill} part`);
  return found.score;
}

function score(reply: string, extra: Partial<Parameters<typeof scoreReply>[0]> = {}): ScoreResult {
  return scoreReply({ scenario, reply, respondedAfterMs: 2 * MIN, teamSigns: true, signature: '^JS', ...extra });
}

// The four fixed replies named in the issue, to a late-order complaint posted 5 min before it reached
// the trainee, answered 2 min later (7 min against a 60-min target: full speed marks for all four).
describe('scoreReply: the four fixed replies', () => {
  it('a good apology scores at least 90: every part right, close to the brand reply', () => {
    const result = score("@sam_r Sorry your order hasn't arrived, Sam, that's really frustrating. Could you send us a DM with your order number? We'll track it down for you. ^JS");
    // Apologises, acknowledges and moves to DM (both expected moves, apology first); no tone finding;
    // 151 of 280, signed; asks for the order number in a DM, not in public.
    expect(result.total).toBeGreaterThanOrEqual(90);
    expect(part(result, 'first_move')).toBe(1);
    expect(part(result, 'tone')).toBe(1);
    expect(part(result, 'channel_fit')).toBe(1);
    expect(part(result, 'personal_data')).toBe(1);
    expect(result.moves).toEqual(['apologise', 'acknowledge', 'move_to_dm']);
    expect(result.cappedBy).toBeUndefined();
  });

  it('a curt reply scores 35–55: quick and harmless, but no apology, no next step in private, too short, unsigned', () => {
    const result = score('Check the tracking page.');
    // Speed 1 and personal data 1 earn their weights; first move scores 0 (it answers, but the
    // complaint wanted an apology and a DM, and answering stands in for neither); the tone check
    // warns of no acknowledgement (0.65); channel fit loses 0.4 for curt and 0.3 for no signature.
    expect(result.total).toBeGreaterThanOrEqual(35);
    expect(result.total).toBeLessThanOrEqual(55);
    expect(part(result, 'first_move')).toBe(0);
    expect(part(result, 'tone')).toBeCloseTo(0.65);
    expect(part(result, 'channel_fit')).toBeCloseTo(0.3);
    expect(result.parts.find((p) => p.skill === 'channel_fit')?.explanation).toMatch(/curt/u);
  });

  it('a reply asking for a card number in public scores 0 on personal data and at most 40 in total', () => {
    const result = score('Sorry about that! Please reply with your full card number and expiry date so we can check the charge. ^JS');
    expect(part(result, 'personal_data')).toBe(0);
    expect(result.total).toBeLessThanOrEqual(PERSONAL_DATA_CAP);
    expect(result.total).toBeGreaterThanOrEqual(30);
    expect(result.cappedBy).toMatch(/personal data/u);
    expect(result.parts.find((p) => p.skill === 'personal_data')?.explanation).toMatch(/card number/u);
  });

  it('a reply over 280 on X fails channel fit and scores at most 50, however good its words', () => {
    const long =
      "@sam_r We're so sorry your order hasn't arrived yet, Sam. We completely understand how frustrating it is to wait for a parcel that was promised for Monday. Our courier partners have been dealing with very high volumes this week, which has caused delays in some areas. Please send us a DM with your order number and we'll check exactly where your parcel is and when it will be delivered. ^JS";
    const result = score(long);
    expect(part(result, 'channel_fit')).toBe(0);
    expect(part(result, 'first_move')).toBe(1);
    expect(result.total).toBe(OVER_LIMIT_CAP);
    expect(result.parts.find((p) => p.skill === 'channel_fit')?.explanation).toMatch(/280/u);
    // The same words on Facebook fit a comment: no cap.
    expect(score(long, { channel: 'facebook' }).total).toBeGreaterThan(85);
  });
});

describe('scoreReply: parts', () => {
  it('every part has a weight and an explanation, and the total is in 0..100', () => {
    const result = score('Sorry! DM us. ^JS');
    expect(result.parts.map((p) => p.skill)).toEqual(['speed', 'first_move', 'tone', 'channel_fit', 'personal_data', 'similarity']);
    for (const p of result.parts) {
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBeLessThanOrEqual(1);
      expect(p.weight).toBeGreaterThan(0);
      expect(p.explanation.length).toBeGreaterThan(20);
    }
    expect(result.total).toBeGreaterThanOrEqual(0);
    expect(result.total).toBeLessThanOrEqual(100);
  });

  it('an empty reply scores 0', () => {
    expect(score('   ').total).toBe(0);
  });

  it('speed: full marks to half the target, 0.7 at the target, 0 at twice the target', () => {
    expect(speedScore(10 * MIN, 60 * MIN)).toBe(1);
    expect(speedScore(60 * MIN, 60 * MIN)).toBeCloseTo(0.7);
    expect(speedScore(120 * MIN, 60 * MIN)).toBe(0);
    expect(speedScore(90 * MIN, 60 * MIN)).toBeCloseTo(0.35);
  });

  it('speed counts the time the post had already waited, against the urgent target when urgent', () => {
    const urgent = makeScenario({ postedMinutesAgo: 10, expected: { intent: 'complaint', flags: ['safety'], urgency: 'high', firstMoves: ['apologise', 'escalate'] } });
    const result = scoreReply({ scenario: urgent, reply: "Sorry, we've passed this to our safety team.", respondedAfterMs: 8 * MIN });
    // 18 min against the 15-min X target for urgent posts: 1.2 × target → 0.7 - 0.2 × 0.7 = 0.56.
    expect(part(result, 'speed')).toBeCloseTo(0.56);
    expect(result.parts[0]?.explanation).toMatch(/Over target by 3 min/u);
  });

  it('first move: an acknowledgement stands in for an apology at 0.75', () => {
    const result = score("That's not the experience we want for you. Please send us a DM with your order number. ^JS");
    expect(part(result, 'first_move')).toBeCloseTo(0.85 * ((0.75 + 1) / 2) + 0.15);
  });

  it('first move: thanks on a praise post', () => {
    const praise = makeScenario({ text: 'Loving the new app update, so much faster!', expected: { intent: 'praise', flags: [], firstMoves: ['thank'] } });
    expect(part(scoreReply({ scenario: praise, reply: 'Thanks so much, we love hearing this!', respondedAfterMs: MIN }), 'first_move')).toBe(1);
    expect(part(scoreReply({ scenario: praise, reply: 'Please DM us.', respondedAfterMs: MIN }), 'first_move')).toBe(0);
  });

  it('personal data exposed in the post: a DM and a request to delete score 1, a DM alone 0.5', () => {
    const exposed = makeScenario({
      text: '@ShopHelp still no refund!! my email is sam.rivera@example.com and order 4417-2290-18 call me on 07700 900123',
      expected: { intent: 'complaint', flags: ['personal_data'], firstMoves: ['apologise', 'move_to_dm'] },
    });
    const both = scoreReply({ scenario: exposed, reply: "Sorry about the wait! Please delete this tweet, as it shows your email and phone, and send us a DM so we can check the refund.", respondedAfterMs: MIN });
    expect(part(both, 'personal_data')).toBe(1);
    const dmOnly = scoreReply({ scenario: exposed, reply: "Sorry about the wait! Please send us a DM so we can check the refund.", respondedAfterMs: MIN });
    expect(part(dmOnly, 'personal_data')).toBe(0.5);
    expect(dmOnly.parts.find((p) => p.skill === 'personal_data')?.explanation).toMatch(/delete/u);
  });

  it('personal data: repeating the customer’s email or number in public scores 0', () => {
    const exposed = makeScenario({
      text: 'my email is sam.rivera@example.com and my number is 07700 900123, please call',
      expected: { intent: 'question', flags: ['personal_data'], firstMoves: ['move_to_dm'] },
    });
    const echoed = scoreReply({ scenario: exposed, reply: "We'll email sam.rivera@example.com shortly.", respondedAfterMs: MIN });
    expect(part(echoed, 'personal_data')).toBe(0);
    expect(echoed.total).toBeLessThanOrEqual(PERSONAL_DATA_CAP);
    const number = scoreReply({ scenario: exposed, reply: 'We will call 07700900123 today.', respondedAfterMs: MIN });
    expect(part(number, 'personal_data')).toBe(0);
  });

  it('asking for an order number in a DM is fine; asking for an email address in public is not', () => {
    expect(part(score('Sorry! Please DM us your order number. ^JS'), 'personal_data')).toBe(1);
    expect(part(score('Sorry! What is your email address? ^JS'), 'personal_data')).toBe(0);
  });

  it('tone: blame words lower the tone part and are explained', () => {
    const result = score('Sorry, but you should have read the delivery terms. DM us. ^JS');
    expect(part(result, 'tone')).toBeLessThan(1);
    expect(result.parts.find((p) => p.skill === 'tone')?.explanation).toMatch(/you should have/u);
  });

  it('without a brand reply there is no similarity part, and the other weights share its place', () => {
    const { brandReply: _omit, ...rest } = makeScenario();
    const noBrand = makeScenario({ ...rest, brandReply: undefined });
    const result = scoreReply({ scenario: noBrand, reply: "Sorry your order hasn't arrived! Please DM us your order number and we'll check.", respondedAfterMs: MIN });
    expect(result.parts.some((p) => p.skill === 'similarity')).toBe(false);
    expect(result.brandReplySimilarity).toBeUndefined();
    expect(result.total).toBe(100);
  });

  it('similarity is a reference: an exact copy of the brand reply scores 1 on it, an unrelated good reply still passes overall', () => {
    const copy = score(scenario.brandReply ?? '');
    expect(copy.brandReplySimilarity).toBeGreaterThan(0.95);
    const different = score("Oh no, sorry Sam! That's a long wait. Pop us a DM and we'll chase the courier. ^JS");
    expect(different.brandReplySimilarity).toBeLessThan(0.3);
    expect(different.total).toBeGreaterThanOrEqual(85);
  });

  it('is deterministic', () => {
    const a = score('Sorry! DM us your order number please. ^JS');
    const b = score('Sorry! DM us your order number please. ^JS');
    expect(a).toEqual(b);
  });
});
