/**
 * The classifier's output on every committed post, held to a recorded digest: speed work must
 * leave every label, score, flag and reason exactly as it was. A retrain (a new CLASSIFIER_VERSION)
 * or an intended change of behaviour updates the digests here, with the reason in the commit.
 * `npx tsx scripts/classifier-outputs.ts FILE` prints the digests and writes the outputs to diff.
 */
import { describe, expect, it } from 'vitest';
import { CLASSIFIER_VERSION } from './classify-post';
import { digestOf, outputSets } from './output-corpus';

const RECORDED: Record<string, string> = {
  'brand/en': '390c747c3936035a7a0376c2bc2d0d1abaffadd8d3a9566d1af7a8f5400cdb79',
  'brand/any': 'babfb44be5ed3e7c630fbdcbe916c186df7edb6196d08c9ee869493abfb82316',
  'brand/upper': '112b802aabdf2daa89cc3dbec0f9165d97919d8d44f76883e14f0457843a3126',
  'brand/corrections': '4db68f0db2eb1777467a21593386384819c7b2da1873bad0b810621eb3fa92e4',
  'val/en': 'd773ba63a4733739b9f777cfa92e2d9d74dac3938038dd7e1a1bbbfd387d54d2',
  'val/any': '709ebf16db75ec9874d230922dcf434ef54fb4960951587749619b566668c1d6',
  'val/upper': 'd554e00b8bc44afb46041728eb6c1ea368d9ad6921c462d1a51ef2257b1e0878',
  'val/corrections': '7be4b3e6706047212734f58ae0eaadc2d52250808f6d22276307d339bfd13a09',
  'train/en': 'fc6c38dea27803d6d40e217f3ea154d939ea71c6bb12c2c5395b46929ae49cbc',
  'train/any': '705bfafc07b17c5130aa8b18e1faa79ebf3589a2f756f475fb0e7e369b75c709',
  'complaints/en': '2cbf134486f2ef3b2164bcf13ec5642f776d177889aa63058f9705f55b170ad5',
  'complaints/any': 'd12c28ed9e1d59101ade6d35226a503db35eb0bde1e5a702fd84c39544367f88',
  'bitext/en': 'e3deed54e66c1e9cfa98acc8ab71c6e5c41076b373b102f94e42d6118d1bcd88',
  'brand-train/en': '1826f6a1b44dfa81b5f00284a911bbbefeb135fb70349a2f2a5c12448cdb0448',
  'brand-train/any': '86aa56d6975b6c908d923a56c42d2570e6be6456322f49d3d08c9b43d73721a4',
};

describe('classifier outputs on the committed data', () => {
  it(
    'are those recorded for this model, set by set',
    () => {
      expect(CLASSIFIER_VERSION).toBe('careline-linear-5+c287b798');
      const got = Object.fromEntries(outputSets().map((s) => [s.name, digestOf(s.lines)]));
      expect(got).toEqual(RECORDED);
    },
    120_000,
  );
});
