import * as z from 'zod/mini';
import { SiteSchema } from '../post';
import { FlagSchema, IntentSchema, SentimentSchema, UrgencySchema } from '../classify/types';

export const ModeSchema = z.enum(['live', 'practice']);
export type Mode = z.infer<typeof ModeSchema>;

export const HandledReasonSchema = z.enum(['replied', 'no_reply_needed', 'moved_to_dm', 'escalated', 'spam']);
export type HandledReason = z.infer<typeof HandledReasonSchema>;

const iso = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO date'));

/**
 * One handled post per agent: the activity log's row.
 * `id` is client-generated and stable (`${agentId}:${site}:${postId}`), so a retry or a second
 * reply never makes a second row, here or on the sync server.
 */
export const HandledItemSchema = z.object({
  id: z.string().check(z.minLength(1)),
  schemaVersion: z.number(),
  site: SiteSchema,
  postId: z.string(),
  permalink: z.string(),
  authorHandle: z.string(),
  authorName: z.string(),
  /** Post text, subject to the privacy setting (full, first 280 characters, or none). */
  text: z.optional(z.string()),
  language: z.optional(z.string()),
  postedAt: z.optional(iso),
  firstSeenAt: z.optional(iso),
  handledAt: iso,
  /** First reply time; stays the first one when the agent replies again. */
  repliedAt: z.optional(iso),
  lastReplyAt: z.optional(iso),
  replyCount: z.number(),
  reason: HandledReasonSchema,
  /** Seconds from postedAt to first reply/handling, calendar and business time. */
  responseSeconds: z.optional(z.number()),
  responseBusinessSeconds: z.optional(z.number()),
  /** Seconds from first seen to first reply/handling. */
  handleSeconds: z.optional(z.number()),
  targetSeconds: z.optional(z.number()),
  targetMet: z.optional(z.boolean()),
  intent: z.optional(IntentSchema),
  sentiment: z.optional(SentimentSchema),
  urgency: z.optional(UrgencySchema),
  flags: z.optional(z.array(FlagSchema)),
  classifierVersion: z.optional(z.string()),
  correctedIntent: z.optional(IntentSchema),
  correctedSentiment: z.optional(SentimentSchema),
  templateId: z.optional(z.string()),
  editDistance: z.optional(z.number()),
  replyText: z.optional(z.string()),
  agentId: z.string(),
  agentName: z.string(),
  mode: ModeSchema,
  notes: z.optional(z.string()),
  tags: z.optional(z.array(z.string())),
  /** Practice mode: the scorer's result, 0–100. */
  practiceScore: z.optional(z.number()),
  /** Practice mode: the session the item belongs to. */
  practiceSessionId: z.optional(z.string()),
  updatedAt: iso,
});
export type HandledItem = z.infer<typeof HandledItemSchema>;

/** A light record of every customer post that was in focus: the response rate's denominator. */
export const SeenRecordSchema = z.object({
  id: z.string(),
  site: SiteSchema,
  postId: z.string(),
  permalink: z.optional(z.string()),
  authorHandle: z.string(),
  authorName: z.optional(z.string()),
  text: z.optional(z.string()),
  postedAt: z.optional(iso),
  firstSeenAt: iso,
  intent: z.optional(IntentSchema),
  sentiment: z.optional(SentimentSchema),
  urgency: z.optional(UrgencySchema),
  flags: z.optional(z.array(FlagSchema)),
  agentId: z.string(),
  mode: ModeSchema,
  handled: z.boolean(),
});
export type SeenRecord = z.infer<typeof SeenRecordSchema>;

/** A pending sync of one item. Leaves the table only once the server acknowledged it. */
export const OutboxRowSchema = z.object({
  /** Auto-increment key, drain order. */
  seq: z.optional(z.number()),
  itemId: z.string(),
  /** Number of attempts so far. */
  attempts: z.number(),
  enqueuedAt: iso,
  /** Set when the server rejected this item; it then waits for a manual retry. */
  rejectedReason: z.optional(z.string()),
});
export type OutboxRow = z.infer<typeof OutboxRowSchema>;

/** An agent's correction of the classifier, used by the local correction layer. */
export const CorrectionSchema = z.object({
  id: z.optional(z.number()),
  text: z.string(),
  /** The handle the post replies to, when the site shows it apart from the text (rows from before it have none). */
  replyTo: z.optional(z.string().check(z.maxLength(200))),
  intent: z.optional(IntentSchema),
  sentiment: z.optional(SentimentSchema),
  createdAt: iso,
});
export type Correction = z.infer<typeof CorrectionSchema>;
