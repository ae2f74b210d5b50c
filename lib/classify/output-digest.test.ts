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
  'brand/en': 'd02bd89d2b1c8c5fde839abc5ed4694a5ef3cf1eb2fc0db182dc5fac80289d05',
  'brand/any': '903efff162d7b269ad28ec7884647ed1ce06141cbf7c0cdecb2504894c925475',
  'brand/upper': '93b5a0f4c34289ec6bd0da87d0c7059ad34d8e6a64a0f9d2fa31199167e54792',
  'brand/corrections': '0d468d7aaf6c5ad7c1bc81fdb428310d1ab037ee646606a4c97d5ed7292f2938',
  'val/en': 'f4cd0101dbe750abdec0b866d14dde01e4d03a43f0606a22020dc86d9b3ea54d',
  'val/any': 'bcc2ea17ec2787e3947d3e5495d14eda5d40275ea45e7a0216236c5cc8aae7f3',
  'val/upper': 'baeed899b89a11fad674886a2d97692193b714293292ad7863822da15e6f7e1d',
  'val/corrections': '26fae9ce2f97978fb27a8674b2ff048397c66a00d35a70ad477232b541de680e',
  'train/en': 'e34a436069d79cdd19249a71ad7f4a79cd9f5cfa010b83d38d143e2f16acea80',
  'train/any': 'c5daedec970e899cba55edf11f2a47d5f928cad2e2a596acaa84297357090d54',
  'complaints/en': '091275fc3f268a5670bc023879ed1837fac4ba6bf140bebb4b9bd9454ac9db8f',
  'complaints/any': 'b55a571fb90430de9929a495211d0775d377960c08c040c9f66571bdf00ba700',
  'bitext/en': '15204b0b6c1a8a2a9ac1aff80b66289281a1eedcf92c87485b1ce2dfc48358b8',
  'brand-train/en': '6838ed60e3db5af55c8d99f2c6f32da09fba5492d21149325f9c872f35826a8f',
  'brand-train/any': 'bad82aa92a7af32164108272d4548abb770e3aee193a734d1efceb9cdfbc1e38',
};

describe('classifier outputs on the committed data', () => {
  it(
    'are those recorded for this model, set by set',
    () => {
      expect(CLASSIFIER_VERSION).toBe('careline-linear-4+46e0135c');
      const got = Object.fromEntries(outputSets().map((s) => [s.name, digestOf(s.lines)]));
      expect(got).toEqual(RECORDED);
    },
    120_000,
  );
});
