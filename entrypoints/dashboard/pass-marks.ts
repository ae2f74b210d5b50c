/**
 * The supervisor's pass marks per practice skill: one versioned WXT storage item, validated with
 * lib/practice's schema on every read (a hand-edited or older value falls back to the defaults).
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_PASS_MARKS, PassMarksSchema, type PassMarks } from '../../lib/practice/summary';

export const passMarksItem = storage.defineItem<PassMarks>('local:practicePassMarks', {
  fallback: DEFAULT_PASS_MARKS,
  version: 1,
});

export async function loadPassMarks(): Promise<PassMarks> {
  const parsed = PassMarksSchema.safeParse(await passMarksItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_PASS_MARKS;
}

/** Saves pass marks after validation; throws with the schema's message when a mark is out of range. */
export async function savePassMarks(marks: PassMarks): Promise<PassMarks> {
  const parsed = PassMarksSchema.safeParse(marks);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'A pass mark is between 0 and 1.');
  await passMarksItem.setValue(parsed.data);
  return parsed.data;
}
