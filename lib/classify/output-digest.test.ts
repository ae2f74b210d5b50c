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
  'brand/en': 'f0f166d30fa61c4500ba7179c9eff8d859009efb44e09c4634b3562f9feaa016',
  'brand/any': 'b1e0c1e62f82ac6624bd81beaf1556d83d73bf6592eb466d6e077b467d93ec44',
  'brand/upper': '3b375a93d7d44d111e115f771954d728261d76be817c37d0a2baa94f662e37e0',
  'brand/corrections': '74f564a18c7105f56a1a699153db56eb6b5822084835b73d3f06a0ce68d52427',
  'val/en': '3b7fc6fe3d57084531127747403d23e054b2904094c62cc6d9ecd114daa35519',
  'val/any': 'e12105e5ec11ea79ccc18ceaf908249b54ec4c2c4b3deec9a7936752e0cc181b',
  'val/upper': 'e1fe8b6633d17b7cd448a8e74c73dc7374344be4d65e9eac1138cc1c189017e1',
  'val/corrections': '0d51af77b887cbdb3732e45b28646a4ab540b0bb9b1f61498893440f8332f63b',
  'train/en': 'eecdc1d224bc0f1c00f746ca638d910b1cf7117e5507425bfade84946c5db742',
  'train/any': '2d38e82a9ee5e2004db4eae3080fd596347b6d255bfaf4ce54c85c35b4fabe14',
  'complaints/en': '52514316f8f92c0109c884493723935d33319618fa05a89be9da8376edf4ce96',
  'complaints/any': 'db83208ae35d30a70142709765538fbb2364a7c760dfdd85f7841771fd018d6a',
  'bitext/en': 'd5127b45cf8d3a69feeed877d573bd5cf44c160cfb8b191b3dd64c156ad1db3e',
  'brand-train/en': 'fdb3fa746f3ddcf38efe5c8a787531af862b6fb0fa5bb36737946a226cdaa7ed',
  'brand-train/any': 'f038a776c34d42ab12a13f87f2ebb294ff1fbe071e16eb240ea818d03c8f1cec',
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
