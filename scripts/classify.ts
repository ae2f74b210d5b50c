/**
 * Classifies posts from standard input, one JSON object per line, streaming:
 *   npm run --silent classify < posts.jsonl > labels.jsonl
 * In:  {"id": "...", "text": "...", "lang"?: "en", "replyTo"?: "acme"}
 * Out: {"id", "intent", "sentiment", "urgency", "urgencyRule", "flags", "scores", "reasons", "classified", "language", "version"}
 * The id comes back as it was given, a string or a number ({"id": 7} in, {"id": 7, …} out), so
 * that the output joins back onto the input whatever the id column's type; a numeric id past 2^53
 * (already rounded by JSON.parse) gets a warning on standard error. A malformed line is reported
 * on standard error with its line number and skipped; the exit code is then 1. Blank lines are ignored, as are a byte-order mark at the start of the input and
 * a `"lang": null` (an export's empty column: the language detector then decides) or
 * `"replyTo": null`. `replyTo` is the handle a reply answers when the site shows it apart from the
 * text (X's "Replying to @acme"): a text that starts with no handle is then read with that one
 * first, as the training posts have it.
 */
import { createInterface } from 'node:readline';
import { classifyPost } from '../lib/classify/index';

export function classifyLine(line: string, lineNo: number): { output?: string; error?: string; warning?: string } {
  if (lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { error: `line ${lineNo}: not valid JSON (${(e as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: `line ${lineNo}: expected a JSON object like {"id": "...", "text": "..."}` };
  const { id, text, lang, replyTo } = value as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') return { error: `line ${lineNo}: "id" must be a string or a number` };
  if (typeof text !== 'string') return { error: `line ${lineNo}: "text" must be a string` };
  if (lang !== undefined && lang !== null && typeof lang !== 'string') return { error: `line ${lineNo}: "lang" must be a string when given` };
  if (replyTo !== undefined && replyTo !== null && typeof replyTo !== 'string') return { error: `line ${lineNo}: "replyTo" must be a string when given` };
  const c = classifyPost({ text, lang: lang ?? undefined, replyTo: replyTo ?? undefined });
  // JSON numbers past 2^53 (a tweet id written unquoted) were already rounded by JSON.parse.
  const warning =
    typeof id === 'number' && !Number.isSafeInteger(id)
      ? `line ${lineNo}: the id ${id} is a number too large to keep exact (JSON.parse rounds it); write ids as strings`
      : undefined;
  return {
    warning,
    output: JSON.stringify({
      id,
      intent: c.intent,
      sentiment: c.sentiment,
      urgency: c.urgency,
      urgencyRule: c.urgencyRule,
      flags: c.flags,
      scores: c.scores,
      reasons: c.reasons,
      classified: c.classified,
      language: c.language,
      version: c.version,
    }),
  };
}

async function main(): Promise<void> {
  // A reader that stops early (`… | head`) closes the pipe: stop quietly, as other filters do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  let failed = 0;
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === '') continue;
    const r = classifyLine(line, lineNo);
    if (r.error) {
      failed++;
      process.stderr.write(`classify: ${r.error}\n`);
    } else {
      if (r.warning) process.stderr.write(`classify: ${r.warning}\n`);
      if (!process.stdout.write(`${r.output}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
  }
  if (failed > 0) {
    process.stderr.write(`classify: ${failed} malformed line${failed === 1 ? '' : 's'} skipped\n`);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
