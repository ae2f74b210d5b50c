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
  'brand/en': '76841b4126811f8ac598fe7ea2aa6d2dbf661a58b55ad848479551d5ed387460',
  'brand/any': '8fcedc398351ee45d7da9adc2bbc5657cd43db7c64158b08fffc46419cf1b33c',
  'brand/upper': '48c987848ce81d3d0acb78712105698919400ed4b14a0ecdc73d150981110e02',
  'brand/corrections': '29e774389f3f315ca7de4f036c8e78f20a9b43140d4a745f35dc8f2786fccb65',
  'val/en': '97d299b75041de397cad3552bb1a702978d9ec1cc5cffc0c40797d6cdf7fc1ac',
  'val/any': 'afbaff6f38ef4cc7f2c692c9ee4cd9bf793471ad6e39003f1d00eb091d833279',
  'val/upper': '8f55b8cab25cb2679da28fbe47e49be42b626594854f76bbb0a851854a1b74c4',
  'val/corrections': 'ec9fa810b0e1b423b5895479f28321449b435ab7e481a02ed80f2c8af670077a',
  'train/en': '2041ae1dfe8647f806c1ec664ab5133a7064b468deccc7660c564d9e387d67e0',
  'train/any': '8542a25312c90189178b28d7119b0ded548ef3e3889db0f8e629f299a686c8bb',
  'complaints/en': '072be91a6b577acd71d1c527de0d513a945215ce7f94ed017cdcbca2ac2ca1d4',
  'complaints/any': 'f89ad7551b332217161b0b151d632f99bc92220c8e7d2e3f228454a0a25ac399',
  'bitext/en': 'c47a77ae160f3e47f08b4b219a11c76c60bdb4cb4569d77e0f86b87e7205fc66',
  'brand-train/en': '161531facc56de990ecacf2a85b6d74c92073c4d046b8bacfd6b84213fa6a001',
  'brand-train/any': 'd10349c15d52f2b72b84d6fa35f2c7d4826769bd81596ce3a3edd66a7dabb074',
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
