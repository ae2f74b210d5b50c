/**
 * Practice scenarios and scenario packs (zod-first: the types are inferred from these schemas).
 * A pack is a JSON file a team lead can export, edit and import; import is validated and all or
 * nothing, like template packs (lib/templates/import-export.ts), with errors naming the bad entry.
 */
import * as z from 'zod';
import { FLAG_NAMES, INTENTS } from '../classify/types.ts';

export const SCENARIO_PACK_FORMAT = 'careline-scenarios';
export const SCENARIO_PACK_VERSION = 1;
export const DEFAULT_MAX_SCENARIO_PACK_BYTES = 2_000_000;
export const MAX_PACK_SCENARIOS = 5000;
/** Errors listed before "…and N more": a pack with hundreds of bad entries needs fixing in bulk anyway. */
const MAX_LISTED_ERRORS = 50;

/**
 * The moves a reply can open with. A scenario lists the ones a good reply makes; the scorer
 * (score.ts) detects them in the trainee's reply from phrases.
 */
export const FIRST_MOVES = ['acknowledge', 'apologise', 'thank', 'answer', 'move_to_dm', 'escalate'] as const;
export const FirstMoveSchema = z.enum(FIRST_MOVES);
export type FirstMove = z.infer<typeof FirstMoveSchema>;

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const DifficultySchema = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof DifficultySchema>;

const MAX_TEXT = 8000;
const text = (what: string) => z.string().trim().min(1, `${what} is empty.`).max(MAX_TEXT, `${what} may be at most ${MAX_TEXT} characters.`);

export const ConversationTurnSchema = z.object({
  from: z.enum(['customer', 'brand']),
  text: text('A conversation message'),
});
export type ConversationTurn = z.infer<typeof ConversationTurnSchema>;

export const ScenarioSchema = z.object({
  /** Unique within a pack; letters, digits and . _ : - */
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/u, 'Use letters, digits and . _ : - (at most 100 characters, starting with a letter or digit).'),
  /** The brand's account name as shown on the site, e.g. "AppleSupport". */
  brand: z.string().trim().min(1, 'Name the brand.').max(100),
  channel: z.enum(['x', 'facebook']),
  customer: z.object({
    name: z.string().trim().min(1, 'Give the customer a display name.').max(100),
    /** Without the leading @. */
    handle: z.string().trim().regex(/^[A-Za-z0-9_.]{1,50}$/u, 'A handle is 1–50 letters, digits, _ or . (without @).'),
  }),
  /** The post the trainee answers. */
  text: text('The post'),
  /** Earlier messages in the thread, oldest first (empty when the post opens the conversation). */
  conversation: z.array(ConversationTurnSchema).max(30, 'At most 30 earlier messages.').default([]),
  /** How old the post is when it appears in the feed: the response timer starts already running. */
  postedMinutesAgo: z.number().min(0, 'Cannot be negative.').max(60 * 24 * 7, 'At most a week (10080 minutes).'),
  difficulty: DifficultySchema,
  expected: z.object({
    intent: z.enum(INTENTS),
    flags: z.array(z.enum(FLAG_NAMES)).default([]),
    /** Urgency the response target is taken from (missing: normal). */
    urgency: z.enum(['high', 'normal', 'low']).optional(),
    firstMoves: z.array(FirstMoveSchema).min(1, 'List at least one expected first move.'),
  }),
  /** The reply the brand actually sent, shown beside the trainee's as a reference. */
  brandReply: z.string().trim().min(1).max(MAX_TEXT).optional(),
  source: z.object({
    /** "ibm-twitter-customer-care", "synthetic", or the team's own name for its history. */
    dataset: z.string().trim().min(1, 'Name the dataset (or "own").').max(100),
    conversationId: z.string().trim().min(1).max(200),
    /** What was changed or added, e.g. for synthetic variants. */
    note: z.string().max(500).optional(),
  }),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

export const ScenarioPackSchema = z.object({
  format: z.literal(SCENARIO_PACK_FORMAT),
  version: z.literal(SCENARIO_PACK_VERSION),
  name: z.string().max(120).optional(),
  exportedAt: z.string().optional(),
  scenarios: z.array(ScenarioSchema),
});
export type ScenarioPack = z.infer<typeof ScenarioPackSchema>;

export type ParseScenarioPackResult = { ok: true; pack: ScenarioPack } | { ok: false; errors: string[] };

/** A scenario the feed treats as an escalation: the expected reply passes it on. */
export function isEscalation(scenario: Pick<Scenario, 'expected'>): boolean {
  return scenario.expected.firstMoves.includes('escalate');
}

function byteLength(json: string): number {
  return new TextEncoder().encode(json).length;
}

function describeEntry(raw: unknown, index: number): string {
  const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : '';
  const shown = id.length > 60 ? `${id.slice(0, 59)}…` : id;
  return shown ? `Scenario ${index + 1} (“${shown}”)` : `Scenario ${index + 1}`;
}

function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : `.${String(p)}`)).join('').replace(/^\./u, '');
}

/**
 * Reads a scenario pack file. Nothing is imported unless every scenario is valid; errors name each
 * bad entry by number (counting from 1) and id, and the field.
 */
export function parseScenarioPack(json: string, options: { maxBytes?: number } = {}): ParseScenarioPackResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SCENARIO_PACK_BYTES;
  // Checked before parsing, so a huge file costs no parse.
  if (json.length > maxBytes || byteLength(json) > maxBytes) {
    return { ok: false, errors: [`The file is larger than ${Math.round(maxBytes / 1000).toLocaleString('en')} KB. Split it into smaller packs.`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`The file is not valid JSON (${detail}). Was it exported from Careline?`] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: [`The file is not a Careline scenario pack: expected an object with "format": "${SCENARIO_PACK_FORMAT}".`] };
  }
  const record = data as Record<string, unknown>;
  if (record.format !== SCENARIO_PACK_FORMAT) {
    const hint = record.format === 'careline-templates' ? ' This looks like a template pack: import it on the options page.' : '';
    return { ok: false, errors: [`The file is not a Careline scenario pack: "format" should be "${SCENARIO_PACK_FORMAT}".${hint}`] };
  }
  if (typeof record.version !== 'number') return { ok: false, errors: ['The pack has no "version" number.'] };
  if (record.version > SCENARIO_PACK_VERSION) {
    return {
      ok: false,
      errors: [`This pack is version ${record.version}, made by a newer Careline (this one reads up to ${SCENARIO_PACK_VERSION}). Update Careline first.`],
    };
  }
  if (record.version !== SCENARIO_PACK_VERSION) return { ok: false, errors: [`Pack version ${record.version} is not one Careline knows.`] };
  if (!Array.isArray(record.scenarios)) return { ok: false, errors: ['The pack has no "scenarios" list.'] };
  if (record.scenarios.length === 0) return { ok: false, errors: ['The pack holds no scenarios.'] };
  if (record.scenarios.length > MAX_PACK_SCENARIOS) {
    return { ok: false, errors: [`The pack holds ${record.scenarios.length} scenarios; at most ${MAX_PACK_SCENARIOS} can be imported at once.`] };
  }
  if (record.name !== undefined && (typeof record.name !== 'string' || record.name.length > 120)) {
    return { ok: false, errors: ['The pack\'s "name" must be a text of at most 120 characters.'] };
  }

  const errors: string[] = [];
  const scenarios: Scenario[] = [];
  const seenIds = new Map<string, number>();
  record.scenarios.forEach((raw: unknown, index: number) => {
    const label = describeEntry(raw, index);
    const result = ScenarioSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const where = issuePath(issue.path);
        errors.push(`${label}: ${where ? `${where}: ` : ''}${issue.message}`);
      }
      return;
    }
    const earlier = seenIds.get(result.data.id);
    if (earlier !== undefined) {
      errors.push(`${label}: id: "${result.data.id}" is already used by scenario ${earlier + 1}. Each scenario needs its own id.`);
      return;
    }
    seenIds.set(result.data.id, index);
    scenarios.push(result.data);
  });
  if (errors.length > 0) {
    const listed = errors.slice(0, MAX_LISTED_ERRORS);
    if (errors.length > MAX_LISTED_ERRORS) listed.push(`…and ${errors.length - MAX_LISTED_ERRORS} more problems.`);
    return { ok: false, errors: listed };
  }
  const pack: ScenarioPack = { format: SCENARIO_PACK_FORMAT, version: SCENARIO_PACK_VERSION, scenarios };
  if (typeof record.name === 'string') pack.name = record.name;
  if (typeof record.exportedAt === 'string') pack.exportedAt = record.exportedAt;
  return { ok: true, pack };
}

/**
 * Writes scenarios as a pack file (pretty-printed JSON that {@link parseScenarioPack} reads back).
 * Without `now` no export time is written, so the same scenarios give the same bytes.
 */
export function serializeScenarioPack(scenarios: readonly Scenario[], options: { name?: string; now?: Date } = {}): string {
  const pack: ScenarioPack = {
    format: SCENARIO_PACK_FORMAT,
    version: SCENARIO_PACK_VERSION,
    ...(options.name ? { name: options.name } : {}),
    ...(options.now ? { exportedAt: options.now.toISOString() } : {}),
    scenarios: [...scenarios],
  };
  return `${JSON.stringify(pack, null, 2)}\n`;
}
