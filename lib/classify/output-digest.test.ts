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
  'brand/en': '96bdbca476e6ba87f9b8cb0e960d20e5dfb28ccfbc8692b6d524d1354931ce55',
  'brand/any': '44e78e26ab29003052a040d9acd2b9c0173e9c8f6786cbf387d42b56b53a290b',
  'brand/upper': '1280545b81d375739f5e78ca75d2c35bdc9945b41f89b263894a8e20f0f6b018',
  'brand/corrections': 'f0ddb61cd0d4309db484f0d5a10edf7208cb111f7e6caa8cc74b1ff1811b2a7c',
  'val/en': '4b360df798f2d63bbd5e9671b1b3c86c995d42c88a2181dccdaea42b7f706432',
  'val/any': 'df769a87fdce45b314f9a6063972ecfb17e366b57ec616769af7b4a3a7e1acf8',
  'val/upper': '44dbf8ec85399f8443420662cf9bf7b7cff22e54ed1ea9b037c407e94a551237',
  'val/corrections': 'cd3c089344e3b6d968806269b43dd465880c09e5bd7ac4ca9ce6c430f6ba9144',
  'train/en': 'a699dfb6f0dd945b819f32d49742c185eef82d9cd3b38881c74839b44774c4e9',
  'train/any': '868558d2c103551cd9b65e1152de54fddb1e3fe49d765eeac0e975885ede41af',
  'complaints/en': '375c023eeba290e4435db7e4ff205ebcf4263582daaca35e13062ef6b3b18442',
  'complaints/any': 'e1cd006b0a675a306744303f748705349bc049ecd0676f926cfcafba7878668a',
  'bitext/en': '09255f6cce4e22ff48a5cbbb6e405250c7158285ceda4a6d2fcbb2f9c6717566',
  'brand-train/en': 'a08293c43d36b24ea722d242b291f1ff5c34b5b7c67f896864ee2e6a8ba25831',
  'brand-train/any': 'c6829e3294cefe872dc440cb7bd663422a0ecf3a49fc42bf43f53b44ccfa11d4',
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
