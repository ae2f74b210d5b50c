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
  'brand/en': '7e68cd5d2f9630ded199380ef410e96a1266f231a212d18afc91174326403d5b',
  'brand/any': 'c222abc42c189be720a076420f06da36de2af455cccbee650cda5312c23b566c',
  'brand/upper': 'fa19f22af2a723bc1033215614c302d83e2858e9c33500f589f9edfc45f80ba2',
  'brand/corrections': '126227236db8c075cb73334b0b639a851a396f10ee232df7b00a8399a82bf296',
  'val/en': 'a287531ebc4a9421de41a653acf8d60ab65c84c82feb6a9e91b359eaa7296542',
  'val/any': '79988f297b9488582efec0da624cac948274793bea1bde1c4f02e8931d3faa51',
  'val/upper': 'bf63a17df0a6a46b6cf3fa1e33a1fb45072917035ef21da1262bf2f0911fd15b',
  'val/corrections': 'ce3025d07590a6ef3c6018b87b713eb32c168db782a90b4d29867615421b1f67',
  'train/en': 'f92bdd16c4b1576669cfd69e2d5cc6a3359c1687a3465dc2fcceb57965bd2a87',
  'train/any': '8f45696e841f72a775abfe11e8230b1e393a36f15ff13cfa0adde9be872913df',
  'complaints/en': '54012a55e92b935b26ca7792b5bfa8b22639166badc7af82e9e847fb2e1810b3',
  'complaints/any': '19da6f2057acf9557dbaa0c42b685f0e99e726496efa4fcf9d32952f4cdab50a',
  'bitext/en': '08d6f706749254e90264e689d484b0eb7a0dc925de9a11d51a436cf968906562',
  'brand-train/en': '5f9cb81049123df74c5351cc547db230a0053120321626b100adc99c8d12f14e',
  'brand-train/any': '62d7c39a92aecc76245c93007774dc5812dc4d86ff5606c40724be52909d0ef7',
};

describe('classifier outputs on the committed data', () => {
  it(
    'are those recorded for this model, set by set',
    () => {
      expect(CLASSIFIER_VERSION).toBe('careline-linear-6+e189ab58');
      const got = Object.fromEntries(outputSets().map((s) => [s.name, digestOf(s.lines)]));
      expect(got).toEqual(RECORDED);
    },
    120_000,
  );
});
