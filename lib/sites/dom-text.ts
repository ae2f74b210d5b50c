/**
 * Reading text out of site markup: emoji from `img[alt]`, links as their visible text, no hidden
 * decoys, no zero-width/bidi characters (Facebook's anti-scrape noise, SITES.md "Anti-scrape").
 */

import { fnv1a } from '../fnv';

/**
 * Zero-width and bidi control characters sites sprinkle into text. The zero-width joiner is kept
 * where it joins two emoji into one (🤦🏽‍♀️, 👨‍👩‍👧: after a pictograph, a skin tone or the emoji
 * presentation selector, before a pictograph); stripped, such an emoji falls apart into its parts.
 */
const INVISIBLE_CHARS = /[\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE_CHARS, '');
}

/** Collapse runs of spaces on each line, trim each line and the whole, keep line breaks. */
export function tidyText(s: string): string {
  return stripInvisible(s)
    .replace(/\u00A0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface ReadTextOptions {
  /** Elements whose subtree is skipped (e.g. "See more" buttons, a quoted post). */
  skip?: string;
  /** Elements that start a new line (paragraph blocks, e.g. Facebook's `div[dir="auto"]`). */
  block?: string;
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  // aria-hidden text is decoration (X's "…" after a shortened link); images keep their alt (emoji).
  if (el.getAttribute('aria-hidden') === 'true' && el.tagName !== 'IMG') return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** The visible text of an element, as the reader sees it. Never throws. */
export function readVisibleText(root: Element, options: ReadTextOptions = {}): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push((child as Text).data);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.tagName;
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') continue;
      if (options.skip && el.matches(options.skip)) continue;
      if (isHidden(el)) continue;
      if (tag === 'BR') {
        parts.push('\n');
        continue;
      }
      if (tag === 'IMG') {
        parts.push(el.getAttribute('alt') ?? '');
        continue;
      }
      const isBlock = options.block !== undefined && el.matches(options.block);
      if (isBlock) parts.push('\n');
      walk(el);
      if (isBlock) parts.push('\n');
    }
  };
  walk(root);
  return tidyText(parts.join(''));
}

/** The first text of an element as a short label (names, handles): one line, no emoji loss. */
export function readLabel(root: Element | null | undefined): string {
  if (!root) return '';
  return readVisibleText(root).replace(/\s+/g, ' ').trim();
}

/** Is `node` after `ref` in document order? */
export function isAfter(node: Node, ref: Node): boolean {
  return (ref.compareDocumentPosition(node) & 4) !== 0;
}

/** First element matching any selector of the table (tried in order) inside root, passing `accept`. */
export function queryFirst(
  root: ParentNode,
  selectors: readonly string[],
  accept: (el: Element) => boolean = () => true,
): Element | null {
  for (const selector of selectors) {
    let found: NodeListOf<Element>;
    try {
      found = root.querySelectorAll(selector);
    } catch {
      continue; // a selector the engine does not support (older :has) must not break the others
    }
    for (const el of found) if (accept(el)) return el;
  }
  return null;
}

/** All elements matching the first selector of the table that matches anything (tried in order). */
export function queryAllFirstMatching(
  root: ParentNode,
  selectors: readonly string[],
  accept: (el: Element) => boolean = () => true,
): Element[] {
  for (const selector of selectors) {
    let found: Element[];
    try {
      found = Array.from(root.querySelectorAll(selector)).filter(accept);
    } catch {
      continue;
    }
    if (found.length > 0) return found;
  }
  return [];
}

/** The closest ancestor (or self) matching any selector of the table. */
export function closestAny(node: Node, selectors: readonly string[]): Element | null {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el) return null;
  let best: Element | null = null;
  for (const selector of selectors) {
    let hit: Element | null = null;
    try {
      hit = el.closest(selector);
    } catch {
      continue;
    }
    // the innermost hit across selectors wins
    if (hit && (!best || best.contains(hit))) best = hit;
  }
  return best;
}

/** A short stable hash (FNV-1a, base 36) for ids of posts whose markup gives none. */
export function hashText(s: string): string {
  return fnv1a(s).toString(36);
}

/** Absolute http(s) URL or undefined: links from pages pass an allow-list. */
export function safeHttpUrl(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** ISO string of a date attribute, or undefined when it does not parse. */
export function isoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
