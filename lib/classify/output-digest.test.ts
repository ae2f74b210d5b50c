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
  'brand/en': 'c15b0188ba6b1e28e67f199aba2f47a226af2070abb2a6c07dad996876ab4ab8',
  'brand/any': '26fd16e405fa43600ed49278cc4b4529c0f78ba6049a592bc7dd57ee0f496e79',
  'brand/upper': '3b375a93d7d44d111e115f771954d728261d76be817c37d0a2baa94f662e37e0',
  'brand/corrections': 'f2d0026753781356162f7261a4bea426478a4ec08dd0627a538d1c6eb06bbd3f',
  'val/en': '1687e576cb408657194226e316fa1979767af128dbf0fa999e0de36f884fd00d',
  'val/any': '6fe675faab099b791a2102859e9321ed1589892e12b7fcedd7e4922388b79204',
  'val/upper': '527392e6070a74abfc558eaeb3011b5fb7da6c9fe13b1d9d26ddf3b32e89535a',
  'val/corrections': '64eac178ff5d6a17794e0ee7ef9bd7327ed11228e3f5aa8022a5d40d06157d09',
  'train/en': 'b3653d9e6eb55ff33255f6726430759e659f114906d7cc01de4957d54beee33f',
  'train/any': '52952d7060fbf380625c8bf7456e46fc57ad9ff0c6fdc707882ae5851afc8388',
  'complaints/en': '9f36fdf5b44ea26be47f6d09276659dd59580b8fa695b79df6c08645cd9aaa55',
  'complaints/any': 'c835b2dd6091057a38adf08b94fc6ea7dcb03586f7aa12257dcf0a84f04a80a7',
  'bitext/en': 'f63be19af24e7957ed21eb1388c06e6698ecc6f422409b9204470130890f9709',
  'brand-train/en': 'a687b3159b3062569c6dc3d0c61e13094b643baef01bbe36615b2b0e829ed3c8',
  'brand-train/any': 'ff5982298fd580d71370c95207072b8ada39fda05696ebf09b5719c697991df4',
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
