/**
 * Evaluates the Careline classifier against VADER and AFINN, run in this same process on the
 * same data:
 *  - validation: the shipped model (lib/classify/weights.ts) on the committed held-out splits;
 *  - cross-validation: the training recipe re-run on 5 folds (full-precision weights).
 *   npm run eval:classifier            (all)
 *   npm run eval:classifier -- --quick (validation only)
 */
import Sentiment from 'sentiment';
import vader from 'vader-sentiment';
import { ClassificationCache, classifyPost } from '../lib/classify/index';
import { buildModel, sentimentExamples, trainHeads, trainSentimentHead, type Heads } from '../lib/classify/train-pipeline';
import { LinearModel } from '../lib/classify/model';
import { fnvString } from '../lib/classify/tokenize';
import { flagScores, macroF1Interval, predictHead, score, toExample, type Scores } from '../lib/classify/training';
import { loadBitext, loadBrandEval, loadBrandFlags, loadBrandTrain, loadComplaints, loadEmojiEval, loadSentimentTrain, loadSentimentVal, loadTwcsEval, loadTwcsEvalFlags, loadTwcsFlags, loadTwcsLabels, polarityOf, sentimentTrainingSet, type BrandEvalRow } from '../lib/classify/training-data';
import { FLAG_NAMES, INTENTS, SENTIMENTS, type Classification, type Sentiment as SentimentLabel } from '../lib/classify/types';

const quick = process.argv.includes('--quick');
const afinn = new Sentiment();

function afinnSentiment(text: string): SentimentLabel {
  const s = afinn.analyze(text).score;
  return s > 0 ? 'positive' : s < 0 ? 'negative' : 'neutral';
}
function vaderSentiment(text: string): SentimentLabel {
  // The thresholds VADER's authors recommend.
  const c = vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
  return c >= 0.05 ? 'positive' : c <= -0.05 ? 'negative' : 'neutral';
}
/** The model classifyPost would ship from these heads (quantised as the shipped one is). */
const shippedModelOf = (heads: Heads) => new LinearModel(buildModel(heads));
/** The shipped classifier's answer, once per text (no bound): the tables below read the same posts again. */
const answers = new ClassificationCache(undefined, Infinity);
const ours = (text: string) => answers.classify({ text, lang: 'en' });

function fmt(s: Scores): string {
  return `acc ${s.accuracy.toFixed(3)}  macro-F1 ${s.macroF1.toFixed(3)}  | ` + s.perClass.map((c) => `${c.label} F1 ${c.f1.toFixed(2)} (n=${c.support})`).join(', ');
}
type Scored = Scores & { interval?: [number, number] };

/** Per flag: how many posts were marked and raised, with precision and recall. */
function printFlagFigures(posts: ReadonlyArray<{ gold: readonly string[]; got: readonly string[] }>): void {
  const fixed = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(2));
  for (const name of FLAG_NAMES) {
    const f = flagScores(posts, name);
    console.log(`  ${name.padEnd(15)} marked ${String(f.marked).padStart(3)}  raised ${String(f.raised).padStart(3)}  precision ${fixed(f.precision)}  recall ${fixed(f.recall)}`);
  }
}
function table(title: string, rows: Array<[string, Scored]>): void {
  console.log(`\n${title}`);
  for (const [name, s] of rows) console.log(`  ${name.padEnd(10)} ${fmt(s)}${s.interval ? `  | macro-F1 95 % CI ${s.interval[0].toFixed(3)}–${s.interval[1].toFixed(3)}` : ''}`);
}

/** Scores with the bootstrap interval of their macro-F1 (for the sets of a few hundred posts). */
function withInterval(gold: readonly string[], predicted: readonly string[], labels: readonly string[]): Scores & { interval: [number, number] } {
  return { ...score(gold, predicted, labels), interval: macroF1Interval(gold, predicted, labels) };
}

type Scorer = (gold: readonly string[], predicted: readonly string[], labels: readonly string[]) => Scored;

function sentimentRows(data: Array<{ text: string; label: SentimentLabel }>, scoreWith: Scorer = score): Array<[string, Scored]> {
  const gold = data.map((d) => d.label);
  return [
    ['careline', scoreWith(gold, data.map((d) => ours(d.text).sentiment), SENTIMENTS)],
    ['VADER', scoreWith(gold, data.map((d) => vaderSentiment(d.text)), SENTIMENTS)],
    ['AFINN', scoreWith(gold, data.map((d) => afinnSentiment(d.text)), SENTIMENTS)],
  ];
}

function complaintRows(data: Array<{ text: string; complaint: boolean }>, scoreWith: Scorer = score): Array<[string, Scored]> {
  const gold = data.map((d) => (d.complaint ? 'complaint' : 'not'));
  const labels = ['complaint', 'not'];
  // Lexicon baselines: a negative post counts as a complaint.
  return [
    ['careline', scoreWith(gold, data.map((d) => (ours(d.text).intent === 'complaint' ? 'complaint' : 'not')), labels)],
    ['VADER', scoreWith(gold, data.map((d) => (vaderSentiment(d.text) === 'negative' ? 'complaint' : 'not')), labels)],
    ['AFINN', scoreWith(gold, data.map((d) => (afinnSentiment(d.text) === 'negative' ? 'complaint' : 'not')), labels)],
  ];
}

const complaints = loadComplaints();
const brand = loadBrandEval();
const brandTrain = loadBrandTrain();
console.log('Careline classifier evaluation (shipped weights unless said otherwise)');

table('Sentiment, hand-labelled brand-directed posts (data/classifier/brand-eval.jsonl)', sentimentRows(brand.map((b) => ({ text: b.text, label: b.sentiment }))));
table('Sentiment, TweetEval validation (general Twitter, 2,000)', sentimentRows(loadSentimentVal()));
table('Complaint detection, complaints validation split (held out from training)', complaintRows(complaints.filter((r) => r.split === 'val')));
{
  // Polarity only (the posts were labelled by emotion, never neutral): `polarityOf`.
  const data = loadEmojiEval();
  const gold = data.map((d) => d.label);
  const labels = ['negative', 'positive'];
  table(`Polarity of posts with an emoji (TweetEval emotion val + test, ${data.length}: anger, sadness → negative; joy, optimism → positive)`, [
    ['careline', score(gold, data.map((d) => { const s = ours(d.text).scores.sentiment; return polarityOf(s.positive, s.negative); }), labels)],
    ['VADER', score(gold, data.map((d) => polarityOf(vader.SentimentIntensityAnalyzer.polarity_scores(d.text).compound, 0)), labels)],
    ['AFINN', score(gold, data.map((d) => polarityOf(afinn.analyze(d.text).score, 0)), labels)],
  ]);
}
{
  const gold = brand.map((b) => b.intent);
  table('Intent (5-way), hand-labelled brand-directed posts', [['careline', score(gold, brand.map((b) => ours(b.text).intent), INTENTS)]]);
  const cgold = brand.map((b) => (b.intent === 'complaint' ? 'complaint' : 'not'));
  table('Complaint vs not, hand-labelled brand-directed posts', [
    ['careline', score(cgold, brand.map((b) => (ours(b.text).intent === 'complaint' ? 'complaint' : 'not')), ['complaint', 'not'])],
    ['VADER', score(cgold, brand.map((b) => (vaderSentiment(b.text) === 'negative' ? 'complaint' : 'not')), ['complaint', 'not'])],
    ['AFINN', score(cgold, brand.map((b) => (afinnSentiment(b.text) === 'negative' ? 'complaint' : 'not')), ['complaint', 'not'])],
  ]);
}

/**
 * A held-out hand-labelled set's tables, with bootstrap intervals: sentiment as labelled and with
 * every complaint read as negative (brand-eval.jsonl's labeller and the training recipe,
 * `complaintSentiment`, read every complaint so; the twcs labellers read a calmly told one as
 * neutral: PROVENANCE.md), complaint vs not, and intent.
 */
function labelledSetTables(rows: readonly BrandEvalRow[], title: string): void {
  table(`Sentiment, ${title}`, sentimentRows(rows.map((t) => ({ text: t.text, label: t.sentiment })), withInterval));
  table(
    `Sentiment, the same posts with every complaint read as negative (brand-eval's convention; ${rows.filter((t) => t.intent === 'complaint' && t.sentiment !== 'negative').length} labels change)`,
    sentimentRows(rows.map((t) => ({ text: t.text, label: t.intent === 'complaint' ? 'negative' : t.sentiment })), withInterval),
  );
  complaintAndIntentTables(rows, 'the same posts');
}

/** Complaint vs not and intent on hand-labelled posts, with bootstrap intervals ("Complaint vs not, <which>"). */
function complaintAndIntentTables(rows: readonly BrandEvalRow[], which: string): void {
  table(`Complaint vs not, ${which}`, complaintRows(rows.map((t) => ({ text: t.text, complaint: t.intent === 'complaint' })), withInterval));
  table(`Intent (5-way), ${which}`, [['careline', withInterval(rows.map((t) => t.intent), rows.map((t) => ours(t.text).intent), INTENTS)]]);
}

{
  // The second hand-labelled set: more twcs posts, with bootstrap intervals (see PROVENANCE.md).
  const twcs = loadTwcsEval();
  labelledSetTables(twcs, `hand-labelled twcs posts (data/classifier/twcs-eval.jsonl, ${twcs.length}; never trained on)`);
  // X shows a link without its scheme ("amazon.com/…", "t.co/…"): the posts as Careline reads them there.
  const asShown = (text: string) => text.replace(/https?:\/\//gi, '');
  table(
    `Sentiment, the same posts with their links as X shows them, no "https://" (${twcs.filter((t) => asShown(t.text) !== t.text).length} posts change)`,
    sentimentRows(twcs.map((t) => ({ text: asShown(t.text), label: t.sentiment })), withInterval),
  );
  // Flags against hand-marked flags on the same posts. Not held out: the fifteenth session's rules
  // were written from this set's misses (PROVENANCE.md); a check that they still hold.
  {
    const marked = loadTwcsEvalFlags();
    console.log(`\nFlags, the same posts, against hand-marked flags (not held out: rules were written from this set's misses)`);
    printFlagFigures(twcs.map((t) => ({ gold: marked.get(t.id) ?? [], got: ours(t.text).flags.map((f) => f.name) })));
  }
  // Flags against hand-marked flags on 2,106 more brand posts (brand-train and complaints-dev's
  // brand-directed posts; the twenty-eighth session's rules were written from 1,706 of them) and on
  // 2,306 more twcs posts (the twenty-ninth session's, from 1,160): the posts kept back measure
  // the rules on posts they were not written from.
  for (const [marked, what, session] of [
    [loadBrandFlags(), 'brand posts of brand-train and complaints-dev', 'twenty-eighth'],
    [loadTwcsFlags(), 'twcs posts (twcs-flags.jsonl)', 'twenty-ninth'],
  ] as const) {
    for (const use of ['held-out', 'rules'] as const) {
      const rows = marked.filter((m) => m.use === use);
      console.log(`\nFlags, ${rows.length} hand-marked ${what}, ${use === 'held-out' ? 'held out (never read for the rules)' : `not held out (the ${session} session wrote rules from their misses)`}`);
      printFlagFigures(rows.map((m) => ({ gold: m.flags, got: ours(m.text).flags.map((f) => f.name) })));
    }
  }
  // A third hand-labelled set, larger: the 2,237 English posts of twcs-flags.jsonl, labelled by
  // the same guide in the twenty-ninth session (twcs-labels.jsonl; never trained on).
  {
    const more = loadTwcsLabels();
    labelledSetTables(more, `hand-labelled twcs posts (data/classifier/twcs-labels.jsonl, ${more.length}; never trained on)`);
    const every = [...brand, ...twcs, ...more];
    table(`Sentiment, every held-out hand-labelled brand-directed post (brand-eval + twcs-eval + twcs-labels, ${every.length})`, sentimentRows(every.map((b) => ({ text: b.text, label: b.sentiment })), withInterval));
    complaintAndIntentTables(every, `the same ${every.length} posts`);
  }
  // Every held-out brand-directed post together: brand-eval.jsonl and twcs-eval.jsonl.
  const all = [...brand, ...twcs];
  table(`Sentiment, all held-out hand-labelled brand-directed posts (brand-eval + twcs-eval, ${all.length})`, sentimentRows(all.map((b) => ({ text: b.text, label: b.sentiment })), withInterval));
  complaintAndIntentTables(all, `the same ${all.length} posts`);
  // The same posts as X shows a reply: the handles it answers above the text, not in it. With
  // `replyTo` (the first of them, as the X adapter reads "Replying to") and without it.
  {
    const LEADING = /^(?:\.?@\w+[\s,:]*)+/;
    const shown = all.map((b) => {
      const lead = LEADING.exec(b.text);
      return lead && lead[0].length < b.text.length ? { ...b, text: b.text.slice(lead[0].length), replyTo: /@(\w+)/.exec(lead[0])![1] } : { ...b, replyTo: undefined };
    });
    const withReply = shown.map((b) => answers.classify({ text: b.text, lang: 'en', replyTo: b.replyTo }));
    const without = shown.map((b) => ours(b.text));
    console.log(`\nThe same ${all.length} posts as X shows replies (${shown.filter((b) => b.replyTo).length} start with handles: moved out of the text), with and without replyTo`);
    const rows: Array<[string, (c: Classification) => string, (b: (typeof all)[number]) => string, readonly string[]]> = [
      ['sentiment', (c) => c.sentiment, (b) => b.sentiment, SENTIMENTS],
      ['complaint', (c) => (c.intent === 'complaint' ? 'complaint' : 'not'), (b) => (b.intent === 'complaint' ? 'complaint' : 'not'), ['complaint', 'not']],
      ['intent', (c) => c.intent, (b) => b.intent, INTENTS],
    ];
    for (const [name, label, gold, labels] of rows) {
      const g = shown.map(gold);
      for (const [how, out] of [['replyTo', withReply], ['no replyTo', without]] as const) {
        const sc = withInterval(g, out.map(label), labels);
        console.log(`  ${name.padEnd(10)} ${how.padEnd(11)} macro-F1 ${sc.macroF1.toFixed(3)}  (95 % CI ${sc.interval[0].toFixed(3)}–${sc.interval[1].toFixed(3)})`);
      }
    }
  }
}

if (!quick) {
  const FOLDS = 5;
  const bitext = loadBitext();
  const sentimentTrain = loadSentimentTrain();
  const trainComplaints = complaints.filter((r) => r.split === 'train');
  // Complaint vs not, 5-fold over all 1,757 complaints-dev tweets (as SPLIT.md asks), folds by id:
  // the whole recipe re-trained per fold (every head, and the sentiment head whose silver
  // brand-directed examples also come from the training folds only), built into a model as
  // shipped (quantised) and decided by classifyPost itself.
  {
    const fold = (id: string) => Number(BigInt(id) % BigInt(FOLDS));
    const pred: string[] = new Array(complaints.length);
    for (let f = 0; f < FOLDS; f++) {
      const heads = trainHeads({ sentiment: sentimentTrain, complaints: complaints.filter((r) => fold(r.id) !== f), bitext, brand: brandTrain, lexicon: true });
      const model = shippedModelOf(heads);
      complaints.forEach((r, i) => {
        if (fold(r.id) !== f) return;
        pred[i] = classifyPost({ text: r.text, lang: 'en' }, { model }).intent === 'complaint' ? 'complaint' : 'not';
      });
      console.error(`  complaint fold ${f + 1}/${FOLDS} done`);
    }
    const gold = complaints.map((r) => (r.complaint ? 'complaint' : 'not'));
    const rows = complaintRows(complaints);
    rows[0] = ['careline', score(gold, pred, ['complaint', 'not'])];
    table(`Complaint detection, ${FOLDS}-fold cross-validation on complaints-dev (1,757; lexicons need no training)`, rows);
    // The same predictions on the posts addressed to a brand (not the data set's random tweets and replies).
    const brandDirected = complaints.flatMap((r, i) => (r.domain.startsWith('random') ? [] : [i]));
    const brandRows = complaintRows(brandDirected.map((i) => complaints[i]!));
    brandRows[0] = ['careline', score(brandDirected.map((i) => gold[i]!), brandDirected.map((i) => pred[i]!), ['complaint', 'not'])];
    table(`Complaint detection, the same cross-validation, its ${brandDirected.length} brand-directed posts (no random tweets or replies)`, brandRows);
  }
  // Sentiment head, 5-fold over the SemEval training set.
  {
    const gold: SentimentLabel[] = [];
    const pred: SentimentLabel[] = [];
    const texts: string[] = [];
    for (let f = 0; f < FOLDS; f++) {
      const train = sentimentExamples(sentimentTrainingSet(sentimentTrain.filter((_, i) => i % FOLDS !== f), trainComplaints, brandTrain), true);
      const head = trainSentimentHead(train);
      sentimentTrain.forEach((s, i) => {
        if (i % FOLDS !== f) return;
        const p = predictHead(head, toExample(s.text, 0));
        gold.push(s.label);
        texts.push(s.text);
        pred.push(SENTIMENTS[p.indexOf(Math.max(...p))]!);
      });
      console.error(`  sentiment fold ${f + 1}/${FOLDS} done`);
    }
    table(`Sentiment, ${FOLDS}-fold cross-validation on SemEval 2013–2016 (47,393)`, [
      ['careline', score(gold, pred, SENTIMENTS)],
      // Baselines in the same (fold) order as the gold labels.
      ['VADER', score(gold, texts.map((t) => vaderSentiment(t)), SENTIMENTS)],
      ['AFINN', score(gold, texts.map((t) => afinnSentiment(t)), SENTIMENTS)],
    ]);
  }
  // The hand-labelled brand-directed training posts, 5-fold (folds by FNV-1a of the id): the
  // whole recipe re-trained per fold with the other four folds' posts, decided as shipped.
  {
    const fold = (id: string) => (fnvString(id) >>> 0) % FOLDS;
    const sentiment: string[] = [];
    const complaint: string[] = [];
    const intent: string[] = [];
    for (let f = 0; f < FOLDS; f++) {
      const heads = trainHeads({ sentiment: sentimentTrain, complaints: trainComplaints, bitext, brand: brandTrain.filter((b) => fold(b.id) !== f), lexicon: true });
      const model = shippedModelOf(heads);
      brandTrain.forEach((b, i) => {
        if (fold(b.id) !== f) return;
        const c = classifyPost({ text: b.text, lang: 'en' }, { model });
        sentiment[i] = c.sentiment;
        complaint[i] = c.intent === 'complaint' ? 'complaint' : 'not';
        intent[i] = c.intent;
      });
      console.error(`  brand-train fold ${f + 1}/${FOLDS} done`);
    }
    const data = brandTrain.map((b) => ({ text: b.text, label: b.sentiment }));
    const rows = sentimentRows(data);
    rows[0] = ['careline', score(data.map((d) => d.label), sentiment, SENTIMENTS)];
    table(`Sentiment, ${FOLDS}-fold cross-validation on the hand-labelled brand-directed training posts (${brandTrain.length})`, rows);
    const crows = complaintRows(brandTrain.map((b) => ({ text: b.text, complaint: b.intent === 'complaint' })));
    crows[0] = ['careline', score(brandTrain.map((b) => (b.intent === 'complaint' ? 'complaint' : 'not')), complaint, ['complaint', 'not'])];
    table(`Complaint vs not, ${FOLDS}-fold cross-validation on the same posts`, crows);
    table(`Intent (5-way), ${FOLDS}-fold cross-validation on the same posts`, [['careline', score(brandTrain.map((b) => b.intent), intent, INTENTS)]]);
  }
}
