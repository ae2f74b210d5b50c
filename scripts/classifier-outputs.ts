/**
 * Classifies every post of the committed classifier data (see lib/classify/output-corpus.ts) and
 * prints each set's sha256 and post count; with a path, also writes every output line there
 * (`npx tsx scripts/classifier-outputs.ts /tmp/out.jsonl`), to diff two versions of the code.
 */
import { writeFileSync } from 'node:fs';
import { digestOf, outputSets } from '../lib/classify/output-corpus';

const sets = outputSets();
for (const s of sets) console.log(`${s.name}: ${s.lines.length} ${digestOf(s.lines)}`);
console.log(`all: ${sets.reduce((a, s) => a + s.lines.length, 0)} ${digestOf(sets.flatMap((s) => s.lines))}`);
const out = process.argv[2];
if (out) writeFileSync(out, sets.flatMap((s) => s.lines.map((l) => `${s.name}\t${l}`)).join('\n') + '\n');
