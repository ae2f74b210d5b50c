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
  'val/en': 'e11a5973150822d417c1e44bd5b2b1acdfc68f73d88f4afdefc42d43841f31b2',
  'val/any': 'ff60f8f69f7b53c4871294a9eac5f44f30014866baf78e0056fecbf8f867db2a',
  'val/upper': 'c971a2fdae2e2d4b1fc89ac1822b4fd95b2ace857d2a2e9193c55be3562458ba',
  'val/corrections': 'e3d86d2c409e67f08323411d99d3de90043f31b91420416fec51a2c66ad433ea',
  'train/en': '45f17795b9c631b3676325d19f644eb4d23bfe2f91cd5e7a25e5931ef36834cb',
  'train/any': '57ac9f5afad9574d4fa48de549d00df05f2b155648f2324708f982f1a56e0d3c',
  'complaints/en': '53c6420295c1c99249db832aa486990ae12820c066a018a87fcf01d110d14f64',
  'complaints/any': 'ec3ff27e68d1f53d149b9889a8ea0dfcf3abb4d11b7d009ade075cd22635b72b',
  'bitext/en': 'ff241a99a731cd1120cae207a7c790d2964da67f2e4944909936addb70ae2e28',
  'brand-train/en': 'cac3ca8090da93ccd6e645a471ee2b054d4efdc66ea31a207df024fe9e88b57e',
  'brand-train/any': 'cdc913a83df0778cd417ff537b23725125638a14eca4ddf39a108fc686d650d4',
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
