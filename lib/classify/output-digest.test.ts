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
  'brand/en': '9d8652b522975a6120eb872458a6e9b75037fe16a94a96d5b632bb187b7b674e',
  'brand/any': '43b692ad382cfd28ac037ba66e819c96a2e69373439068d404c9a2aff393c346',
  'brand/upper': '53d1a7f8ff2995f30488416a0b3a03d31605becdd180e0b778d4fdfd619a46ef',
  'brand/corrections': 'e789e66f372143105f4d2d1a6f6da8db97167ed70427adbe135c1f587f909bcc',
  'val/en': '40f06197660f2cc0c959483b558251423a7929bb89126f0d35d1fb1c9507e3c6',
  'val/any': '5b95a632ef5f28134b6adcdbf0c506142fb493d8c7d35d1e69024eeaca5ab66c',
  'val/upper': 'ffb1bc2a1064ccb9386b32418cc58e6144c35b3c78f3d3a10f000b5bede6edbc',
  'val/corrections': 'edba9b7bcd34dd192f2b35d23466ff1c57a6f9efe5ef3ee07b86b03ca9300d48',
  'train/en': '52a06c94101da5bca312de7b54a05f0edb011462014cfa3f2c7aaa71fe8e9833',
  'train/any': 'ca30539c187629cf6028d91bf27cb4fbf80eafed61d8f8e4e02fa06bbee916bd',
  'complaints/en': '464d850449752f2b24588288a3907eba037e3a2748693e35f76f9c224c6ac3d3',
  'complaints/any': '5e576a162914554df7532c7d878d97886d89f60c1824ee3df643d91fbcf0b7e8',
  'bitext/en': 'd6df41454eb4083d8122dea0bbd6adab8c26a243c12fc9a7c9411d3a82c68fdb',
  'brand-train/en': '44f685ad0042aafb11d7059bdff754e0b0ebdb5c346a31101961167c3824216b',
  'brand-train/any': 'b415e3c97ea34b434c87450e4084ff0807f6cbabd8d6920e83e930b282a1ddeb',
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
