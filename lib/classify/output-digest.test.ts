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
  'brand/en': '00fd3e755db2fd04e129d8212b863dfee57f5ee53b3f05dce3f0e0210fb696ca',
  'brand/any': '0db1405bc2ea1ad216cd3d986f31e1361072bed5ea990b6cebef4984726ead4f',
  'brand/upper': 'd8a8eb2cc2dea4c454e383a25263c0ae7d05bd4c6a21350e75fb32e4814f252d',
  'brand/corrections': '2471d7e8ddbbc76ccbee59030b5e735f338c629a7e0a53aee99c18f4ac328450',
  'val/en': '34b8f1a26c0ec52dfd4d5266168d02f4a76b52beed6f7840d69526330d9001da',
  'val/any': '2216bf77ba35ec1b58128f3e935035d4fd7b1469931e90195cf94f05f910df40',
  'val/upper': '54f4c12101de289998e174482a3134d44a2da4eae1a438bb72787c6c3c9b1f50',
  'val/corrections': '98dd07a3a0fad4466ff0ed5a35c10364b8d9d9a5c9e73c1f95f89e6614838fa4',
  'train/en': '0084cd28c64eff35a8d171b95ffb0b1037e5be96cff7b571c2dcb3bc50315b12',
  'train/any': '4ead82de251c0f5a756971cacb43ab8dee5fd14a751a765e9c73b4f4c3398ee4',
  'complaints/en': 'f134cc3e49ec899d7d7832fdeed725f750af7d32eee62bdc5f5a6e4aad812ed5',
  'complaints/any': '52dc05a4a547d5280c92cd5b28433d5c87a4a8be4779c26f26982ea92fa21826',
  'bitext/en': '52276ca716bf91988bf42f897d007496a41cca5324da06211c6f512b4cb6a271',
  'brand-train/en': 'f01ca15ed057cbfcbda63de881df33d663f3aefe466bfd88a54d4d0b7df36d54',
  'brand-train/any': 'f63f6d495eb343e081a71d1aa4d55a96c4a8df55803afc8de5ccd1baf4832ed1',
};

describe('classifier outputs on the committed data', () => {
  it(
    'are those recorded for this model, set by set',
    () => {
      expect(CLASSIFIER_VERSION).toBe('careline-linear-4+a800e25a');
      const got = Object.fromEntries(outputSets().map((s) => [s.name, digestOf(s.lines)]));
      expect(got).toEqual(RECORDED);
    },
    120_000,
  );
});
