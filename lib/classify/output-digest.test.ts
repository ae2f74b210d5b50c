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
  'brand/en': '9f8bb22e4061aaf2d58fa4616b14f19674ff838fd3d7d4209466a19baa7c15b1',
  'brand/any': 'e610cb0d7426410866d16e51d26f517c08efd0ecd21975adffeda6614d0fb200',
  'brand/upper': 'ecf6c21887d124491b68b75cd2716f10a2871bd4b9a39c249e92cc5ed9b7c0a3',
  'brand/corrections': '3574db2562be4c5f8a9110f60f76c03118ee2c3feadb19988233795a9c6cf09d',
  'val/en': '143b822a28c87f966e2dce557f9549fbd4ac0c992a3670a6755c9641fe15b59a',
  'val/any': 'a80e8b846872c07d7dfb1851effc57eecaef235e5409c6147439bb1ffc01212e',
  'val/upper': '8d036e96b48710e1216fd556eecb73ea9c40242eb6afdc3cc7ce99fda4d4301b',
  'val/corrections': '5fe491d7502f86173eb5ba41b32b8ae030efe1c8902462fa7bc10ee57dfab6f9',
  'train/en': '1a3153071eb11e88c8efcb68fbf935317a5e088b41fb1b5c9b1e1b2f1a7c16fb',
  'train/any': 'c50f7258ef063ccf19810451d98fc05c5b9c85ea8ec11813dd0f4cdbafd48e94',
  'complaints/en': '50fd787bbe766da3462ab0343e1ad53edc54fcf090ac0eba8768daf3d5d9a847',
  'complaints/any': '58f04545b52704b675466885702ac462956717444b7d1c6566f73c34fa29a438',
  'bitext/en': 'beca65de83136c786a042d2b5d24c3efe89bcc53542a4f52387baef03e1bc89f',
  'brand-train/en': '84310f53949837621ad34820f1640f21d8c5a56667e8c6e7344171d32c8f207a',
  'brand-train/any': '2b56d7087ff41d343c9053f10c0264fb9a3b2c30f2f18133661ff1c91a48c94b',
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
