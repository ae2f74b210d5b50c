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
  'brand/en': '70875017bc9f7fb08cf302b3becbc0be2ff17e0e67b8e25c37c9deb667c535c3',
  'brand/any': '8f2a81b2f0eb1ac5df805a1f2f5b1517a7988b9493f9d54b08a43f081ec7c15d',
  'brand/upper': '474eb6f3fa14fce99dfa3d40936260cf73c7cb4d6bd520857ed581d4329c0292',
  'brand/corrections': '14344718cb03b3803c51d73a359f31eaba5d54cf61096cab27854d3fe9e66286',
  'val/en': 'f36885d8648166b1683955268f61a5da4e8e52fd11b158f3685473a5e8b894a9',
  'val/any': 'd71ef847d07c329aed185ebeed19f054defd6d3593171a326b4f55999eafb48d',
  'val/upper': '0789066a95ac10707eb7e163fd37113210a5e1ce82a9a268cd2e7260a57c885f',
  'val/corrections': 'c901a3ceb4464ad78b53c88f694b7e8d539f70d0068cadd98ce50347c3da646e',
  'train/en': '1e1d365e7c55478f594bf61b2f9a1ea67633e98dd53931f07c54852a249690a5',
  'train/any': '0c49612d6538573d7c4061f254da1b2939049af77d9fd0ec2a33f8d33bccfccd',
  'complaints/en': '188fdb0bfade1b94333a4880d847ffb7fc739b7528c81df38c3227ed2c32b494',
  'complaints/any': '6d9fa63f983df636bd9dabf550c819f2d2bf9ac1400db3372043690784bf0f3f',
  'bitext/en': '4524e9fc11d7a710f3a827a1fc4f4594af5a570ad47e3959ec1ca0ef959445f4',
  'brand-train/en': '393d4fe16bdf5031385fb9c9d7e59ca94531342a39d08d3f914c2644212f8f88',
  'brand-train/any': '12e5e17a0695d9eec072c92e08d04edb872460d101e3e9fe95dbef15c9392560',
};

describe('classifier outputs on the committed data', () => {
  it(
    'are those recorded for this model, set by set',
    () => {
      expect(CLASSIFIER_VERSION).toBe('careline-linear-3+851ba89c');
      const got = Object.fromEntries(outputSets().map((s) => [s.name, digestOf(s.lines)]));
      expect(got).toEqual(RECORDED);
    },
    120_000,
  );
});
