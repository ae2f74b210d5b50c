/**
 * The one typed protocol between Careline's contexts.
 *
 * Every message is `{ careline: 1, type, payload }`. Each type has a zod schema for its payload,
 * checked on receipt, and a rule for who may send it. Content scripts read untrusted pages, so
 * nothing they send is believed before it parses. Nothing here listens to `window.postMessage`.
 */
import * as z from 'zod/mini';
import { PostSchema } from './post';
import { CorrectionSchema, HandledReasonSchema } from './db/schema';
import { SidebarStateQuerySchema } from './worker/sidebar-state';
import { SyncConfigureSchema } from './worker/sync-wiring';

const ReadFailureSchema = z.object({
  field: z.enum(['root', 'id', 'text', 'author', 'time', 'permalink', 'composer']),
  message: z.string().check(z.maxLength(500)),
});

export const ReadResultSchema = z.union([
  z.object({ ok: z.literal(true), post: PostSchema }),
  z.object({ ok: z.literal(false), failure: ReadFailureSchema }),
]);

export const InsertResultSchema = z.union([
  z.object({ ok: z.literal(true), text: z.string() }),
  z.object({ ok: z.literal(false), reason: z.string(), copiedToClipboard: z.boolean() }),
]);

/** Who sends a message: a page-side script (content script or the practice page), the sidebar, or any extension page. */
export type Origin = 'page' | 'extension';

const def = <S extends z.ZodMiniType>(from: Origin, payload: S) => ({ from, payload });

/** The protocol map: message type → sender kind and payload schema. */
export const PROTOCOL = {
  // Page (content script / practice page) → sidebar and background (broadcast with runtime.sendMessage).
  'post.focused': def('page', z.object({ url: z.string(), result: z.nullable(ReadResultSchema) })),
  'queue.update': def('page', z.object({ url: z.string(), posts: z.array(PostSchema).check(z.maxLength(5000)) })),
  'reply.sent': def('page', z.object({ post: PostSchema, replyText: z.string().check(z.maxLength(70000)), sentAt: z.string() })),
  'page.hello': def('page', z.object({ url: z.string() })),
  /** The agent pressed Alt+N in the page: insert suggestion N. */
  'suggestion.shortcut': def('page', z.object({ index: z.number().check(z.int(), z.gte(1), z.lte(9)) })),

  // Sidebar → page (tabs.sendMessage to the sidebar's own tab, top frame).
  'reply.insert': def('extension', z.object({ postId: z.string(), text: z.string().check(z.maxLength(70000)) })),
  'post.reveal': def('extension', z.object({ postId: z.string() })),
  'draft.read': def('extension', z.object({ postId: z.string() })),
  /** The sidebar (re)started: send the focused post and the queue again. */
  'page.resend': def('extension', z.object({})),
  // Background → page.
  'sidebar.toggle': def('extension', z.object({})),
  'sidebar.collapse': def('extension', z.object({ collapsed: z.boolean() })),

  // Extension pages → background.
  'sidebar.hello': def('extension', z.object({})),
  'reply.inserted': def('extension', z.object({ post: PostSchema, templateId: z.optional(z.string()), text: z.string() })),
  'log.markHandled': def(
    'extension',
    z.object({ post: PostSchema, reason: HandledReasonSchema, notes: z.optional(z.string().check(z.maxLength(2000))) }),
  ),
  /** A correction as the corrections table stores it, less the fields the background adds. */
  'classify.correct': def('extension', z.omit(CorrectionSchema, { id: true, createdAt: true })),
  'sync.now': def('extension', z.object({})),
  /** Options: save the sync settings (the token goes to the background's store, never to storage.local). */
  'sync.configure': def('extension', SyncConfigureSchema),
  'sync.status': def('extension', z.object({})),
  'sync.test': def('extension', z.object({ endpoint: z.string().check(z.maxLength(2000)), token: z.optional(z.string().check(z.maxLength(2000))) })),
  'sync.retry': def('extension', z.object({ seqs: z.optional(z.array(z.number())) })),
  /** Background → pages: the log changed (a reply or a "handled" was written). */
  'log.updated': def('extension', z.object({ site: z.string(), postId: z.string() })),
  /** Practice mode: the scorer's result for the trainee's reply to a scenario post. */
  'practice.scored': def(
    'extension',
    z.object({ post: PostSchema, score: z.number().check(z.gte(0), z.lte(100)), sessionId: z.string().check(z.maxLength(200)) }),
  ),
  /** The sidebar's view of the database for the focused and queued posts (see lib/worker/sidebar-state.ts). */
  'sidebar.state': def('extension', SidebarStateQuerySchema),
} as const;

export type MessageType = keyof typeof PROTOCOL;
export type Payload<T extends MessageType> = z.infer<(typeof PROTOCOL)[T]['payload']>;
export type Message<T extends MessageType = MessageType> = { careline: 1; type: T; payload: Payload<T> };

export function makeMessage<T extends MessageType>(type: T, payload: Payload<T>): Message<T> {
  return { careline: 1, type, payload };
}

/** What a receiver knows of the sender (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type ParseResult =
  | { ok: true; message: Message }
  | { ok: false; error: string };

/**
 * Checks a raw message: its shape, that its type is known, that the payload matches the type's
 * schema, and that the sender is allowed to send it.
 */
export function parseMessage(raw: unknown, sender: SenderInfo, ownId: string, extensionOrigin: string): ParseResult {
  if (typeof raw !== 'object' || raw === null || (raw as { careline?: unknown }).careline !== 1) {
    return { ok: false, error: 'not a Careline message' };
  }
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(PROTOCOL, type)) return { ok: false, error: `unknown type ${String(type)}` };
  if (sender.id !== ownId) return { ok: false, error: 'sender is another extension' };
  const spec = PROTOCOL[type as MessageType];
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
  if (spec.from === 'extension' && !fromExtensionPage) return { ok: false, error: `${type} must come from an extension page` };
  const parsed = spec.payload.safeParse(payload);
  if (!parsed.success) return { ok: false, error: `${type}: ${z.prettifyError(parsed.error)}` };
  return { ok: true, message: { careline: 1, type: type as MessageType, payload: parsed.data } as Message };
}
