import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { getDb } from '../lib/db/database';
import { listen, sendToTab } from '../lib/transport';
import { createLogHandlers } from '../lib/worker/log-handlers';
import { loadProfile, privacyItem, PrivacySchema } from '../lib/settings';
import { StorageFullError } from '../lib/db/log';

/** The background worker: the one writer of the database. It can be killed at any moment, so
 * every listener is registered synchronously at start and all state lives in the database. */
export default defineBackground(() => {
  const db = getDb();
  const log = createLogHandlers({
    db,
    loadProfile,
    loadPrivacy: async () => {
      const parsed = PrivacySchema.safeParse(await privacyItem.getValue());
      return parsed.success ? parsed.data : { postText: 'full', keepReplyText: true };
    },
    classify: async () => undefined,
    timing: async (post, at) =>
      post.postedAt ? { responseSeconds: Math.max(0, (at.getTime() - Date.parse(post.postedAt)) / 1000) } : {},
    editDistance: () => 0,
    now: () => new Date(),
  });

  const answer = async <T>(work: () => Promise<T>) => {
    try {
      return { ok: true as const, value: await work() };
    } catch (error) {
      console.error('[Careline]', error);
      const message = error instanceof StorageFullError ? error.message : `Careline could not save this: ${String((error as Error)?.message ?? error)}`;
      return { ok: false as const, error: message };
    }
  };

  listen({
    'sidebar.hello': (_payload, sender) => ({ tabId: sender.tab?.id ?? null, frameId: sender.frameId ?? null }),
    'post.focused': ({ result }) => (result?.ok ? answer(() => log.postFocused(result.post)) : undefined),
    'reply.sent': ({ post, replyText }) => answer(() => log.replySent(post, replyText)),
    'reply.inserted': ({ post, text, templateId }) => answer(() => log.replyInserted(post, text, templateId)),
    'log.markHandled': ({ post, reason, notes }) => answer(() => log.markHandled(post, reason, notes)),
    'classify.correct': (correction) =>
      answer(() => db.corrections.add({ ...correction, createdAt: new Date().toISOString() })),
  });

  const toggleIn = async (tabId: number | undefined) => {
    if (tabId === undefined) return;
    await sendToTab(tabId, 'sidebar.toggle', {}).catch(() => undefined);
  };
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'toggle-sidebar') return;
    const target = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    await toggleIn(target);
  });
  browser.action.onClicked.addListener((tab) => toggleIn(tab.id));
});
