import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { getDb } from '../lib/db/database';
import { broadcast, listen, sendToTab } from '../lib/transport';
import { createLogHandlers } from '../lib/worker/log-handlers';
import { sidebarState } from '../lib/worker/sidebar-state';
import { loadProfile, privacyItem, PrivacySchema } from '../lib/settings';
import { seenIdFor, StorageFullError } from '../lib/db/log';
import { buildCorrectionLayer, classifyPost, type CorrectionLayer } from '../lib/classify';
import { editDistance } from '../lib/templates/edit-distance';
import { DEFAULT_SLA_SETTINGS, SlaSettingsSchema } from '../lib/sla/settings';
import { responseFigures } from '../lib/sla/status';
import { slaSettingsItem, syncSettingsItem, SyncSettingsSchema } from '../lib/settings';
import { createSyncWiring, SYNC_ALARM, SYNC_RETRY_ALARM } from '../lib/worker/sync-wiring';

/** The background worker: the one writer of the database. It can be killed at any moment, so
 * every listener is registered synchronously at start and all state lives in the database. */
export default defineBackground(() => {
  const db = getDb();
  // The agent's corrections adjust classification here as in the sidebar. Options may add or reset
  // them directly, so the layer is rebuilt whenever the table's size or newest row changes.
  let layer: { key: string; value: CorrectionLayer } | undefined;
  const correctionLayer = async (): Promise<CorrectionLayer> => {
    const [count, last] = await Promise.all([db.corrections.count(), db.corrections.orderBy(':id').last()]);
    const key = `${count}:${last?.id ?? ''}`;
    if (layer?.key !== key) layer = { key, value: buildCorrectionLayer(await db.corrections.toArray()) };
    return layer.value;
  };
  const sync = createSyncWiring({
    db,
    loadSettings: async () => {
      const parsed = SyncSettingsSchema.safeParse(await syncSettingsItem.getValue());
      return parsed.success ? parsed.data : { enabled: false, endpoint: '' };
    },
    saveSettings: (settings) => syncSettingsItem.setValue(settings),
    hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    scheduleAlarm: (name, whenMs) => void browser.alarms.create(name, { when: whenMs }),
  });
  // A new item starts a pass soon; several items in a burst share one pass.
  let syncSoon: ReturnType<typeof setTimeout> | undefined;
  const afterWrite = (item: { site: string; postId: string }) => {
    void broadcast('log.updated', { site: item.site, postId: item.postId }).catch(() => undefined);
    requestSync();
  };
  const requestSync = () => {
    clearTimeout(syncSoon);
    syncSoon = setTimeout(() => void sync.service.syncNow().catch((e: unknown) => console.warn('[Careline] sync', e)), 500);
  };

  const log = createLogHandlers({
    db,
    loadProfile,
    loadPrivacy: async () => {
      const parsed = PrivacySchema.safeParse(await privacyItem.getValue());
      return parsed.success ? parsed.data : { postText: 'full', keepReplyText: true };
    },
    classify: async (post) => classifyPost({ text: post.text, lang: post.lang, replyTo: post.inReplyToHandle }, { corrections: await correctionLayer() }),
    timing: async (post, at, classification) => {
      const parsed = SlaSettingsSchema.safeParse(await slaSettingsItem.getValue());
      const seen = await db.seen.get(seenIdFor((await loadProfile()).agentId, post));
      const figures = responseFigures({
        postedAtMs: post.postedAt ? Date.parse(post.postedAt) : undefined,
        firstSeenAtMs: seen ? Date.parse(seen.firstSeenAt) : undefined,
        respondedAtMs: at.getTime(),
        site: post.site,
        urgency: classification?.urgency,
        settings: parsed.success ? parsed.data : DEFAULT_SLA_SETTINGS,
      });
      return {
        responseSeconds: figures.responseSeconds,
        responseBusinessSeconds: figures.responseBusinessSeconds,
        targetSeconds: figures.targetSeconds,
        targetMet: figures.targetMet,
      };
    },
    editDistance,
    now: () => new Date(),
    afterWrite,
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
    'sidebar.state': async (query) => sidebarState(db, (await loadProfile()).agentId, query, new Date()),
    'post.focused': ({ result }) => (result?.ok ? answer(() => log.postFocused(result.post)) : undefined),
    'reply.sent': ({ post, replyText }) => answer(() => log.replySent(post, replyText)),
    'reply.inserted': ({ post, text, templateId }) => answer(() => log.replyInserted(post, text, templateId)),
    'practice.scored': ({ post, score, sessionId }) => answer(() => log.practiceScored(post, score, sessionId)),
    'log.markHandled': ({ post, reason, notes }) => answer(() => log.markHandled(post, reason, notes)),
    'sync.now': () => sync.service.syncNow({ force: true }),
    'sync.status': () => sync.statusReport(),
    'sync.configure': (input) =>
      answer(async () => {
        await sync.configure(input);
        if (input.enabled) requestSync();
      }),
    'sync.test': ({ endpoint, token }) => sync.test(endpoint, token),
    'sync.retry': ({ seqs }) => sync.service.retrySetAside(seqs),
    'classify.correct': (correction) =>
      answer(async () => {
        await db.corrections.add({ ...correction, createdAt: new Date().toISOString() });
      }),
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

  // Sync's clock: a periodic alarm (Chrome's 30 s minimum) and one-off retries after a backoff.
  void browser.alarms.get(SYNC_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === SYNC_RETRY_ALARM) void sync.service.syncNow().catch(() => undefined);
  });
  browser.permissions.onAdded.addListener(() => requestSync());
});
