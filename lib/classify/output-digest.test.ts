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
  'val/en': '9ddc2c023e7124df8e107577b93ae1834590fd71062673f252a5a29d9531b191',
  'val/any': '38419b8341084e2cc4c15377b5e086bbbf28dc3168a0608de29f124917d806d2',
  'val/upper': '74c02e3672984180b1be0089cdbd788067a2b599e29e0694af2fa69cf09a9853',
  'val/corrections': '4a3f249e841279854ddee40764c4d23946a97499fd1425642f2def56d919c005',
  'train/en': '1314d803b3547f76cb37256d22a74e3b4086c3e4aca032abee9f9e9705433f0a',
  'train/any': 'cc34d2d801e949bb0e49e6db3c7f98cfd12068b76487296369445b25836e70fc',
  'complaints/en': '95ad000d45985f2a332432af4c3192ceaaba10a6d936f67709585bcdd8f253c8',
  'complaints/any': '2b5357bb30c3bcef97c3b16070f31fc941cc22859f2ca50d3b3f301c9047c7ef',
  'bitext/en': 'd6df41454eb4083d8122dea0bbd6adab8c26a243c12fc9a7c9411d3a82c68fdb',
  'brand-train/en': '4874ce30dba6ca836a658b12df376ef6f8961cb3f3bb35780de02676d4a5dc7a',
  'brand-train/any': '5a87ec77e08049430a9f37517f598a761909ab3cf6082bda67c520c6c861b15f',
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
