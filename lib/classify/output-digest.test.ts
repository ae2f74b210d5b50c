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
  'brand/en': '2cba36e85f7f619cf16a3359cf648e782645b4af31f1b2f75a18fbffee7e697b',
  'brand/any': '2db74b5b1dd5f7b16b5f3d5695b891eeb21ad9b5d2117135e413d17dc40c74d2',
  'brand/upper': '50f29ffb2169a25d97f9214c7ab976b513fc268337be3a952916ce9ffdb6544e',
  'brand/corrections': '015bdc10bab147476056afa387a9294042d20d34b9624782b320ba00345d3988',
  'val/en': '1e62a5a3871a0953ad63e59a0df9b8ceead271b7f296e798e87d11c2dc9b67a4',
  'val/any': '087d37b2ac1c1cd0c89c378856f0ef03c781ed0ef7a409fa19059f1c9b7eaf62',
  'val/upper': '5746904abda93a8ee861dcfa4d4ea3797669faed1722e08fca06fbb7b0c86d12',
  'val/corrections': 'd8c5aa9fabfce63ec98cc61e2422a188621b013a7fc35b91cfe67208db6e0f81',
  'train/en': '702675854d8e3daadff92282e76ff55e456fd2913cf25f44b26e5ed5cfbc5131',
  'train/any': 'f5b8939c17d003325e38cea594faa8efaa2f430e849114bb6836d870df9d126e',
  'complaints/en': 'f55935eac9cfe3862cfcabb0347aac9d84ff0bd8769b0cfd19e94c3347ceb5c4',
  'complaints/any': 'df9dba4e42f5564e7254f4b8f76716df666a7197dae6873656cd367f802a685d',
  'bitext/en': 'ff241a99a731cd1120cae207a7c790d2964da67f2e4944909936addb70ae2e28',
  'brand-train/en': 'e0fe00e6b55b46275405d9f5cfe5341870d8ef5ff72fd8ad76d7f1941532769b',
  'brand-train/any': 'c01a4bc80641252ed6d3bce02b49f54beaebe311ae0f0e9d215b5c6dad21ca87',
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
