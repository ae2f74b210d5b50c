import { useCallback, useEffect, useRef, useState } from 'react';
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { broadcast, listen, sendToTab } from '../../lib/transport';
import { InsertResultSchema, type MessageType, type Payload, type ReadResultSchema } from '../../lib/messaging';
import type { Post } from '../../lib/post';
import type { InsertResult } from '../../lib/sites/types';

export type ReadResult = z.infer<typeof ReadResultSchema>;
export type HostKind = 'site' | 'practice';

export interface PageLink {
  status: 'connecting' | 'connected' | 'error';
  error?: string;
  tabId?: number;
  focus: ReadResult | null;
  queue: Post[];
  /** Increments each time the page reports a reply sent (to refresh log views). */
  sentCount: number;
  lastSent?: { post: Post; replyText: string };
  insert(postId: string, text: string): Promise<InsertResult>;
  reveal(postId: string): Promise<void>;
  readDraft(postId: string): Promise<string | null>;
}

const HelloSchema = z.object({ tabId: z.nullable(z.number()) });

/** The sidebar's link to the page it sits in: the page reports focus, queue and sent replies; the sidebar asks it to insert. */
export function usePageLink(host: HostKind): PageLink {
  const [status, setStatus] = useState<PageLink['status']>('connecting');
  const [error, setError] = useState<string>();
  const [tabId, setTabId] = useState<number>();
  const [focus, setFocus] = useState<ReadResult | null>(null);
  const [queue, setQueue] = useState<Post[]>([]);
  const [sentCount, setSentCount] = useState(0);
  const [lastSent, setLastSent] = useState<PageLink['lastSent']>();
  const tabRef = useRef<number | undefined>(undefined);

  const toPage = useCallback(
    async <T extends MessageType>(type: T, payload: Payload<T>): Promise<unknown> => {
      const id = tabRef.current;
      if (id === undefined) throw new Error('Careline is not connected to this tab yet.');
      // The practice feed is an extension page: it hears runtime broadcasts and keeps its own tab's.
      return host === 'practice' ? broadcast(type, payload) : sendToTab(id, type, payload);
    },
    [host],
  );

  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    (async () => {
      const hello = HelloSchema.safeParse(await browser.runtime.sendMessage({ careline: 1, type: 'sidebar.hello', payload: {} }));
      if (cancelled) return;
      if (!hello.success || hello.data.tabId === null) {
        setStatus('error');
        setError('Careline could not find the tab it is in. Reload the page.');
        return;
      }
      const id = hello.data.tabId;
      tabRef.current = id;
      setTabId(id);
      stop = listen(
        {
          'post.focused': ({ result }) => setFocus(result),
          'queue.update': ({ posts }) => setQueue(posts),
          'reply.sent': ({ post, replyText }) => {
            setLastSent({ post, replyText });
            setSentCount((n) => n + 1);
          },
        },
        (sender) => sender.tab?.id === id && (sender.frameId ?? 0) === 0,
      );
      setStatus('connected');
      await toPage('page.resend', {}).catch(() => undefined);
    })().catch((e: unknown) => {
      setStatus('error');
      setError(`Careline could not connect to this page: ${String((e as Error)?.message ?? e)}`);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [toPage]);

  const insert = useCallback(
    async (postId: string, text: string): Promise<InsertResult> => {
      const parsed = InsertResultSchema.safeParse(await toPage('reply.insert', { postId, text }));
      return parsed.success ? parsed.data : { ok: false, reason: 'The page did not answer.', copiedToClipboard: false };
    },
    [toPage],
  );
  const reveal = useCallback(async (postId: string) => void (await toPage('post.reveal', { postId })), [toPage]);
  const readDraft = useCallback(async (postId: string) => {
    const value = await toPage('draft.read', { postId }).catch(() => null);
    return typeof value === 'string' ? value : null;
  }, [toPage]);

  return { status, error, tabId, focus, queue, sentCount, lastSent, insert, reveal, readDraft };
}
