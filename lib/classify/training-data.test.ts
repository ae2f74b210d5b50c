/**
 * The hand-labelled data files keep the held-out sets held out: no post of brand-eval.jsonl or of
 * the complaints val split may reach training through brand-train.jsonl or complaints-labels.jsonl,
 * and the hand labels may not contradict the complaints data set's gold flag.
 */
import { describe, expect, it } from 'vitest';
import {
  emojiLexiconSet,
  EMOJI_WEIGHT,
  loadBitext,
  loadBrandEval,
  loadBrandTrain,
  loadComplaintLabels,
  loadComplaints,
  loadEmojiEval,
  loadSentimentTrain,
  loadSentimentVal,
  loadTwcsEval,
  loadTwcsEvalFlags,
  loadBrandFlags,
  loadTwcsFlags,
  loadTwcsLabels,
} from './training-data';
import { FLAG_NAMES, INTENTS, SENTIMENTS } from './types';
import { GENERIC_FEATURES, featurize } from './features';
import { sentimentExamples } from './train-pipeline';

const norm = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();
/** Every text a training file holds (normalised): what an evaluation-only set must not share. */
let trained: ReadonlySet<string> | undefined;
function trainingTexts(): ReadonlySet<string> {
  trained ??= new Set([...loadBrandTrain(), ...loadComplaints(), ...loadSentimentTrain(), ...loadBitext()].map((r) => norm(r.text)));
  return trained;
}

describe('hand-labelled training data', () => {
  it('brand-train.jsonl shares no post (by id or by text) with brand-eval.jsonl or the complaints data, and every label is a known one', () => {
    const train = loadBrandTrain();
    const evalSet = loadBrandEval();
    expect(train.length).toBeGreaterThan(1000);
    const evalIds = new Set(evalSet.map((b) => b.id));
    const heldOutTexts = new Set([...evalSet.map((b) => norm(b.text)), ...loadComplaints().map((r) => norm(r.text))]);
    expect(train.filter((b) => evalIds.has(b.id)).map((b) => b.id)).toEqual([]);
    expect(train.filter((b) => heldOutTexts.has(norm(b.text))).map((b) => b.id)).toEqual([]);
    expect(train.filter((b) => !INTENTS.includes(b.intent) || !SENTIMENTS.includes(b.sentiment)).map((b) => b.id)).toEqual([]);
  });

  it('twcs-eval.jsonl is held out: no post of it (by id or by text) is in brand-eval.jsonl or in any training file, and every label is a known one', () => {
    const twcs = loadTwcsEval();
    expect(twcs.length).toBeGreaterThan(350);
    expect(new Set(twcs.map((t) => t.id)).size).toBe(twcs.length);
    const brand = loadBrandEval();
    const otherIds = new Set(brand.map((b) => b.id));
    const otherTexts = new Set([...brand.map((r) => norm(r.text)), ...trainingTexts()]);
    expect(twcs.filter((t) => otherIds.has(t.id)).map((t) => t.id)).toEqual([]);
    expect(twcs.filter((t) => otherTexts.has(norm(t.text))).map((t) => t.id)).toEqual([]);
    expect(twcs.filter((t) => !t.id.startsWith('twcs:') || !INTENTS.includes(t.intent) || !SENTIMENTS.includes(t.sentiment)).map((t) => t.id)).toEqual([]);
  });

  it('twcs-eval-flags.jsonl marks every post of twcs-eval.jsonl, and only those, with known flags', () => {
    const ids = loadTwcsEval().map((t) => t.id);
    const flags = loadTwcsEvalFlags();
    expect([...flags.keys()]).toEqual(ids);
    const known = new Set<string>(FLAG_NAMES);
    expect([...flags.values()].flat().filter((f) => !known.has(f))).toEqual([]);
    expect([...flags.values()].filter((f) => f.length > 0).length).toBeGreaterThan(50);
  });

  it('brand-flags.jsonl marks every brand-train post and every brand-directed complaints post once, with known flags, 400 held out', () => {
    const rows = loadBrandFlags();
    const expected = [...loadBrandTrain().map((b) => b.id), ...loadComplaints().filter((c) => !c.domain.startsWith('random')).map((c) => `cdev:${c.id}`)];
    expect(rows.map((r) => r.id).sort()).toEqual(expected.sort());
    const known = new Set<string>(FLAG_NAMES);
    expect(rows.flatMap((r) => r.flags).filter((f) => !known.has(f))).toEqual([]);
    expect(rows.filter((r) => r.use !== 'rules' && r.use !== 'held-out')).toEqual([]);
    expect(rows.filter((r) => r.use === 'held-out').length).toBe(400);
    expect(rows.filter((r) => r.flags.length > 0).length).toBeGreaterThan(400);
  });

  it('twcs-flags.jsonl marks every twcs inbound post after the 400 of twcs-eval once, with known flags, 1,146 held out, none in a training file', () => {
    const rows = loadTwcsFlags();
    expect(rows.length).toBe(2306);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const taken = new Set([...loadTwcsEval(), ...loadBrandEval()].map((r) => r.id));
    expect(rows.filter((r) => taken.has(r.id))).toEqual([]);
    // Evaluation only, as twcs-eval.jsonl: no text of it in a training file.
    expect(rows.filter((r) => trainingTexts().has(norm(r.text))).map((r) => r.id)).toEqual([]);
    const known = new Set<string>(FLAG_NAMES);
    expect(rows.flatMap((r) => r.flags).filter((f) => !known.has(f))).toEqual([]);
    expect(rows.filter((r) => r.use !== 'rules' && r.use !== 'held-out')).toEqual([]);
    expect(rows.filter((r) => r.use === 'held-out').length).toBe(1146);
    expect(rows.filter((r) => r.text.trim() === '' || !r.id.startsWith('twcs:'))).toEqual([]);
  });

  it('twcs-labels.jsonl labels posts of twcs-flags.jsonl once each, with known labels, and none is in a training file', () => {
    const rows = loadTwcsLabels();
    expect(rows.length).toBe(2237);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.filter((r) => !INTENTS.includes(r.intent) || !SENTIMENTS.includes(r.sentiment)).map((r) => r.id)).toEqual([]);
    expect(rows.filter((r) => trainingTexts().has(norm(r.text))).map((r) => r.id)).toEqual([]);
  });

  it('complaints-labels.jsonl labels train-split posts only, keeps the gold complaint flag, and uses known labels', () => {
    const rows = new Map(loadComplaints().map((r) => [r.id, r]));
    const labels = loadComplaintLabels();
    expect(labels.size).toBeGreaterThan(800);
    const problems: string[] = [];
    for (const [id, l] of labels) {
      const row = rows.get(id);
      if (!row) problems.push(`${id}: not in complaints.tsv`);
      else if (row.split !== 'train') problems.push(`${id}: in the ${row.split} split`);
      else if ((l.intent === 'complaint') !== row.complaint) problems.push(`${id}: intent ${l.intent} against the gold flag ${row.complaint}`);
      if (!INTENTS.includes(l.intent) || !SENTIMENTS.includes(l.sentiment)) problems.push(`${id}: unknown label`);
    }
    expect(problems).toEqual([]);
  });
});

describe('emoji: the priors and the evaluation set', () => {
  it('turns each emoji of the ranking into three examples whose weights share EMOJI_WEIGHT by its labels', () => {
    const set = emojiLexiconSet();
    const byEmoji = new Map<string, Record<string, number>>();
    for (const e of set) byEmoji.set(e.text, { ...byEmoji.get(e.text), [e.label]: e.weight });
    expect(byEmoji.size).toBeGreaterThan(500);
    for (const [text, w] of byEmoji) {
      expect([...text]).toHaveLength(1);
      expect(w.negative! + w.neutral! + w.positive!).toBeCloseTo(EMOJI_WEIGHT, 9);
    }
    const share = (emoji: string, label: string) => byEmoji.get(emoji)![label]! / EMOJI_WEIGHT;
    expect(share('😡', 'negative')).toBeGreaterThan(0.5);
    expect(share('😍', 'positive')).toBeGreaterThan(0.7);
    // 😂 leans positive, only a little: it laughs at failures as often as with friends.
    expect(share('😂', 'positive')).toBeGreaterThan(share('😂', 'negative'));
    expect(share('😂', 'positive')).toBeLessThan(0.5);
  });

  it('emoji-eval.tsv holds posts with an emoji, by polarity, none of them in the sentiment data', () => {
    const rows = loadEmojiEval();
    expect(rows.length).toBeGreaterThan(400);
    expect(rows.filter((r) => !/\p{Extended_Pictographic}/u.test(r.text))).toEqual([]);
    expect(new Set(rows.map((r) => r.label))).toEqual(new Set(['negative', 'positive']));
    const sentimentTexts = new Set([...loadSentimentTrain(), ...loadSentimentVal()].map((s) => norm(s.text)));
    expect(rows.filter((r) => sentimentTexts.has(norm(r.text)))).toEqual([]);
  });

  it('trains the lexicon priors (VADER words, emoji) on their own features, never the bias or the shape of a short post', () => {
    const priors = sentimentExamples([], true);
    expect(priors.length).toBeGreaterThan(7000);
    for (const e of priors) expect([...e.ids].filter((id) => GENERIC_FEATURES.has(id))).toEqual([]);
    // A labelled post of the same text keeps them: only the priors lose them.
    const [post] = sentimentExamples([{ text: 'awful', label: 'negative', weight: 1, source: 'semeval' }], false);
    expect([...post!.ids].some((id) => GENERIC_FEATURES.has(id))).toBe(true);
    expect([...featurize('awful').ids].some((id) => GENERIC_FEATURES.has(id))).toBe(true);
  });
});
