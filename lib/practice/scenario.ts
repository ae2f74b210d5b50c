/**
 * Practice scenarios and scenario packs (zod-first: the types are inferred from these schemas).
 * A pack is a JSON file a team lead can export, edit and import; import is validated and all or
 * nothing, like template packs (lib/templates/import-export.ts), with errors naming the bad entry.
 */
import * as z from 'zod';
import { FLAG_NAMES, INTENTS } from '../classify/types.ts';
import { readPackFile } from '../pack-file.ts';

export const SCENARIO_PACK_FORMAT = 'careline-scenarios';
export const SCENARIO_PACK_VERSION = 1;
export const DEFAULT_MAX_SCENARIO_PACK_BYTES = 2_000_000;
export const MAX_PACK_SCENARIOS = 5000;

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

/** "[2].text" for a zod issue's path, counting list items from 1. */
function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : `.${String(p)}`)).join('').replace(/^\./u, '');
}

/**
 * Reads a scenario pack file. Nothing is imported unless every scenario is valid; errors name each
 * bad entry by number (counting from 1) and id, and the field.
 */
export function parseScenarioPack(json: string, options: { maxBytes?: number } = {}): ParseScenarioPackResult {
  const read = readPackFile<Scenario>(json, {
    format: SCENARIO_PACK_FORMAT,
    version: SCENARIO_PACK_VERSION,
    listKey: 'scenarios',
    noun: 'scenario',
    labelField: 'id',
    maxEntries: MAX_PACK_SCENARIOS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_SCENARIO_PACK_BYTES,
    otherFormats: { 'careline-templates': 'This looks like a template pack: import it on the options page.' },
    parseEntry: (raw) => {
      const result = ScenarioSchema.safeParse(raw);
      if (result.success) return { ok: true, value: result.data, id: result.data.id };
      return {
        ok: false,
        errors: result.error.issues.map((issue) => {
          const where = issuePath(issue.path);
          return `${where ? `${where}: ` : ''}${issue.message}`;
        }),
      };
    },
  });
  if (!read.ok) return read;
  const pack: ScenarioPack = { format: SCENARIO_PACK_FORMAT, version: SCENARIO_PACK_VERSION, scenarios: read.entries };
  if (read.name !== undefined) pack.name = read.name;
  if (read.exportedAt !== undefined) pack.exportedAt = read.exportedAt;
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
