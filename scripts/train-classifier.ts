/**
 * Trains the Careline classifier from the committed data files and writes the weights module
 * lib/classify/weights.ts. Deterministic: running it again regenerates the same bytes.
 *   npm run train:classifier            (writes the module)
 *   npm run train:classifier -- --check (fails if the committed module differs)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildModel, modelModuleSource, trainHeads } from '../lib/classify/train-pipeline';
import { loadBitext, loadBrandTrain, loadComplaints, loadSentimentTrain } from '../lib/classify/training-data';

const OUT = join(import.meta.dirname, '../lib/classify/weights.ts');
const check = process.argv.includes('--check');
const started = Date.now();
const log = (msg: string) => console.error(`[train ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

const complaints = loadComplaints().filter((r) => r.split === 'train');
const heads = trainHeads({ sentiment: loadSentimentTrain(), complaints, bitext: loadBitext(), brand: loadBrandTrain(), lexicon: true, log });
const model = buildModel(heads);
const source = modelModuleSource(model);
log(`model ${model.version}: ${model.rows} feature rows, module ${(source.length / 1024).toFixed(0)} KB, ${(gzipSync(source).length / 1024).toFixed(0)} KB gzipped`);

if (check) {
  const current = readFileSync(OUT, 'utf8');
  if (current !== source) {
    console.error('lib/classify/weights.ts differs from what the training data give: run npm run train:classifier.');
    process.exit(1);
  }
  log('weights.ts is up to date (byte for byte)');
} else {
  writeFileSync(OUT, source);
  log(`wrote ${OUT}`);
}
