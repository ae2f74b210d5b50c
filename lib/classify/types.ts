import * as z from 'zod/mini';

export const IntentSchema = z.enum(['complaint', 'question', 'praise', 'feedback', 'other']);
export type Intent = z.infer<typeof IntentSchema>;
export const INTENTS = IntentSchema.options;

export const SentimentSchema = z.enum(['negative', 'neutral', 'positive']);
export type Sentiment = z.infer<typeof SentimentSchema>;
export const SENTIMENTS = SentimentSchema.options;

export const UrgencySchema = z.enum(['high', 'normal', 'low']);
export type Urgency = z.infer<typeof UrgencySchema>;

export const FlagNameSchema = z.enum(['legal', 'safety', 'churn', 'personal_data', 'abuse', 'repeat_contact', 'press']);
export type FlagName = z.infer<typeof FlagNameSchema>;
export const FLAG_NAMES = FlagNameSchema.options;

export const FlagSchema = z.object({
  name: FlagNameSchema,
  /** The words or spans in the text that raised the flag. */
  evidence: z.array(z.string()),
});
export type Flag = z.infer<typeof FlagSchema>;

export const ClassificationSchema = z.object({
  /** False when the language is not one the model knows: labels are then not guesses. */
  classified: z.boolean(),
  language: z.string(),
  intent: IntentSchema,
  sentiment: SentimentSchema,
  urgency: UrgencySchema,
  /** The rule that set the urgency, in words. */
  urgencyRule: z.string(),
  flags: z.array(FlagSchema),
  scores: z.object({
    intent: z.record(IntentSchema, z.number()),
    sentiment: z.record(SentimentSchema, z.number()),
  }),
  /** The few words or rules that weighed most, for the sidebar. */
  reasons: z.array(z.string()),
  /** Model version, stored with every logged item. */
  version: z.string(),
});
export type Classification = z.infer<typeof ClassificationSchema>;
