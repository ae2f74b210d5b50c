/**
 * A small Mustache-style template language, parsed and rendered here without code generation
 * (the extension's CSP forbids eval and new Function).
 *
 *   Hi {{customer.firstName | "there"}}, thanks for waiting. ^{{agent.initials}}
 *
 * A tag is `{{ alternative | alternative | … }}`: each alternative is a variable path or a quoted
 * text ("…" or '…'), tried left to right; the first non-empty value is used. A quoted text may only
 * come last. `\{{` writes a literal `{{`. Rendering is single-pass: a value (a customer's name, a
 * blank the agent typed) is inserted as text and never read again as template syntax.
 */
import type { Blank } from './schema.ts';
import { BLANK_PREFIX, formatDateValue, isKnownVariable, TEMPLATE_VARIABLES, variableValue, type RenderContext } from './variables.ts';
import { editDistance } from './edit-distance.ts';

export type { RenderContext } from './variables.ts';

export type TagAlternative =
  | { kind: 'variable'; path: string; index: number }
  | { kind: 'literal'; value: string; index: number };

export type TemplateNode =
  | { type: 'text'; value: string }
  | { type: 'tag'; alternatives: TagAlternative[]; index: number; source: string };

export interface TemplateIssue {
  message: string;
  /** 0-based offset in the body. */
  index: number;
  /** 1-based line and column, for people. */
  line: number;
  column: number;
}

export interface ParsedTemplate {
  nodes: TemplateNode[];
  errors: TemplateIssue[];
}

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*/u;

function positionOf(body: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < body.length; i++) {
    if (body.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

function issue(body: string, index: number, message: string): TemplateIssue {
  return { message, index, ...positionOf(body, index) };
}

// Parsed bodies by text: the sidebar re-renders the same few bodies on every keystroke and post.
const PARSE_CACHE_SIZE = 500;
const parseCache = new Map<string, ParsedTemplate>();

function parseCached(body: string): ParsedTemplate {
  const hit = parseCache.get(body);
  if (hit) return hit;
  const parsed = parseTemplate(body);
  if (parseCache.size >= PARSE_CACHE_SIZE) {
    const oldest = parseCache.keys().next().value;
    if (oldest !== undefined) parseCache.delete(oldest);
  }
  parseCache.set(body, parsed);
  return parsed;
}

/** Parses a body into text and tag nodes. Syntax errors are collected, never thrown. */
export function parseTemplate(body: string): ParsedTemplate {
  const nodes: TemplateNode[] = [];
  const errors: TemplateIssue[] = [];
  let text = '';
  let i = 0;
  const flushText = (): void => {
    if (text) nodes.push({ type: 'text', value: text });
    text = '';
  };

  while (i < body.length) {
    // Jump to the next "{{": text between tags is copied in one slice.
    const open = body.indexOf('{{', i);
    if (open === -1) {
      text += body.slice(i);
      break;
    }
    if (open > 0 && body[open - 1] === '\\') {
      text += `${body.slice(i, open - 1)}{{`;
      i = open + 2;
      continue;
    }
    text += body.slice(i, open);
    i = open;
    const tagStart = i;
    const close = body.indexOf('}}', i + 2);
    if (close === -1) {
      errors.push(issue(body, tagStart, 'This {{ is never closed with }}. Close it, or write \\{{ for literal braces.'));
      text += body.slice(i);
      break;
    }
    const tag = parseTag(body, tagStart + 2, close, errors);
    flushText();
    if (tag) nodes.push({ type: 'tag', alternatives: tag, index: tagStart, source: body.slice(tagStart, close + 2) });
    i = close + 2;
  }
  flushText();
  return { nodes, errors };
}

function parseTag(body: string, start: number, end: number, errors: TemplateIssue[]): TagAlternative[] | null {
  const alternatives: TagAlternative[] = [];
  let i = start;
  const skipSpaces = (): void => {
    while (i < end && /\s/u.test(body[i] ?? '')) i++;
  };
  for (;;) {
    skipSpaces();
    if (i >= end) {
      errors.push(
        issue(body, i, alternatives.length === 0 ? 'Empty {{ }}: name a variable inside, e.g. {{customer.name}}.' : 'Expected a variable or a quoted text after |.'),
      );
      return null;
    }
    const ch = body[i];
    if (ch === '"' || ch === "'") {
      const literalStart = i;
      let value = '';
      i++;
      let closed = false;
      while (i < end) {
        const c = body[i];
        if (c === '\\' && i + 1 < end) {
          value += body[i + 1];
          i += 2;
          continue;
        }
        if (c === ch) {
          closed = true;
          i++;
          break;
        }
        value += c;
        i++;
      }
      if (!closed) {
        errors.push(issue(body, literalStart, `This quoted text is not closed: add the closing ${ch}.`));
        return null;
      }
      alternatives.push({ kind: 'literal', value, index: literalStart });
    } else {
      const match = PATH.exec(body.slice(i, end));
      if (!match) {
        errors.push(issue(body, i, `Unexpected "${body[i]}": a tag holds variable names like customer.name and quoted fallbacks like "there".`));
        return null;
      }
      alternatives.push({ kind: 'variable', path: match[0], index: i });
      i += match[0].length;
    }
    skipSpaces();
    if (i >= end) break;
    if (body[i] !== '|') {
      errors.push(issue(body, i, `Unexpected "${body[i]}": separate a fallback with |, e.g. {{customer.firstName | "there"}}.`));
      return null;
    }
    const last = alternatives[alternatives.length - 1];
    if (last?.kind === 'literal') {
      errors.push(issue(body, i, 'A quoted fallback must come last: nothing after it would ever be used.'));
      return null;
    }
    i++;
  }
  return alternatives;
}

function nearestVariable(path: string, blankKeys: readonly string[]): string | undefined {
  const candidates = [...TEMPLATE_VARIABLES, ...blankKeys.map((k) => BLANK_PREFIX + k)];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(path.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(path.length / 4)) ? best : undefined;
}

/** Errors of one body as structured issues: syntax, unknown variables, unknown blanks. */
export function templateBodyIssues(body: string, blanks: readonly Pick<Blank, 'key'>[] = []): TemplateIssue[] {
  const { nodes, errors } = parseTemplate(body);
  const issues = [...errors];
  const blankKeys = blanks.map((b) => b.key);
  for (const node of nodes) {
    if (node.type !== 'tag') continue;
    for (const alt of node.alternatives) {
      if (alt.kind !== 'variable') continue;
      if (alt.path.startsWith(BLANK_PREFIX)) {
        const key = alt.path.slice(BLANK_PREFIX.length);
        if (!blankKeys.includes(key)) {
          const hint = nearestVariable(alt.path, blankKeys);
          issues.push(
            issue(
              body,
              alt.index,
              `Unknown blank "${key}"${hint ? ` (did you mean ${hint}?)` : ''}: add a fill-in blank with the key "${key}", or remove {{${alt.path}}}.`,
            ),
          );
        }
      } else if (!isKnownVariable(alt.path)) {
        const hint = nearestVariable(alt.path, blankKeys);
        issues.push(issue(body, alt.index, `Unknown variable "${alt.path}"${hint ? ` (did you mean ${hint}?)` : ''}.`));
      }
    }
  }
  return issues.sort((a, b) => a.index - b.index);
}

/** Issues written as one line each: `Line 1, column 8: Unknown variable "customer.nam" (did you mean customer.name?).` */
export function formatIssue(item: TemplateIssue): string {
  return `Line ${item.line}, column ${item.column}: ${item.message}`;
}

/** Validates a body against the known variables and the template's blanks. Empty when the body is fine. */
export function validateTemplateBody(body: string, blanks: readonly Pick<Blank, 'key'>[] = []): string[] {
  return templateBodyIssues(body, blanks).map(formatIssue);
}

/** The variable paths and blank keys a body uses, in order of first use. */
export function usedVariables(body: string): { variables: string[]; blanks: string[] } {
  const variables: string[] = [];
  const blanks: string[] = [];
  for (const node of parseTemplate(body).nodes) {
    if (node.type !== 'tag') continue;
    for (const alt of node.alternatives) {
      if (alt.kind !== 'variable') continue;
      if (alt.path.startsWith(BLANK_PREFIX)) {
        const key = alt.path.slice(BLANK_PREFIX.length);
        if (!blanks.includes(key)) blanks.push(key);
      } else if (!variables.includes(alt.path)) variables.push(alt.path);
    }
  }
  return { variables, blanks };
}

export interface RenderResult {
  text: string;
  /**
   * Tags that produced nothing and had no quoted fallback, named by their first path
   * (`customer.firstName`, `blank.orderNumber`), plus syntax errors as `syntax:<line>:<column>`.
   * Insert only when this is empty.
   */
  missing: string[];
}

/**
 * Renders a body in one pass. `blanks` holds the values the agent filled in, by key; `blankDefs`
 * (the template's blanks) lets date blanks be written in the template's language.
 */
export function renderTemplate(
  body: string,
  context: RenderContext,
  blanks: Record<string, string> = {},
  blankDefs: readonly Pick<Blank, 'key' | 'kind'>[] = [],
): RenderResult {
  const { nodes, errors } = parseCached(body);
  const missing: string[] = errors.map((e) => `syntax:${e.line}:${e.column}`);
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      text += node.value;
      continue;
    }
    let value = '';
    let hasLiteral = false;
    for (const alt of node.alternatives) {
      if (alt.kind === 'literal') {
        value = alt.value;
        hasLiteral = true;
        break;
      }
      value = resolvePath(alt.path, context, blanks, blankDefs);
      if (value) break;
    }
    if (!value && !hasLiteral) {
      const first = node.alternatives[0];
      const name = first?.kind === 'variable' ? first.path : node.source;
      if (!missing.includes(name)) missing.push(name);
    }
    text += value;
  }
  return { text, missing };
}

function resolvePath(
  path: string,
  context: RenderContext,
  blanks: Record<string, string>,
  blankDefs: readonly Pick<Blank, 'key' | 'kind'>[],
): string {
  if (path.startsWith(BLANK_PREFIX)) {
    const key = path.slice(BLANK_PREFIX.length);
    const raw = Object.hasOwn(blanks, key) ? (blanks[key] ?? '') : '';
    const def = blankDefs.find((b) => b.key === key);
    if (def?.kind === 'date') return formatDateValue(raw, context.language) || raw.trim();
    // A blank is typed by the agent and may hold line breaks on purpose (Facebook replies).
    return raw.replace(/\r\n?/gu, '\n').trim();
  }
  return isKnownVariable(path) ? variableValue(path, context) : '';
}
