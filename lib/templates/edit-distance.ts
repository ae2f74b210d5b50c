/**
 * Levenshtein distance over Unicode code points (an emoji or a CJK character is one edit), used to
 * measure how much an agent changed an inserted template before sending it, and to suggest the
 * nearest variable name for a typo.
 */

function codePoints(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) out.push(ch.codePointAt(0) ?? 0);
  return out;
}

/** Number of single-character insertions, deletions and substitutions that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let left = codePoints(a);
  let right = codePoints(b);
  // A common prefix and suffix cost nothing: trim them so typical edits (a word changed in a long
  // reply) only pay for the changed middle.
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start++;
  let endLeft = left.length;
  let endRight = right.length;
  while (endLeft > start && endRight > start && left[endLeft - 1] === right[endRight - 1]) {
    endLeft--;
    endRight--;
  }
  left = left.slice(start, endLeft);
  right = right.slice(start, endRight);
  if (left.length === 0) return right.length;
  if (right.length === 0) return left.length;
  // Keep the shorter string in the row to use less memory.
  if (left.length > right.length) [left, right] = [right, left];

  const n = left.length;
  const x = Int32Array.from(left);
  const y = Int32Array.from(right);
  const row = new Uint32Array(n + 1);
  for (let i = 0; i <= n; i++) row[i] = i;
  // Non-null assertions below index typed arrays inside their bounds (hot loop).
  for (let j = 1; j <= y.length; j++) {
    const rc = y[j - 1]!;
    let diagonal = row[0]!;
    let previous = j;
    row[0] = j;
    for (let i = 1; i <= n; i++) {
      const above = row[i]!;
      let best = diagonal + (x[i - 1] === rc ? 0 : 1);
      if (above + 1 < best) best = above + 1;
      if (previous + 1 < best) best = previous + 1;
      diagonal = above;
      row[i] = best;
      previous = best;
    }
  }
  return row[n]!;
}

function length(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * How much of an inserted text survived into what was sent, from 0 (rewritten) to 1 (sent as is):
 * `1 - editDistance / max(length(inserted), length(sent))`. Normalising by the longer text keeps
 * the ratio in 0..1 whether the agent cut the text down or added to it.
 */
export function keptRatio(inserted: string, sent: string): number {
  const longest = Math.max(length(inserted), length(sent));
  if (longest === 0) return 1;
  const ratio = 1 - editDistance(inserted, sent) / longest;
  return Math.min(1, Math.max(0, ratio));
}
