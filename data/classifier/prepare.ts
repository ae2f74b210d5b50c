/**
 * Rebuilds the committed training and validation files in data/classifier/ from the public
 * data sets in ../shared/data (see PROVENANCE.md beside this file). Run once by hand:
 *   npx tsx data/classifier/prepare.ts [path/to/shared/data]
 * Deterministic: the same inputs give the same files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { fnv1a as fnv } from '../../lib/fnv';

const SHARED = process.argv[2] ?? join(import.meta.dirname, '../../../shared/data');
const OUT = import.meta.dirname;

function clean(text: string): string {
  return text.replace(/\\u002c/g, ',').replace(/\\u2019/g, '’').replace(/[\t\r\n]+/g, ' ').trim();
}

function writeTsv(name: string, header: string[], rows: string[][]): void {
  const body = rows.map((r) => r.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n');
  writeFileSync(join(OUT, name), `${header.join('\t')}\n${body}\n`);
  console.log(`${name}: ${rows.length} rows`);
}

function csv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

// 1. Sentiment: SemEval 2013–2016 (TweetEval-train equivalent) and TweetEval validation.
{
  const lines = readFileSync(join(SHARED, 'semeval-sentiment-train/train_reconstructed.tsv'), 'utf8').split('\n').slice(1);
  const rows: string[][] = [];
  for (const line of lines) {
    const [, label, text] = line.split('\t');
    if (!label || !text) continue;
    rows.push([label, clean(text)]);
  }
  writeTsv('sentiment-train.tsv', ['label', 'text'], rows);

  const names = ['negative', 'neutral', 'positive'];
  const texts = readFileSync(join(SHARED, 'tweeteval/sentiment/val_text.txt'), 'utf8').split('\n');
  const labels = readFileSync(join(SHARED, 'tweeteval/sentiment/val_labels.txt'), 'utf8').split('\n');
  const val: string[][] = [];
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!.trim();
    if (l === '') continue;
    val.push([names[Number(l)]!, clean(texts[i]!)]);
  }
  writeTsv('sentiment-val.tsv', ['label', 'text'], val);
}

// 2. Complaints (ACL 2019, the development half): a fixed 80/20 train/validation split by id hash.
{
  const rows = csv(join(SHARED, 'complaints-dev/complaints-dev.csv'));
  const out = rows.map((r) => [r.tweet_id!, r.complaint!, r.domain!, fnv(r.tweet_id!) % 5 === 0 ? 'val' : 'train', clean(r.text!)]);
  writeTsv('complaints.tsv', ['tweet_id', 'complaint', 'domain', 'split', 'text'], out);
}

// 3. Bitext (synthetic) seeds: request-type utterances → question, complaint → complaint.
{
  const rows = csv(join(SHARED, 'bitext-customer-service/TrainingdatasetBitextsample_20k.csv'));
  const byIntent = new Map<string, string[]>();
  for (const r of rows) {
    const list = byIntent.get(r.intent!) ?? [];
    list.push(clean(r.utterance!));
    byIntent.set(r.intent!, list);
  }
  const out: string[][] = [];
  for (const [intent, list] of [...byIntent.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (intent === 'review') continue; // "how do I leave a review?" is a request, not feedback: already covered
    const label = intent === 'complaint' ? 'complaint' : 'question';
    const keep = intent === 'complaint' ? 200 : 50;
    const sorted = [...new Set(list)].sort((a, b) => fnv(a) - fnv(b)).slice(0, keep);
    for (const text of sorted) out.push([label, intent, text]);
  }
  writeTsv('bitext-intent-seed.tsv', ['intent', 'bitext_intent', 'text'], out);
}

// 4. Posts with an emoji, for evaluation only: TweetEval emotion (SemEval 2018 Task 1) validation
// and test posts that hold an emoji, labelled by polarity (anger, sadness → negative; joy,
// optimism → positive). The sentiment data above hold no emoji at all.
{
  const polarity = ['negative', 'positive', 'positive', 'negative']; // mapping.txt: anger, joy, optimism, sadness
  const emoji = /\p{Extended_Pictographic}/u;
  const out: string[][] = [];
  for (const split of ['val', 'test']) {
    const texts = readFileSync(join(SHARED, `tweeteval/emotion/${split}_text.txt`), 'utf8').split('\n');
    const labels = readFileSync(join(SHARED, `tweeteval/emotion/${split}_labels.txt`), 'utf8').split('\n');
    for (let i = 0; i < labels.length; i++) {
      const l = labels[i]!.trim();
      const text = clean(texts[i] ?? '');
      if (l === '' || !emoji.test(text)) continue;
      out.push([polarity[Number(l)]!, split, text]);
    }
  }
  writeTsv('emoji-eval.tsv', ['label', 'split', 'text'], out);
}
