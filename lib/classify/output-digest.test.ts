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
  'brand/en': '7a59b1c331a80aad73f0c85fea8d31d1edd425c2061775fb5f527fbbfb51f9bd',
  'brand/any': '5257bd4189ef91a53c044e2c562d096874da027b3b21d48a2d4033a26a91bee7',
  'brand/upper': '98628b7afbc2ea424a9d620e91e325527ea64bba835acc335f082ffa4107a97a',
  'brand/corrections': 'f1824a198861ee1690574b6852b4cb2fd8f4ebf8198ae853e2a2ff5f111a9bb8',
  'val/en': '437e3ffcf125a60a4d60d7b2dd5e4c7164edf623fc9a657988425e932b17c9c1',
  'val/any': '1d3a9ca5c62fd4f397605373de7eacfbbdec69c3127c4f07eae8e9ddc35a18e5',
  'val/upper': '421829209f8a8af46f8ee6141858ae2fc2d54da62bff88d3066a487fa00cede5',
  'val/corrections': 'ddb5769de7c34a6ad55a30bba6b3938b51dfef9bcff279c8ac94b536ac8b1f37',
  'train/en': 'd96dcc4f2f3d0ab8f7f476b3fe6144b13a1a5a27ba8bccbbec135c4a255f9bf9',
  'train/any': 'ef651a484b7cd5104f850918ca14878d05dcd89f8a5e2dafbc18f7c0862e51f9',
  'complaints/en': '312dcc8f7c68422c5bcd10541f4841940447a92dc50d3dc6bf9a9442cb0d564f',
  'complaints/any': '26cc55c3fa206608d67aa71d45d45bdc317c548fc4d495818956b9269c6d3e89',
  'bitext/en': '2856ed27694f7f39b57699038566cafedb3b9825baaec4224cb6aa52dbc670d3',
};

describe('classifier outputs on the committed data', () => {
  it(
    'are those recorded for this model, set by set',
    () => {
      expect(CLASSIFIER_VERSION).toBe('careline-linear-2+6448b2b2');
      const got = Object.fromEntries(outputSets().map((s) => [s.name, digestOf(s.lines)]));
      expect(got).toEqual(RECORDED);
    },
    120_000,
  );
});
