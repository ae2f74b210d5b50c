/**
 * The template model (zod-first: the types are inferred from these schemas), its packs, and the
 * migrations from older stored or exported versions.
 */
import * as z from 'zod';
import { FLAG_NAMES, INTENTS, SENTIMENTS } from '../classify/types.ts';
import { usedVariables, validateTemplateBody } from './render.ts';

export const TEMPLATE_SCHEMA_VERSION = 2;
export const PACK_FORMAT = 'careline-templates';
export const PACK_VERSION = 1;

export const TONES = ['empathetic', 'apologetic', 'grateful', 'informative', 'formal', 'casual'] as const;
export const ToneSchema = z.enum(TONES);
export type Tone = z.infer<typeof ToneSchema>;

/** A channel a template body is written for. `any` serves every channel without its own body. */
export const BODY_CHANNELS = ['x', 'facebook', 'any'] as const;
export type BodyChannel = (typeof BODY_CHANNELS)[number];
/** Where a reply is written: the sites, and the practice feed (which follows X's rules). */
export type ReplyChannel = 'x' | 'facebook' | 'practice';

const TemplateIntentSchema = z.enum(INTENTS);
const TemplateSentimentSchema = z.enum(SENTIMENTS);
const TemplateFlagSchema = z.enum(FLAG_NAMES);

export const MAX_BODY_CHARS = 8000;

export const BlankSchema = z
  .object({
    /** Used in bodies as {{blank.<key>}}. */
    key: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/u, 'Use letters, digits and _ (starting with a letter), at most 40 characters.'),
    /** What the sidebar's form asks, e.g. "Order number". */
    label: z.string().trim().min(1, 'Give the blank a label the agent will see.').max(80),
    kind: z.enum(['text', 'choice', 'date']),
    /** The choices of a `choice` blank. */
    options: z.array(z.string().trim().min(1).max(120)).max(30).optional(),
    required: z.boolean().default(true),
    /** Shown under the field, e.g. "As on the receipt". */
    hint: z.string().max(200).optional(),
  })
  .superRefine((blank, ctx) => {
    if (blank.kind === 'choice' && (!blank.options || blank.options.length < 2)) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'A choice blank needs at least two options.' });
    }
    if (blank.kind !== 'choice' && blank.options && blank.options.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Only a choice blank has options.' });
    }
  });
export type Blank = z.infer<typeof BlankSchema>;
export type BlankInput = z.input<typeof BlankSchema>;

const BodySchema = z.string().max(MAX_BODY_CHARS, `A body may be at most ${MAX_BODY_CHARS} characters.`);

export const TemplateBodiesSchema = z.object({
  x: BodySchema.optional(),
  facebook: BodySchema.optional(),
  any: BodySchema.optional(),
});
export type TemplateBodies = z.infer<typeof TemplateBodiesSchema>;

const uniqueList = <T extends z.ZodType>(item: T) => z.array(item).max(50);

export const TemplateSchema = z
  .object({
    id: z.string().trim().min(1).max(100),
    schemaVersion: z.literal(TEMPLATE_SCHEMA_VERSION),
    name: z.string().trim().min(1, 'Give the template a name.').max(120),
    bodies: TemplateBodiesSchema,
    /** Intents the template fits; empty fits any intent. */
    intents: uniqueList(TemplateIntentSchema).default([]),
    /** Sentiments it fits; empty fits any. */
    sentiments: uniqueList(TemplateSentimentSchema).default([]),
    /** Classifier flags it is written for (a legal holding reply: ['legal']); empty for ordinary posts. */
    flags: uniqueList(TemplateFlagSchema).default([]),
    tones: uniqueList(ToneSchema).min(1, 'Pick at least one tone.'),
    tags: uniqueList(z.string().trim().min(1).max(40)).default([]),
    /** BCP-47 language tag of the text, e.g. `en`, `en-GB`, `de`. */
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u, 'Use a language tag such as en, en-GB or de.')
      .default('en'),
    /** Typed in the sidebar's search to pick the template at once, e.g. `/thanks`. */
    shortcut: z
      .string()
      .regex(/^\/?[\p{L}\p{N}_-]{1,32}$/u, 'A shortcut is one word (letters, digits, - or _), optionally starting with /.')
      .optional(),
    blanks: z.array(BlankSchema).max(10).default([]),
    /** Shipped with Careline (the default pack); editing makes a copy the user owns. */
    builtIn: z.boolean().optional(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
  })
  .superRefine((template, ctx) => {
    const bodies = Object.entries(template.bodies).filter(([, body]) => typeof body === 'string' && body.trim() !== '');
    if (bodies.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['bodies'], message: 'Write a body for X, for Facebook, or one for both.' });
    }
    for (const [channel, body] of bodies) {
      for (const message of validateTemplateBody(body ?? '', template.blanks)) {
        ctx.addIssue({ code: 'custom', path: ['bodies', channel], message });
      }
    }
    const keys = template.blanks.map((b) => b.key);
    keys.forEach((key, i) => {
      if (keys.indexOf(key) !== i) ctx.addIssue({ code: 'custom', path: ['blanks', i, 'key'], message: `The blank key "${key}" is used twice.` });
    });
    const usedBlanks = new Set(bodies.flatMap(([, body]) => usedVariables(body ?? '').blanks));
    template.blanks.forEach((blank, i) => {
      if (!usedBlanks.has(blank.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['blanks', i, 'key'],
          message: `The blank "${blank.key}" is not used in any body: add {{blank.${blank.key}}} or remove the blank.`,
        });
      }
    });
  });
export type Template = z.infer<typeof TemplateSchema>;
/** A template as written by hand or stored: defaults may be left out. */
export type TemplateInput = z.input<typeof TemplateSchema>;

export const TemplatePackSchema = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  name: z.string().max(120).optional(),
  exportedAt: z.string().optional(),
  templates: z.array(TemplateSchema),
});
export type TemplatePack = z.infer<typeof TemplatePackSchema>;

/** The body to use on a channel: the channel's own, else the shared one. Practice follows X. */
export function templateBodyFor(template: Pick<Template, 'bodies'>, channel: ReplyChannel): string | undefined {
  const own = channel === 'facebook' ? template.bodies.facebook : template.bodies.x;
  if (own && own.trim()) return own;
  const shared = template.bodies.any;
  return shared && shared.trim() ? shared : undefined;
}

/** Turns a zod error into one line per problem: `bodies.x: Line 1, column 4: Unknown variable …`. */
export function describeZodError(error: z.ZodError): string[] {
  return error.issues.map((item) => {
    const path = item.path.map(String).join('.');
    return path ? `${path}: ${item.message}` : item.message;
  });
}

// ---------------------------------------------------------------------------------------------
// Migrations. Version 1 (Careline 0.0.x, before this module) stored one body for every channel,
// one intent and one tone, tags as a comma-separated string, and short variable names
// ({{name}}, {{first_name}}, {{handle}}, {{agent}}, {{initials}}, {{brand}}, {{link}}, {{date}},
// {{ref}}). Version 2 is the current schema.
// ---------------------------------------------------------------------------------------------

const TemplateV1Schema = z.object({
  version: z.literal(1),
  id: z.string().min(1),
  name: z.string(),
  text: z.string(),
  channel: z.enum(['x', 'facebook', 'any']).default('any'),
  intent: TemplateIntentSchema.nullish(),
  sentiment: TemplateSentimentSchema.nullish(),
  tone: ToneSchema.default('informative'),
  tags: z.union([z.string(), z.array(z.string())]).default(''),
  lang: z.string().default('en'),
  shortcut: z.string().optional(),
});
export type TemplateV1 = z.input<typeof TemplateV1Schema>;

const V1_VARIABLES: Record<string, string> = {
  name: 'customer.name',
  first_name: 'customer.firstName',
  handle: 'customer.handle',
  agent: 'agent.name',
  initials: 'agent.initials',
  brand: 'brand.name',
  link: 'post.link',
  date: 'date.today',
  ref: 'case.reference',
};

function migrateV1Body(text: string): string {
  return text.replace(/\{\{\s*([A-Za-z_]+)\s*\}\}/gu, (whole, name: string) => {
    const renamed = V1_VARIABLES[name];
    return renamed ? `{{${renamed}}}` : whole;
  });
}

function migrateV1(v1: z.infer<typeof TemplateV1Schema>): TemplateInput {
  const tags = (Array.isArray(v1.tags) ? v1.tags : v1.tags.split(','))
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  const body = migrateV1Body(v1.text);
  const shortcut = v1.shortcut?.trim();
  return {
    id: v1.id,
    schemaVersion: 2,
    name: v1.name,
    bodies: { [v1.channel]: body },
    intents: v1.intent ? [v1.intent] : [],
    sentiments: v1.sentiment ? [v1.sentiment] : [],
    flags: [],
    tones: [v1.tone],
    tags: [...new Set(tags)],
    language: v1.lang,
    ...(shortcut ? { shortcut } : {}),
    blanks: [],
  };
}

export type MigrationResult = { ok: true; template: Template } | { ok: false; errors: string[] };

function versionOf(raw: Record<string, unknown>): number | undefined {
  if (typeof raw.schemaVersion === 'number') return raw.schemaVersion;
  if (typeof raw.version === 'number') return raw.version;
  return undefined;
}

/** Migrates and validates one stored or imported template, reporting problems instead of throwing. */
export function tryMigrateTemplate(raw: unknown): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: ['A template must be a JSON object.'] };
  }
  const record = raw as Record<string, unknown>;
  const version = versionOf(record);
  let input: unknown = raw;
  if (version === 1) {
    const v1 = TemplateV1Schema.safeParse(raw);
    if (!v1.success) return { ok: false, errors: describeZodError(v1.error).map((e) => `(version 1) ${e}`) };
    input = migrateV1(v1.data);
  } else if (version === undefined) {
    return { ok: false, errors: ['schemaVersion: missing. Export the template again from Careline.'] };
  } else if (version > TEMPLATE_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [`schemaVersion: ${version} was made by a newer Careline (this one reads up to ${TEMPLATE_SCHEMA_VERSION}). Update Careline first.`],
    };
  } else if (version !== TEMPLATE_SCHEMA_VERSION) {
    return { ok: false, errors: [`schemaVersion: ${version} is not a template version Careline knows.`] };
  }
  const parsed = TemplateSchema.safeParse(input);
  if (!parsed.success) {
    // Positions then refer to the migrated body, so say so.
    const prefix = version === 1 ? '(migrated from version 1) ' : '';
    return { ok: false, errors: describeZodError(parsed.error).map((e) => prefix + e) };
  }
  return { ok: true, template: parsed.data };
}

export class TemplateMigrationError extends Error {
  constructor(readonly errors: string[]) {
    super(`This template can't be read: ${errors.join('; ')}`);
    this.name = 'TemplateMigrationError';
  }
}

/** Migrates a stored template of any known version to the current one. Throws {@link TemplateMigrationError}. */
export function migrateTemplate(raw: unknown): Template {
  const result = tryMigrateTemplate(raw);
  if (!result.ok) throw new TemplateMigrationError(result.errors);
  return result.template;
}
