import { describe, expect, it } from 'vitest';
import { stripInvisible, tidyText } from './dom-text';

describe('text read from site markup', () => {
  it('drops zero-width and bidi noise but keeps the joiners inside emoji', () => {
    const facepalm = '\u{1F926}\u{1F3FD}\u200D\u2640\uFE0F';
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const rainbow = '\u{1F3F3}\uFE0F\u200D\u{1F308}';
    expect(stripInvisible(`my yahoo email ${facepalm}`)).toBe(`my yahoo email ${facepalm}`);
    expect(stripInvisible(`${family} and ${rainbow}`)).toBe(`${family} and ${rainbow}`);
    // Anti-scrape noise: zero-width spaces, stray joiners between letters, bidi marks.
    expect(stripInvisible('re\u200Bfu\u200Dnd\u200E now\u202E\uFEFF')).toBe('refund now');
    // A joiner after an emoji but before a letter, or before an emoji but after a letter, joins nothing.
    expect(stripInvisible('\u{1F600}\u200Dhi a\u200D\u{1F600}')).toBe('\u{1F600}hi a\u{1F600}');
    expect(tidyText(`  I can\u2019t log in ${facepalm}\u200B  \n\n\n\u00A0thanks `)).toBe(`I can\u2019t log in ${facepalm}\n\nthanks`);
  });
});
