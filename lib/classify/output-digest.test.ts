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
  'brand/en': 'f5c1d48117b6c3cd2fd99d007d3713b485a0d3733567c3d682fcb0699acb2be3',
  'brand/any': '8aed692d77599c58aa79123944274319e24cdd3ba274ee03fb70166035df3660',
  'brand/upper': '4841dee039922f43b7586401d2f3f80dffe2cdcba3c42b62dc350eb8f9d5ed35',
  'brand/corrections': '9dc29051d94512ae9158487c08701e7dbbe3675edc6700b00d9406ddc27bee60',
  'val/en': '371e1b293074c862fac175824a2dd5eafba46df882566faf55668b6ed92d8982',
  'val/any': '36f7bf30cff6ca93f4dad0cf39472d1c7132d1258e54df23fd6c9eb430f82204',
  'val/upper': 'a49978c5fd9437c99dcd59332be774ac499639b6f73c20c9fcbcd63260acc4f5',
  'val/corrections': 'be3be248b8cc1a3c2bbc0ad5e4743672aea46c7b4d4a8225bf9c899a428dd928',
  'train/en': '35b1a12f32b3077e25b28245529c015de254d9091e924210170765e1822f33c0',
  'train/any': '152d723b8184bfa5ebc84f17e5ab86824d98ebafe70369bbac3a1402011e3f00',
  'complaints/en': 'fae2003cdecc99a72c09cd9b2d124d79f351c15cf1141f9b5bfb6c1188a1d5b2',
  'complaints/any': 'b93115263c55cb8112ce9d9a58387cb4cc77aa82162d80e63468c15e17811135',
  'bitext/en': 'd6df41454eb4083d8122dea0bbd6adab8c26a243c12fc9a7c9411d3a82c68fdb',
  'brand-train/en': 'b944d098cd5c75bbea2a406de4a2377318afd126be062e1e5be95181d82010b5',
  'brand-train/any': '85414ca8f2351e34e3f4bb58c1adbad9fb751daa76c4206c21909be5b42e0b01',
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
