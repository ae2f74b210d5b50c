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
  'brand/en': '8b4d7f3962971683bdb6be44296c429a5444aaf021b74384a5dd0cbf432ae4a3',
  'brand/any': 'fe2f56f8c83986caa72b0f7844c28034b9913fc2bd2dfa3a738961a84b7d58c9',
  'brand/upper': '362cde9b5ee85e2e8075392cfb26e7b6f09775f0931a028e647ba66f08dae9b3',
  'brand/corrections': 'ea4b14477d882c89bb5d3a1cc726d2276740c2211e6dc2530d60e971495d0a6d',
  'val/en': '4e848c05eb62114f7bd7a2b3637ef2060f34335c53a98cf2bb678c0769bb9e63',
  'val/any': '9fc98f06dcd3ab72f49dfac4d3cb1cee5d730a760abea43cdde547dfd10b9f19',
  'val/upper': 'fb428fee9ec048548a9a34139e922718c5a84c3349b3970659afe97f40511d63',
  'val/corrections': 'd043d9198092464c2ac020c6ba07e6cfcd97df209906a0baab03a6afc0f2d4b9',
  'train/en': 'd4f3c9119a84e77bed73508e6325af961ef89a52b0ddce22f7cd73ab6b325b2c',
  'train/any': '2e86a6c95bf594af68a3cd40df7d9f44286bf504752315d53722754ea04056e1',
  'complaints/en': 'f8786a918c57873dc6c056c89fb9b6eccf99ee5bc4643aed222ecbcd75b24aae',
  'complaints/any': 'ddce8f1ec0a0e217b2b66c899e35287a43f7b73678d3bb0d021584212a872327',
  'bitext/en': 'b25a2215f68fcfbc4ab6c593d8fc2c778d557dde89044cb4f8159836f944e6f5',
  'brand-train/en': '1ef3ac3a93f7e76677633df56408eb6c2d90b765570aca65f123db52c0eef6bb',
  'brand-train/any': '45b8a651cccb0f501a98cd5cecf19e9f6458755cd0a9a05452a01c8fcebd4911',
};

describe('classifier outputs on the committed data', () => {
  it(
    'are those recorded for this model, set by set',
    () => {
      expect(CLASSIFIER_VERSION).toBe('careline-linear-3+5caaf518');
      const got = Object.fromEntries(outputSets().map((s) => [s.name, digestOf(s.lines)]));
      expect(got).toEqual(RECORDED);
    },
    120_000,
  );
});
