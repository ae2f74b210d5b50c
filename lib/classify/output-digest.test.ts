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
  'brand/any': '6778691e0bd17e2e45c8c868a5c31df30f2ec52d25e5106746ad6e1c7d592320',
  'brand/upper': '0f4a46737bb6be78817b507178c0d6031f06f2eec12f9da11f2c78c5d44f5005',
  'brand/corrections': 'b16e00267a9654828b02f8ef71268d53dc1daef8f8f24c125835ab389d397ff0',
  'val/en': '6c1ded11977e8b0965008f211f49a61943e14bbcd2f1460dc33c7c8ece8d66a8',
  'val/any': 'ae984c475dca13cffae46b9aa627b6f8d7fdd9ea372bba095e1fb7c52d9e4fa7',
  'val/upper': '467e5dd491614eb265bfa10863128728668232c4279366dd0810b1118046c140',
  'val/corrections': '2ad5402702ff0fd4c482d62e271a60b4b02468815a91a3bf25bb4f4d84a9876a',
  'train/en': 'da9bed8c8cee27ba66d600e00888fb96a3b2d501151a3a47f74458d13e3a5253',
  'train/any': '92efb89c063a47038f11c28c62311347a200e726e0246ddbe128edcf78dc472d',
  'complaints/en': '65e22d8cb555ee6943563efe50d6889c56a8bb61439bffebf0219a8aed2f78b9',
  'complaints/any': 'f1e40aac477a6d5efd267b00aac47c9ad4aa3817808e0205c65f0ea9472fbd8b',
  'bitext/en': 'e3deed54e66c1e9cfa98acc8ab71c6e5c41076b373b102f94e42d6118d1bcd88',
  'brand-train/en': 'a1daab509c82dbf68838ebdf63a4cdd39726af6f06c4465d0ac26b3f3cfd7381',
  'brand-train/any': '0960c0a3f607bcc80a2ac800a44a9f5369ab1250491f20918cfdfa0a2eb59554',
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
