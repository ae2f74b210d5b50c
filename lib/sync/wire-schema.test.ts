import { describe, expect, it } from 'vitest';
import { HandledItemSchema } from '../db/schema';
import { WireItemSchema } from '../../server/src/schema';
import { makeItem } from './test-support';

/**
 * The server keeps its own copy of the item schema (it must not import the extension at run
 * time). These samples pin the two together: what one accepts, the other does.
 */
const full = makeItem(1, {
  text: 'Order 123 never came',
  language: 'en',
  postedAt: '2026-11-01T08:55:00.000Z',
  firstSeenAt: '2026-11-01T08:58:00.000Z',
  repliedAt: '2026-11-01T09:00:01.000Z',
  lastReplyAt: '2026-11-01T09:10:00.000Z',
  replyCount: 2,
  reason: 'escalated',
  responseSeconds: 301,
  responseBusinessSeconds: 200,
  handleSeconds: 120,
  targetSeconds: 900,
  targetMet: true,
  intent: 'complaint',
  sentiment: 'negative',
  urgency: 'high',
  flags: [{ name: 'legal', evidence: ['lawyer'] }],
  classifierVersion: 'nb-1',
  correctedIntent: 'question',
  correctedSentiment: 'neutral',
  templateId: 'tpl-1',
  editDistance: 4,
  replyText: 'Sorry! DM us.',
  notes: 'VIP',
  tags: ['vip'],
  practiceScore: 80,
  practiceSessionId: 's1',
  mode: 'practice',
  site: 'practice',
});

const valid: Array<[string, unknown]> = [
  ['minimal item', makeItem(2)],
  ['every field', full],
  ['facebook, no reply', makeItem(3, { site: 'facebook', reason: 'no_reply_needed', replyCount: 0 })],
  ['dates with offsets', makeItem(4, { handledAt: '2026-11-01T10:00:00+02:00', updatedAt: '2026-11-01T10:00:00+02:00' })],
];

const invalid: Array<[string, unknown]> = [
  ['unknown site', { ...makeItem(5), site: 'myspace' }],
  ['empty id', { ...makeItem(6), id: '' }],
  ['missing updatedAt', (({ updatedAt: _u, ...rest }) => rest)(makeItem(7))],
  ['bad date', { ...makeItem(8), handledAt: 'yesterday-ish' }],
  ['replyCount as text', { ...makeItem(9), replyCount: '1' }],
  ['unknown reason', { ...makeItem(10), reason: 'ignored' }],
  ['unknown intent', { ...makeItem(11), intent: 'rant' }],
  ['bad flag', { ...makeItem(12), flags: [{ name: 'curse', evidence: [] }] }],
  ['mode missing', (({ mode: _m, ...rest }) => rest)(makeItem(13))],
  ['not an object', 'item'],
];

describe('the server wire schema and lib/db HandledItemSchema', () => {
  for (const [name, sample] of valid) {
    it(`both accept: ${name}`, () => {
      expect(HandledItemSchema.safeParse(sample).success).toBe(true);
      expect(WireItemSchema.safeParse(sample).success).toBe(true);
    });
  }
  for (const [name, sample] of invalid) {
    it(`both reject: ${name}`, () => {
      expect(HandledItemSchema.safeParse(sample).success).toBe(false);
      expect(WireItemSchema.safeParse(sample).success).toBe(false);
    });
  }

  it('declare the same fields', () => {
    const clientKeys = Object.keys(HandledItemSchema.def.shape).sort();
    const serverKeys = Object.keys(WireItemSchema.shape).sort();
    expect(serverKeys).toEqual(clientKeys);
  });
});
