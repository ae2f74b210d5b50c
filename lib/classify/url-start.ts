/**
 * Whether a URL starts at text[i]: "http://", "https://" or "www.", in any case. The scanner
 * reads a URL token from there, and the language guess skips it (its letters are Latin whatever
 * the post's language).
 */
export function isUrlStart(text: string, i: number, n: number): boolean {
  const c = text.charCodeAt(i) | 32;
  if (c === 119) {
    // www.
    return i + 3 < n && (text.charCodeAt(i + 1) | 32) === 119 && (text.charCodeAt(i + 2) | 32) === 119 && text.charCodeAt(i + 3) === 46;
  }
  if (c !== 104 || i + 6 >= n) return false;
  if ((text.charCodeAt(i + 1) | 32) !== 116 || (text.charCodeAt(i + 2) | 32) !== 116 || (text.charCodeAt(i + 3) | 32) !== 112) return false;
  let j = i + 4;
  if ((text.charCodeAt(j) | 32) === 115) j++;
  return j + 2 < n && text.charCodeAt(j) === 58 && text.charCodeAt(j + 1) === 47 && text.charCodeAt(j + 2) === 47;
}
