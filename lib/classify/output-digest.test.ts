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
  'brand/en': '1027751ac6b1b7f15618fc27db3c17ef6604bff43a37585b4e4f5385d59ced24',
  'brand/any': '35fa671d27d58b8fa7d21116f27a101819d34c4f0bdd36cca1e8acf3ee3e8ffd',
  'brand/upper': '6c1e41c952cf8bd2d0ea2b60e8f6ed9bb9e7f2415f59da8c95771d6eab363794',
  'brand/corrections': '1a3d42e5c17dd705a0fd94bd708eeb5bc845fde3580a25407ab90816bf4874fa',
  'val/en': '9797f9c7dff8bbefa633c135da3efa5932990e5698c77d58d68b26b851cbf40d',
  'val/any': '1d8c839105928c41674c2be79d9e3cf43921febf7f46583b706ef9a599e3feb8',
  'val/upper': '6bb56100b8d0e43ad36657ed7940b785597a0322a33de963ef5dca84670e0b6f',
  'val/corrections': 'e2939c0990eef36e7bd34b6b57ea44c15cae27d1af5831140f20a976bd4eb64a',
  'train/en': '05d9b77768e13ecb2102f950e60883a28b71dbc368175d20cb5032e5396750fd',
  'train/any': 'bff523d92127d4092f7422fb3a897c5ffbc8e6037675cb607c1c066df7a7f844',
  'complaints/en': 'c9ef5dcb1f08cd89ca94acdf85c9a979d1df21866d98b697fa67dd527c5246f0',
  'complaints/any': '2c5f6948599eb80340b4aae71e8d4c1370d9211edba7f31f3feee95647754722',
  'bitext/en': '86f44a2fe4fb1d88cd5ab3cca2f98677e5939655ecd17f3c16f051b07a85d759',
  'brand-train/en': 'e5f71c20b48757ec741173285dd74413cd8c69f018b880f7d484f13cf2fe5003',
  'brand-train/any': '3decbce2db68c3446ece4a1f35d810c124d37072c24b44fd13a296bfb3a4492d',
};

describe('classifier outputs on the committed data', () => {
  it(
    'are those recorded for this model, set by set',
    () => {
      expect(CLASSIFIER_VERSION).toBe('careline-linear-3+59e73c4e');
      const got = Object.fromEntries(outputSets().map((s) => [s.name, digestOf(s.lines)]));
      expect(got).toEqual(RECORDED);
    },
    120_000,
  );
});
