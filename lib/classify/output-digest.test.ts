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
  'brand/en': '7e484edb4e187563d2524215558f566731981de679444c0ab74764b8243381ee',
  'brand/any': 'c2d3154ef167b8d791f2a89179ae93fab73c8ef8ce3c9bdc2a3ea11bfab99e02',
  'brand/upper': '07c226c60391011b54d9ad8140c5c0b13240d655a35867fae9402b0edd0dd88d',
  'brand/corrections': '21b59d2e7af43a5ede2471d84da0dac86c3ffc541b933fd9ade7aa4a657cb7e4',
  'val/en': '61b7db0cb0ca7d4716b2d81be9b10e978f1d298a6a5ac95f63c9defcd5c9ebd3',
  'val/any': 'e8b4c8293309a8319d87641735e4b4759e427aebf6ea93635a3c9be34760190d',
  'val/upper': '01ac91ee936e5cfd878bccf3f7ef78e0b2693caa304af5e840a00b778938b80a',
  'val/corrections': 'd9b712e4e2f7586c82d3bef5fdf08f373354738716588c662c5c068c56b323b0',
  'train/en': 'd60f048e54c285ccb7621692ca782e3210e35f3e83ecb123df4a22824acf9916',
  'train/any': '747e797381eceb07ff2035cd8f5b6c22062ed185136e3fba5078b89495fc744d',
  'complaints/en': '7d987c59dab157ce9ca0371878d71ff5f000826a4ffea1bb1bf14717ef4ff521',
  'complaints/any': 'aff3d68c3a6bed6436f7cb3a556c1e791ddb8212a090dbaddfaa6a729a400cac',
  'bitext/en': '7ceed62c55c85c4d2b6064ee3d8ef1b91d4cfe7d7bb82a11ec60c2699e1c0814',
  'brand-train/en': '4f53fc206129f0dd39a57f42a13935a7ce7871bda78969c27b437dc96371441f',
  'brand-train/any': '209671275bb3a899ae03f9c4c45154382d46c095ba8984c7105642f71cc9e6b2',
};

describe('classifier outputs on the committed data', () => {
  it(
    'are those recorded for this model, set by set',
    () => {
      expect(CLASSIFIER_VERSION).toBe('careline-linear-6+908597ba');
      const got = Object.fromEntries(outputSets().map((s) => [s.name, digestOf(s.lines)]));
      expect(got).toEqual(RECORDED);
    },
    120_000,
  );
});
