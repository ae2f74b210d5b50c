/**
 * Fill-in blanks: values the agent gives when a template is used (an order number, a choice of
 * store, a date). The sidebar shows a small form; nothing with an unfilled blank is inserted.
 */
import type { Blank } from './schema.ts';

export const MAX_BLANK_VALUE_CHARS = 500;

export interface BlankValidation {
  ok: boolean;
  /** Error per blank key, written for the agent. */
  errors: Record<string, string>;
  /** The values to render with: trimmed, only for declared blanks. */
  values: Record<string, string>;
}

function isIsoDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Checks the agent's values against a template's blanks (required, choice options, dates as YYYY-MM-DD). */
export function validateBlankValues(blanks: readonly Blank[], values: Record<string, string | undefined>): BlankValidation {
  const errors: Record<string, string> = {};
  const clean: Record<string, string> = {};
  for (const blank of blanks) {
    const raw = Object.hasOwn(values, blank.key) ? values[blank.key] : undefined;
    const value = (raw ?? '').trim();
    if (!value) {
      if (blank.required) errors[blank.key] = `Fill in “${blank.label}” before inserting.`;
      clean[blank.key] = '';
      continue;
    }
    if ([...value].length > MAX_BLANK_VALUE_CHARS) {
      errors[blank.key] = `“${blank.label}” is longer than ${MAX_BLANK_VALUE_CHARS} characters.`;
    } else if (blank.kind === 'choice' && !(blank.options ?? []).includes(value)) {
      errors[blank.key] = `Pick one of the options for “${blank.label}”.`;
    } else if (blank.kind === 'date' && !isIsoDay(value)) {
      errors[blank.key] = `“${blank.label}” needs a date (YYYY-MM-DD).`;
    } else if (value.includes('{{')) {
      // Values are inserted as text and never re-read, but a value that looks like template syntax
      // is almost always a paste mistake.
      errors[blank.key] = `“${blank.label}” contains {{ }}: type the value itself.`;
    }
    clean[blank.key] = value;
  }
  return { ok: Object.keys(errors).length === 0, errors, values: clean };
}

/** True while a required blank is empty or a value is invalid: the insert button stays off. */
export function hasUnfilledBlanks(blanks: readonly Blank[], values: Record<string, string | undefined>): boolean {
  return !validateBlankValues(blanks, values).ok;
}
