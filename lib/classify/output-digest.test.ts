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
  'train/en': '35f97ca97ce389ee1c8c0ff42b52b63972011377aeb70ec08e44458b7e255bed',
  'train/any': '7015287376939923a9fbc44e7c1004f4ac93192ae5daee00846c6fb435533abd',
  'complaints/en': '2cbf134486f2ef3b2164bcf13ec5642f776d177889aa63058f9705f55b170ad5',
  'complaints/any': 'd12c28ed9e1d59101ade6d35226a503db35eb0bde1e5a702fd84c39544367f88',
  'bitext/en': 'e3deed54e66c1e9cfa98acc8ab71c6e5c41076b373b102f94e42d6118d1bcd88',
  'brand-train/en': '022e3fb58795c2580ed39e04d3b369fbc1d4e3ece0fb62530e33bc141470efeb',
  'brand-train/any': '85bfb3253d2cbf9951b90a61245b5e278380db506ee572cac647f957bd95c8e6',
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
