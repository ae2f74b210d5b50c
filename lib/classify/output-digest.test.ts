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
  'val/en': '6c1ded11977e8b0965008f211f49a61943e14bbcd2f1460dc33c7c8ece8d66a8',
  'val/any': '72c38949a53ca67133f33399d525b1cb98bb8aaa65bb465be8e810fe75f5e3e6',
  'val/upper': '467e5dd491614eb265bfa10863128728668232c4279366dd0810b1118046c140',
  'val/corrections': '2ad5402702ff0fd4c482d62e271a60b4b02468815a91a3bf25bb4f4d84a9876a',
  'train/en': '56e23ee9289ae8c4d8e2da30e946d4db6e2cfb3ad0ac09004c49046ee225a307',
  'train/any': 'c13512ef8b4e0fd8fea1d9d1bddbba7eee831c4d3411b753ab6e89d432e0fa85',
  'complaints/en': 'c5f23a0c9ea61ca4c44f895852a7c68374cecee1f7b81b4445fe544e15a52474',
  'complaints/any': 'af659eba356dce358ad4253fcc118da9f5be03393dc15a8b9b83c69e2672e6d4',
  'bitext/en': 'e3deed54e66c1e9cfa98acc8ab71c6e5c41076b373b102f94e42d6118d1bcd88',
  'brand-train/en': 'a1daab509c82dbf68838ebdf63a4cdd39726af6f06c4465d0ac26b3f3cfd7381',
  'brand-train/any': 'a4527b88528aaafec84e433deca18f2687e25a3d31d255e81e44d0dada423cfa',
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
