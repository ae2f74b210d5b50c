import { z } from 'zod';

/**
 * The wire schema of one handled item, the server's own copy of HandledItem
 * (lib/db/schema.ts in the extension). It accepts the same items; a root test
 * (lib/sync/wire-schema.test.ts) checks the two agree on sample items.
 * Unknown fields are kept (loose), so a newer extension's optional fields survive a round trip.
 * Length limits are generous and only stop abuse.
 */
const isoDate = z
  .string()
  .max(64)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO date');
const shortText = z.string().max(2_000);
const longText = z.string().max(50_000);

export const SiteSchema = z.enum(['x', 'facebook', 'practice']);
export const IntentSchema = z.enum(['complaint', 'question', 'praise', 'feedback', 'other']);
export const SentimentSchema = z.enum(['negative', 'neutral', 'positive']);
export const UrgencySchema = z.enum(['high', 'normal', 'low']);
export const FlagNameSchema = z.enum(['legal', 'safety', 'churn', 'personal_data', 'abuse', 'repeat_contact', 'press']);
export const ModeSchema = z.enum(['live', 'practice']);
export const HandledReasonSchema = z.enum(['replied', 'no_reply_needed', 'moved_to_dm', 'escalated', 'spam']);

export const WireItemSchema = z.looseObject({
  id: z.string().min(1).max(512),
  schemaVersion: z.number(),
  site: SiteSchema,
  postId: shortText,
  permalink: shortText,
  authorHandle: shortText,
  authorName: shortText,
  text: longText.optional(),
  language: z.string().max(64).optional(),
  postedAt: isoDate.optional(),
  firstSeenAt: isoDate.optional(),
  handledAt: isoDate,
  repliedAt: isoDate.optional(),
  lastReplyAt: isoDate.optional(),
  replyCount: z.number(),
  reason: HandledReasonSchema,
  responseSeconds: z.number().optional(),
  responseBusinessSeconds: z.number().optional(),
  handleSeconds: z.number().optional(),
  targetSeconds: z.number().optional(),
  targetMet: z.boolean().optional(),
  intent: IntentSchema.optional(),
  sentiment: SentimentSchema.optional(),
  urgency: UrgencySchema.optional(),
  flags: z.array(z.object({ name: FlagNameSchema, evidence: z.array(shortText).max(100) })).max(50).optional(),
  classifierVersion: z.string().max(200).optional(),
  correctedIntent: IntentSchema.optional(),
  correctedSentiment: SentimentSchema.optional(),
  templateId: z.string().max(512).optional(),
  editDistance: z.number().optional(),
  replyText: longText.optional(),
  agentId: z.string().max(512),
  agentName: shortText,
  mode: ModeSchema,
  notes: longText.optional(),
  tags: z.array(z.string().max(200)).max(100).optional(),
  practiceScore: z.number().optional(),
  practiceSessionId: z.string().max(512).optional(),
  updatedAt: isoDate,
});
export type WireItem = z.infer<typeof WireItemSchema>;

/** Most items one batch may carry; more is answered 413 so a client halves its batch. */
export const MAX_BATCH_ITEMS = 500;

export const BatchRequestSchema = z.object({ items: z.array(z.unknown()) });

export const ItemResultStatusSchema = z.enum(['created', 'updated', 'duplicate', 'rejected']);
export type ItemResultStatus = z.infer<typeof ItemResultStatusSchema>;

export interface ItemResult {
  /** Position in the request's items array. */
  index: number;
  /** The item's id, or null when the item had no readable id. */
  id: string | null;
  status: ItemResultStatus;
  /** Why, in words, when rejected. */
  reason?: string;
}

export const ListQuerySchema = z.object({
  agentId: z.string().max(512).optional(),
  site: SiteSchema.optional(),
  mode: ModeSchema.optional(),
  reason: HandledReasonSchema.optional(),
  /** handledAt ≥ from (inclusive). */
  from: isoDate.optional(),
  /** handledAt < to (exclusive). */
  to: isoDate.optional(),
  /** updatedAt > updatedSince: for incremental pulls. */
  updatedSince: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(200),
  cursor: z.string().max(1_200).optional(),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

/** A zod error, shortened to one line a person can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'item'}: ${issue.message}`)
    .join('; ');
}
