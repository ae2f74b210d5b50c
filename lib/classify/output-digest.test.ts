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
  'brand/en': '8dc3c9dca71b960202668310b101c64b3e552b69201449750ba8d0658128df12',
  'brand/any': '30c9f07d5d8805e3519e8f3d00df1abc3fda4a1e5171c86f6b68c0c89ff0d444',
  'brand/upper': '559fb160bb8d80fb2bef28e5fd6181deafff819e7b56b2c6797c37ed525faad5',
  'brand/corrections': '9c1053a8127d3f95218418da2dd5026fbacfca8db57b65e37704262db6e96268',
  'val/en': 'cfa7f1cbd3f3fbb3454c163bc9b379fd904d4cfccdcb384e1d8851a7d11aa6ee',
  'val/any': '33149c5b4dc506d049979db0e31ed607dacc21e5edba96fc4e4aa0567bffa222',
  'val/upper': 'a55c1bc53061118c4132270500775f97cc842d2ce36da647dd8b29911aa1c488',
  'val/corrections': '55e59d72788216f7e099ed5af26a379d513882ec4b8cc93ced5bc55f1604a6bb',
  'train/en': '8612bd5a3058954ab5bd175e022b40ece9e8b5cc5804aefe06fcf067d0a54424',
  'train/any': '2a5a39f1c3415f5882fda8f817de1aef4ed59c6894b3f9efdc17500febe0d83a',
  'complaints/en': '9bb1915ccd068a7d907ab96bbbc77998e8d2dde1700ecdaef6090e071311c8d3',
  'complaints/any': '2fc95a89ebcd4239ab197a35b3a010f62d3ef97df56944c6260431a951034c10',
  'bitext/en': 'ff241a99a731cd1120cae207a7c790d2964da67f2e4944909936addb70ae2e28',
  'brand-train/en': 'a321d697a42b2ef051c959bc796965bc881b8b19cdafef4fe4d89406393c6517',
  'brand-train/any': 'c92ecab03acd16f9b17b0cf6eb0ba4a598a06ff2646fd902d321241e38d99e14',
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
