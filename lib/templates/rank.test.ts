import { describe, expect, it } from 'vitest';
import type { FlagName, Intent, Sentiment } from '../classify/types.ts';
import { defaultTemplates } from './default-pack.ts';
import { rankTemplates, summarizeUsage, type RankInput } from './rank.ts';
import { TemplateSchema, type Template, type TemplateInput } from './schema.ts';

function post(intent: Intent, sentiment: Sentiment, flags: FlagName[] = [], channel: RankInput['channel'] = 'x'): RankInput {
  return {
    classification: { classified: true, intent, sentiment, flags: flags.map((name) => ({ name, evidence: [] })), language: 'en' },
    channel,
  };
}

const pack = defaultTemplates();

describe('rankTemplates on the default pack (labelled examples)', () => {
  // [example, input, what must come first (id prefix), tones the top pick must have one of]
  const examples: Array<[string, RankInput, string, string[]]> = [
    ['complaint, negative, X', post('complaint', 'negative'), 'default.complaint.', ['empathetic', 'apologetic']],
    ['complaint, negative, Facebook', post('complaint', 'negative', [], 'facebook'), 'default.complaint.', ['empathetic', 'apologetic']],
    ['praise, positive, X', post('praise', 'positive'), 'default.praise.', ['grateful']],
    ['praise, positive, Facebook', post('praise', 'positive', [], 'facebook'), 'default.praise.', ['grateful']],
    ['question, neutral, X', post('question', 'neutral'), 'default.question.', ['informative']],
    ['feedback, positive, Facebook', post('feedback', 'positive', [], 'facebook'), 'default.feedback.suggestion', ['grateful']],
    ['feedback, negative, X', post('feedback', 'negative'), 'default.feedback.critical', ['apologetic']],
    ['legal flag on a complaint', post('complaint', 'negative', ['legal']), 'default.flag.legal.x', ['formal']],
    ['legal flag on Facebook', post('complaint', 'negative', ['legal'], 'facebook'), 'default.flag.legal.facebook', ['formal']],
    ['safety flag', post('complaint', 'negative', ['safety']), 'default.flag.safety.x', ['empathetic']],
    ['personal data on a question', post('question', 'neutral', ['personal_data']), 'default.flag.personal-data.x', ['informative']],
    ['personal data on a complaint, Facebook', post('complaint', 'negative', ['personal_data'], 'facebook'), 'default.flag.personal-data.facebook', ['empathetic']],
    ['repeat contact', post('complaint', 'negative', ['repeat_contact']), 'default.complaint.repeat-contact.x', ['apologetic']],
    ['churn', post('complaint', 'negative', ['churn']), 'default.complaint.churn.x', ['empathetic']],
    ['press', post('question', 'neutral', ['press']), 'default.flag.press', ['formal']],
  ];

  it.each(examples)('%s', (_label, input, firstId, tones) => {
    const ranked = rankTemplates(pack, input);
    expect(ranked).toHaveLength(5);
    const top = ranked[0];
    expect(top?.template.id.startsWith(firstId)).toBe(true);
    expect(top?.template.tones.some((t) => tones.includes(t))).toBe(true);
    expect(top?.reasons.length).toBeGreaterThan(0);
  });

  it('never suggests a flag template for a post without that flag', () => {
    for (const input of [post('complaint', 'negative'), post('praise', 'positive'), post('question', 'neutral')]) {
      for (const { template } of rankTemplates(pack, input)) expect(template.flags).toEqual([]);
    }
  });

  it('offers only templates with a body for the channel', () => {
    for (const { template } of rankTemplates(pack, post('complaint', 'negative', [], 'facebook'), 100)) {
      expect(template.bodies.facebook ?? template.bodies.any).toBeTruthy();
    }
    for (const { template } of rankTemplates(pack, post('complaint', 'negative', [], 'practice'), 100)) {
      expect(template.bodies.x ?? template.bodies.any).toBeTruthy();
    }
  });

  it('explains the choice in words', () => {
    const [top] = rankTemplates(pack, post('complaint', 'negative', ['legal']));
    expect(top?.reasons).toContain('Written for legal posts');
    const [praise] = rankTemplates(pack, post('praise', 'positive'));
    expect(praise?.reasons).toEqual(expect.arrayContaining(['Fits praise', 'Suits a happy customer', 'Grateful tone', 'Written for X']));
  });
});

function make(id: string, overrides: Partial<TemplateInput>): Template {
  return TemplateSchema.parse({ id, schemaVersion: 2, name: id, bodies: { any: `Body ${id}` }, tones: ['informative'], ...overrides });
}

describe('rankTemplates scoring', () => {
  it('lets usage break ties between equally fitting templates, weighted by what was kept', () => {
    const a = make('a', { intents: ['complaint'], tones: ['apologetic'] });
    const b = make('b', { intents: ['complaint'], tones: ['apologetic'] });
    const c = make('c', { intents: ['complaint'], tones: ['apologetic'] });
    const input = { ...post('complaint', 'negative'), usage: { b: { uses: 12, meanKeptRatio: 0.95 }, c: { uses: 40, meanKeptRatio: 0.1 } } };
    const ranked = rankTemplates([a, b, c], input);
    expect(ranked.map((r) => r.template.id)).toEqual(['b', 'c', 'a']);
    expect(ranked[0]?.reasons).toContain('You used it 12 times on similar posts and kept 95%');
  });

  it('does not let usage lift a template over a better fit', () => {
    const fit = make('fit', { intents: ['praise'], sentiments: ['positive'], tones: ['grateful'] });
    const habit = make('habit', { intents: ['complaint'], tones: ['apologetic'] });
    const input = { ...post('praise', 'positive'), usage: { habit: { uses: 500, meanKeptRatio: 1 } } };
    expect(rankTemplates([habit, fit], input)[0]?.template.id).toBe('fit');
  });

  it('puts templates in the post language first', () => {
    const en = make('en', { intents: ['question'] });
    const de = make('de', { intents: ['question'], language: 'de' });
    const input: RankInput = { ...post('question', 'neutral'), language: 'de-AT' };
    expect(rankTemplates([en, de], input).map((r) => r.template.id)).toEqual(['de', 'en']);
    expect(rankTemplates([en, de], post('question', 'neutral')).map((r) => r.template.id)).toEqual(['en', 'de']);
    expect(rankTemplates([en, de], input)[1]?.reasons).toContain("In en, not the post's language (de)");
  });

  it('uses no intent or sentiment when the post was not classified', () => {
    const generic = make('generic', {});
    const praise = make('praise', { intents: ['praise'], tones: ['grateful'] });
    const input: RankInput = { classification: { classified: false, intent: 'praise', sentiment: 'positive', flags: [], language: 'en' }, channel: 'x' };
    const ranked = rankTemplates([praise, generic], input);
    expect(ranked.map((r) => r.score)).toEqual([0.25, 0.25]);
    // Equal scores keep a stable order by name.
    expect(ranked.map((r) => r.template.id)).toEqual(['generic', 'praise']);
  });

  it('respects the limit and leaves out templates without a body for the channel', () => {
    const xOnly = make('x-only', { bodies: { x: 'X' } });
    expect(rankTemplates([xOnly], post('other', 'neutral', [], 'facebook'))).toEqual([]);
    expect(rankTemplates(pack, post('other', 'neutral'), 3)).toHaveLength(3);
    expect(rankTemplates(pack, post('other', 'neutral'), 0)).toEqual([]);
  });
});

describe('summarizeUsage', () => {
  it('counts uses and averages kept ratios for one intent', () => {
    const usage = summarizeUsage(
      [
        { templateId: 'a', intent: 'complaint', keptRatio: 1 },
        { templateId: 'a', intent: 'complaint', keptRatio: 0.5 },
        { templateId: 'a', intent: 'praise', keptRatio: 0 },
        { templateId: 'b', intent: 'complaint', keptRatio: 1.4 },
      ],
      'complaint',
    );
    expect(usage).toEqual({ a: { uses: 2, meanKeptRatio: 0.75 }, b: { uses: 1, meanKeptRatio: 1 } });
  });
});
