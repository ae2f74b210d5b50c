/**
 * Template hot paths, run on every focused post or keystroke in the sidebar: ranking the default
 * pack, rendering a body, counting a draft for X, the tone check, and edit distance on a sent reply.
 * Rendering is compared with a plain String.replace fill in the same process (the cheapest
 * possible substitution), so the ratio says what parsing and fallbacks cost.
 */
import { countForChannel } from '../../lib/templates/channel';
import { defaultTemplates } from '../../lib/templates/default-pack';
import { editDistance } from '../../lib/templates/edit-distance';
import { parsePack, serializePack } from '../../lib/templates/import-export';
import { rankTemplates } from '../../lib/templates/rank';
import { renderTemplate } from '../../lib/templates/render';
import { templateBodyFor } from '../../lib/templates/schema';
import { checkTone } from '../../lib/templates/tone-check';
import type { RenderContext } from '../../lib/templates/variables';

function perSecond(fn: (i: number) => unknown, minMs = 800): number {
  for (let i = 0; i < 500; i++) fn(i);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    for (let i = 0; i < 200; i++) fn(n + i);
    n += 200;
  }
  return Math.round((n * 1000) / (performance.now() - start));
}

export async function run(): Promise<Array<[string, string | number]>> {
  const templates = defaultTemplates();
  const bodies = templates.map((t) => templateBodyFor(t, 'x') ?? templateBodyFor(t, 'facebook') ?? '');
  const context: RenderContext = {
    customer: { name: 'Jane Doe', handle: 'jane' },
    agent: { name: 'Sam Lee' },
    brand: { name: 'Acme' },
    post: { link: 'https://x.com/jane/status/1' },
    case: { reference: 'R-1' },
    language: 'en',
    now: new Date('2026-01-01T00:00:00Z'),
  };
  const flat: Record<string, string> = {
    'customer.name': 'Jane Doe',
    'customer.firstName': 'Jane',
    'agent.initials': 'SL',
    'agent.name': 'Sam Lee',
    'brand.name': 'Acme',
    'case.reference': 'R-1',
  };
  const blanks = { updateBy: '2026-01-02', update: 'on its way', service: 'login', resolution: 'done', answer: 'Yes.', within: 'the day', link: 'https://a.b', detail: 'order number', colleague: 'Sam', pressContact: 'press@a.b' };

  const renders = perSecond((i) => renderTemplate(bodies[i % bodies.length] ?? '', context, blanks));
  const naive = perSecond((i) => (bodies[i % bodies.length] ?? '').replace(/\{\{\s*([\w.]+)[^}]*\}\}/gu, (_m, k: string) => flat[k] ?? ''));

  const classifications = (['complaint', 'question', 'praise', 'feedback', 'other'] as const).map((intent) => ({
    classified: true,
    intent,
    sentiment: 'negative' as const,
    flags: [],
    language: 'en',
  }));
  const ranks = perSecond((i) => rankTemplates(templates, { classification: classifications[i % 5]!, channel: i % 2 ? 'x' : 'facebook' }));

  const drafts = [
    'Sorry to hear this! Could you DM us your order number so we can check? ^JS',
    'You should have read the FAQ at https://example.com/faq before posting!!! ^JS',
    '日本語の返信です。ご迷惑をおかけして申し訳ございません。😀 https://example.com ^JS',
  ];
  const counts = perSecond((i) => countForChannel(drafts[i % 3]!, 'x'));
  const tones = perSecond((i) =>
    checkTone(drafts[i % 3]!, { channel: 'x', teamSigns: true, signature: '^JS', post: { text: 'When will my refund arrive?', classification: { intent: 'complaint', sentiment: 'negative' } } }),
  );

  const inserted = `${bodies[0] ?? ''} ${bodies[1] ?? ''}`.slice(0, 280);
  const sent = inserted.replace(/sorry/giu, 'so sorry').replace(/\.$/u, '!') + ' Thanks again.';
  const distances = perSecond(() => editDistance(inserted, sent));

  const json = serializePack(templates);
  const start = performance.now();
  const rounds = 20;
  for (let i = 0; i < rounds; i++) parsePack(json);
  const parseMs = (performance.now() - start) / rounds;

  return [
    ['templates.default_pack_size', templates.length],
    ['templates.renders_per_second', renders],
    ['templates.naive_replace_per_second', naive],
    ['templates.render_ratio_vs_naive_replace', Number((renders / naive).toFixed(2))],
    ['templates.rank_default_pack_per_second', ranks],
    ['templates.x_counts_per_second', counts],
    ['templates.tone_checks_per_second', tones],
    ['templates.edit_distance_280_chars_per_second', distances],
    ['templates.import_default_pack_ms', Number(parseMs.toFixed(2))],
    ['templates.default_pack_json_kb', Math.round(json.length / 1024)],
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [k, v] of await run()) console.log(`${k}: ${v}`);
}
