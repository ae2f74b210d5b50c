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
  'brand/en': '88dd267d6d50c8c9b95e0a4be40691a6e3b9145292c654bd7e9b9edbd77e6c0d',
  'brand/any': 'f61a357b1bf6e2ce9f992214ee04ed292f04204d4439829423dbc4dba6f787a2',
  'brand/upper': '0f4a46737bb6be78817b507178c0d6031f06f2eec12f9da11f2c78c5d44f5005',
  'brand/corrections': 'b16e00267a9654828b02f8ef71268d53dc1daef8f8f24c125835ab389d397ff0',
  'val/en': '6c1ded11977e8b0965008f211f49a61943e14bbcd2f1460dc33c7c8ece8d66a8',
  'val/any': '72c38949a53ca67133f33399d525b1cb98bb8aaa65bb465be8e810fe75f5e3e6',
  'val/upper': '467e5dd491614eb265bfa10863128728668232c4279366dd0810b1118046c140',
  'val/corrections': '2ad5402702ff0fd4c482d62e271a60b4b02468815a91a3bf25bb4f4d84a9876a',
  'train/en': 'da9bed8c8cee27ba66d600e00888fb96a3b2d501151a3a47f74458d13e3a5253',
  'train/any': '47e4b66684bb9e5e4e157e87ae0dc8b090cac5308c4d17d4a5a28dfa07192b59',
  'complaints/en': '65e22d8cb555ee6943563efe50d6889c56a8bb61439bffebf0219a8aed2f78b9',
  'complaints/any': 'fca9df494b914f92c677181ccffe67950ac899d325b6f936d14febd4406fe9f5',
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
