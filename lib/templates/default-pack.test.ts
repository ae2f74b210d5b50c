import { describe, expect, it } from 'vitest';
import { FLAG_NAMES, INTENTS } from '../classify/types.ts';
import { validateBlankValues } from './blanks.ts';
import { countForChannel } from './channel.ts';
import { DEFAULT_PACK_ENTRIES, defaultPack, defaultTemplates } from './default-pack.ts';
import { renderTemplate } from './render.ts';
import { TemplatePackSchema, TemplateSchema, templateBodyFor, type Template } from './schema.ts';
import { checkTone } from './tone-check.ts';
import type { RenderContext } from './variables.ts';

const templates = defaultTemplates();

// A context with long values, to check the X bodies stay within 280 in a bad case.
const longContext: RenderContext = {
  customer: { name: 'Maximilian Alexander Worthington-Smythe', handle: 'max_worthington_smythe' },
  agent: { name: 'Jane Smith' },
  brand: { name: 'Acme International Airways' },
  post: { link: 'https://x.com/max/status/1234567890123456789' },
  case: { reference: 'CASE-2026-0001234' },
  language: 'en-GB',
  now: new Date('2026-09-30T10:00:00Z'),
  timeZone: 'UTC',
};

function fill(template: Template): Record<string, string> {
  const values: Record<string, string> = {};
  for (const blank of template.blanks) {
    values[blank.key] = blank.kind === 'choice' ? (blank.options?.[0] ?? '') : blank.kind === 'date' ? '2026-09-30' : 'x'.repeat(40);
  }
  return values;
}

describe('default pack', () => {
  it('validates entry by entry, each with a unique id', () => {
    for (const entry of DEFAULT_PACK_ENTRIES) {
      const result = TemplateSchema.safeParse({ ...entry, schemaVersion: 2, language: 'en' });
      expect(result.success, `${entry.id}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
    const ids = templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(TemplatePackSchema.safeParse(defaultPack()).success).toBe(true);
    expect(templates.length).toBeGreaterThanOrEqual(30);
  });

  it('covers every intent on both channels with at least two replies each', () => {
    for (const intent of INTENTS) {
      for (const channel of ['x', 'facebook'] as const) {
        const fitting = templates.filter((t) => t.intents.includes(intent) && t.flags.length === 0 && templateBodyFor(t, channel));
        expect(fitting.length, `${intent} on ${channel}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('has holding replies for flagged posts on both channels', () => {
    for (const flag of FLAG_NAMES) {
      for (const channel of ['x', 'facebook'] as const) {
        expect(templates.some((t) => t.flags.includes(flag) && templateBodyFor(t, channel)), `${flag} on ${channel}`).toBe(true);
      }
    }
  });

  it('includes the replies the issue asks for', () => {
    const has = (test: (t: Template) => boolean): boolean => templates.some(test);
    expect(has((t) => t.intents.includes('praise') && t.tones.includes('grateful'))).toBe(true);
    expect(has((t) => t.tags.includes('no fix yet'))).toBe(true);
    expect(has((t) => /Is it OK if we continue in DM\?/u.test(t.bodies.x ?? ''))).toBe(true);
    expect(has((t) => /Would it be OK to continue in a private message\?/u.test(t.bodies.facebook ?? ''))).toBe(true);
    expect(has((t) => t.flags.includes('personal_data') && /delete/u.test(t.bodies.x ?? ''))).toBe(true);
    expect(has((t) => t.flags.includes('legal'))).toBe(true);
    expect(has((t) => t.flags.includes('safety'))).toBe(true);
    expect(has((t) => t.flags.includes('repeat_contact'))).toBe(true);
    expect(has((t) => t.flags.includes('churn'))).toBe(true);
  });

  it('renders every body fully, within the channel limit, with long values', () => {
    for (const template of templates) {
      for (const channel of ['x', 'facebook'] as const) {
        const body = templateBodyFor(template, channel);
        if (!body) continue;
        const values = fill(template);
        expect(validateBlankValues(template.blanks, values).ok).toBe(true);
        const { text, missing } = renderTemplate(body, longContext, values, template.blanks);
        expect(missing, `${template.id} on ${channel}`).toEqual([]);
        expect(countForChannel(text, channel).over, `${template.id} on ${channel}: ${text}`).toBe(false);
      }
    }
  });

  it('signs X replies with the agent initials', () => {
    for (const template of templates) {
      const x = templateBodyFor(template, 'x');
      if (x) expect(x.trimEnd().endsWith('^{{agent.initials}}'), template.id).toBe(true);
    }
  });

  it('passes its own tone check', () => {
    for (const template of templates) {
      for (const channel of ['x', 'facebook'] as const) {
        const body = templateBodyFor(template, channel);
        if (!body) continue;
        const { text } = renderTemplate(body, longContext, fill(template), template.blanks);
        const intent = template.intents[0] ?? 'other';
        const sentiment = template.sentiments[0] ?? 'neutral';
        const findings = checkTone(text, {
          channel,
          post: { text: 'Something happened.', classification: { intent, sentiment } },
          teamSigns: true,
          signature: '^JS',
          agentName: 'Jane Smith',
        });
        // Flag holding replies are formal by design and need not apologise.
        const relevant = findings.filter((f) => !(f.rule === 'no-acknowledgement' && template.flags.length > 0));
        expect(relevant, `${template.id} on ${channel}: ${text}`).toEqual([]);
      }
    }
  });
});
