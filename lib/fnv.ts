/** FNV-1a (32-bit): one copy for the classifier's hashing, the log digest's blocks and stable text ids. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a of a string's UTF-16 code units, as an unsigned 32-bit number. */
export function fnv1a(s: string): number {
  let h = FNV_OFFSET | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}
