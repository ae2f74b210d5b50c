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

/**
 * Top-level domains that make a name with no path a link ("example.com", "gov.uk"): common ones
 * that are not also words or abbreviations people run into a sentence ("it", "in", "me", "so",
 * "to", "us", "ai": "…done.it works", "Thanks.Me too").
 */
const LINK_TLDS = new Set([
  'com', 'net', 'org', 'gov', 'edu', 'mil', 'info', 'biz', 'io', 'ly', 'gl', 'gg', 'co', 'uk', 'ca', 'de', 'fr', 'au', 'nz',
  'ie', 'es', 'nl', 'jp', 'cn', 'ru', 'br', 'mx', 'ch', 'se', 'dk', 'fi', 'pl', 'tv', 'app', 'dev', 'xyz', 'shop', 'store',
]);

/** A code unit a domain's label can hold: an ASCII letter or digit, or "-". */
export function isLabelCode(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 45;
}

/** White space that ends a URL: space, tab, line feed, carriage return, and any other \s past ASCII. */
function isSpace(c: number): boolean {
  return c < 128 ? c === 32 || c === 10 || c === 9 || c === 13 : /\s/.test(String.fromCharCode(c));
}

/** Where a URL that goes on at text[i] ends: at the next white space (or the end of the text). */
export function urlRunEnd(text: string, i: number, n: number): number {
  let j = i;
  while (j < n && !isSpace(text.charCodeAt(j))) j++;
  return j;
}

/**
 * The end of a link written without a scheme, as X shows its links ("Example.com",
 * "bit.ly/3xYz", "track.acme.example/4417"), or -1. text[i .. labelEnd) is a word the scanner
 * has read and text[labelEnd] is ".". Two or more labels of ASCII letters, digits and hyphens,
 * the last (the top-level domain) 2 to 24 letters; then either a path ("/…", up to the next
 * space, as a "https://" link is read) or, with no path, a top-level domain in LINK_TLDS and no
 * letter or digit right after it. Not after "@", ".", "/" or ":" (the domain of an email address,
 * a path's own dots).
 */
export function bareUrlEnd(text: string, i: number, labelEnd: number, n: number): number {
  if (i > 0) {
    const before = text.charCodeAt(i - 1);
    if (before === 64 || before === 46 || before === 47 || before === 58) return -1;
  }
  // Most words before a "." end a sentence: no label after it, so no link (checked before the word's own letters).
  if (labelEnd + 1 >= n || !isLabelCode(text.charCodeAt(labelEnd + 1))) return -1;
  for (let k = i; k < labelEnd; k++) if (!isLabelCode(text.charCodeAt(k))) return -1;
  let p = labelEnd;
  let labels = 1;
  let tldStart = -1;
  while (p + 1 < n && text.charCodeAt(p) === 46) {
    let q = p + 1;
    while (q < n && isLabelCode(text.charCodeAt(q))) q++;
    if (q === p + 1) break;
    labels++;
    tldStart = p + 1;
    p = q;
  }
  if (labels < 2 || p - tldStart < 2 || p - tldStart > 24) return -1;
  for (let k = tldStart; k < p; k++) {
    const c = text.charCodeAt(k) | 32;
    if (c < 97 || c > 122) return -1;
  }
  if (p < n && text.charCodeAt(p) === 47) return urlRunEnd(text, p, n);
  const tld = text.slice(tldStart, p);
  // A two-letter one in capitals with no path reads as an abbreviation ("FB.PL", "U.K").
  if (!LINK_TLDS.has(tld.toLowerCase()) || (tld.length === 2 && tld === tld.toUpperCase())) return -1;
  // "example.com_x", "example.coméé": the name goes on, so it is not this link.
  if (p < n && (text.charCodeAt(p) === 95 || (text.charCodeAt(p) >= 128 && /[\p{L}\p{N}\p{M}]/u.test(text[p]!)))) return -1;
  return p;
}
