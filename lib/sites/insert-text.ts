/**
 * Inserting text into the sites' own rich-text editors. X's composer is Draft.js and Facebook's is
 * Lexical: setting value/textContent/innerHTML does not reach their models. Both listen to the
 * events a user's paste or typing fires, so we dispatch those: a synthetic `paste` carrying a
 * DataTransfer (Draft.js), a `beforeinput` of type insertReplacementText (Lexical), and
 * `execCommand('insertText')` as the last resort. Every attempt is verified by reading the editor.
 * See /work/shared/TOOLCHAIN.md "Real editors in fixtures" and SITES.md "Insertion".
 */
import type { InsertResult } from './types';
import { readVisibleText, stripInvisible } from './dom-text';

export type EditorKind = 'draft' | 'lexical' | 'textarea' | 'contenteditable';

/** Editor markers are the libraries' own attributes, stable across site redesigns. */
export function editorKindOf(el: Element): EditorKind {
  if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') return 'textarea';
  if (el.getAttribute('data-lexical-editor') === 'true') return 'lexical';
  if (el.querySelector('[data-contents="true"]') || el.closest('.DraftEditor-root')) return 'draft';
  return 'contenteditable';
}

/** Blocks of the editors: Draft.js blocks, Lexical paragraphs. */
const EDITOR_BLOCKS = '[data-block="true"], p';

/** The editor's text as the agent sees it, paragraphs joined by \n. */
export function readEditorText(el: Element): string {
  if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') return (el as HTMLTextAreaElement).value;
  const blocks = Array.from(el.querySelectorAll(EDITOR_BLOCKS)).filter((b) => !b.parentElement?.closest(EDITOR_BLOCKS));
  if (blocks.length === 0) return readVisibleText(el);
  // Empty blocks (Draft's <br data-text>) are empty lines; trailing ones are the caret's line.
  return blocks.map((b) => readVisibleText(b)).join('\n').replace(/\n+$/, '');
}

function comparable(s: string): string {
  return stripInvisible(s).replace(/\s+/g, ' ').trim();
}

function countOccurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Did `text` land in the editor (one more occurrence than before)? */
export function editorGained(before: string, after: string, text: string): boolean {
  const t = comparable(text);
  if (!t) return true;
  return countOccurrences(comparable(after), t) > countOccurrences(comparable(before), t);
}

function nextTask(win: Window): Promise<void> {
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}

/** Put the caret back where the agent left it, or at the end of the editor when we know nothing. */
export function restoreSelection(editor: HTMLElement, saved: Range | null | undefined): void {
  const doc = editor.ownerDocument;
  const sel = doc.getSelection();
  if (!sel) return;
  const usable = saved && editor.contains(saved.startContainer) && editor.contains(saved.endContainer);
  if (usable) {
    sel.removeAllRanges();
    sel.addRange(saved);
    return;
  }
  if (sel.rangeCount > 0 && editor.contains(sel.getRangeAt(0).startContainer)) return;
  const range = doc.createRange();
  range.selectNodeContents(editor);
  range.collapse(false);
  sel.removeAllRanges();
  sel.addRange(range);
}

function makeTransfer(win: Window, text: string): DataTransfer | null {
  try {
    const dt = new (win as unknown as typeof globalThis).DataTransfer();
    dt.setData('text/plain', text);
    return dt;
  } catch {
    return null;
  }
}

type Attempt = (editor: HTMLElement, text: string) => void;

const dispatchPaste: Attempt = (editor, text) => {
  const win = editor.ownerDocument.defaultView;
  if (!win) return;
  const dt = makeTransfer(win, text);
  if (!dt) return;
  editor.dispatchEvent(new win.ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
};

const dispatchBeforeInput: Attempt = (editor, text) => {
  const win = editor.ownerDocument.defaultView;
  if (!win) return;
  const dt = makeTransfer(win, text);
  editor.dispatchEvent(
    new win.InputEvent('beforeinput', {
      inputType: 'insertReplacementText',
      data: dt ? null : text,
      dataTransfer: dt,
      bubbles: true,
      cancelable: true,
    }),
  );
};

const execInsertText: Attempt = (editor, text) => {
  // Deprecated but still the one call that fires trusted input events in every browser.
  editor.ownerDocument.execCommand('insertText', false, text);
};

const setTextareaValue: Attempt = (editor, text) => {
  const area = editor as HTMLTextAreaElement;
  const start = area.selectionStart ?? area.value.length;
  const end = area.selectionEnd ?? start;
  area.setRangeText(text, start, end, 'end');
  area.dispatchEvent(new (editor.ownerDocument.defaultView ?? window).Event('input', { bubbles: true }));
};

const ATTEMPTS: Record<EditorKind, Attempt[]> = {
  draft: [dispatchPaste, execInsertText],
  lexical: [dispatchBeforeInput, dispatchPaste, execInsertText],
  textarea: [setTextareaValue],
  contenteditable: [execInsertText, dispatchPaste],
};

/** Copy text for the agent to paste by hand. Resolves to whether it worked. */
export async function copyToClipboard(doc: Document, text: string): Promise<boolean> {
  try {
    const clip = doc.defaultView?.navigator.clipboard;
    if (clip) {
      await clip.writeText(text);
      return true;
    }
  } catch {
    // fall through to the copy command
  }
  try {
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    doc.body.append(area);
    area.select();
    const ok = doc.execCommand('copy');
    area.remove();
    return ok;
  } catch {
    return false;
  }
}

/** The composer could not be found or opened: hand the text over through the clipboard. */
export async function composerUnavailable(doc: Document, text: string): Promise<InsertResult> {
  const copied = await copyToClipboard(doc, text);
  return {
    ok: false,
    reason: copied
      ? "Couldn't open the reply box for this post. The reply is on your clipboard: open the reply box and paste (Ctrl+V)."
      : "Couldn't open the reply box for this post. Copy the reply from the sidebar and paste it.",
    copiedToClipboard: copied,
  };
}

/**
 * Insert `text` at the saved cursor of a site editor, keeping what the agent already typed.
 * Verifies the editor's text afterwards; on failure copies the text to the clipboard.
 */
export async function insertIntoEditor(
  editor: HTMLElement,
  text: string,
  options: { savedRange?: Range | null; readText?: (el: Element) => string } = {},
): Promise<InsertResult> {
  const readText = options.readText ?? readEditorText;
  const win = editor.ownerDocument.defaultView;
  try {
    if (!win) throw new Error('no window');
    const before = readText(editor);
    editor.focus();
    if (editorKindOf(editor) !== 'textarea') restoreSelection(editor, options.savedRange);
    // selectionchange is delivered as a task: let the editor adopt the restored caret first.
    await nextTask(win);
    for (const attempt of ATTEMPTS[editorKindOf(editor)]) {
      try {
        attempt(editor, text);
      } catch {
        continue;
      }
      await nextTask(win);
      const after = readText(editor);
      if (editorGained(before, after, text)) return { ok: true, text: after };
      if (after !== before) break; // something landed but not our text: do not insert twice
    }
  } catch {
    // reported below
  }
  const copied = await copyToClipboard(editor.ownerDocument, text);
  return {
    ok: false,
    reason: copied
      ? "Couldn't type the reply into the site's box. It is on your clipboard: click the reply box and paste (Ctrl+V)."
      : "Couldn't type the reply into the site's box, and the clipboard was not available. Copy it from the sidebar and paste it.",
    copiedToClipboard: copied,
  };
}

/**
 * Remembers the agent's last caret in each composer. The sidebar iframe takes focus when the agent
 * picks a reply, and focus changes move the document selection: we record it on selectionchange
 * and focusout, while it is still inside the composer.
 */
export function trackComposerSelections(
  doc: Document,
  composerOf: (node: Node) => HTMLElement | null,
  signal: AbortSignal,
): { rangeFor(composer: Element): Range | null; lastComposer(): HTMLElement | null } {
  const ranges = new WeakMap<Element, Range>();
  let last: HTMLElement | null = null;
  const record = (): void => {
    try {
      const sel = doc.getSelection();
      if (!sel || sel.rangeCount === 0) return;
      const range = sel.getRangeAt(0);
      const composer = composerOf(range.startContainer);
      if (!composer || !composer.contains(range.endContainer)) return;
      ranges.set(composer, range.cloneRange());
      last = composer;
    } catch {
      // never throw into the page
    }
  };
  doc.addEventListener('selectionchange', record, { signal });
  doc.addEventListener('focusout', record, { capture: true, signal });
  doc.addEventListener('keyup', record, { capture: true, signal });
  return {
    rangeFor: (composer) => ranges.get(composer) ?? null,
    lastComposer: () => (last && last.isConnected ? last : null),
  };
}
