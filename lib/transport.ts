/**
 * Sending and receiving protocol messages over the extension's runtime messaging.
 * Each receiver validates with `parseMessage`; invalid messages are dropped and reported once to the console.
 */
import { browser } from 'wxt/browser';
import { makeMessage, parseMessage, type Message, type MessageType, type Payload, type SenderInfo } from './messaging';

export type Handler<T extends MessageType> = (payload: Payload<T>, sender: SenderInfo) => unknown;
export type Handlers = { [T in MessageType]?: Handler<T> };

function extensionOrigin(): string {
  return new URL(browser.runtime.getURL('/')).origin + '/';
}

/**
 * Registers one runtime.onMessage listener that routes by type. Messages this context has no
 * handler for get no answer (the listener returns undefined), so other contexts can answer them.
 * `accept` can narrow further who is heard (the sidebar only hears its own tab).
 */
export function listen(handlers: Handlers, accept: (sender: SenderInfo, message: Message) => boolean = () => true): () => void {
  const listener = (raw: unknown, sender: SenderInfo): Promise<unknown> | undefined => {
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(type in handlers)) return undefined;
    const parsed = parseMessage(raw, sender, browser.runtime.id, extensionOrigin());
    if (!parsed.ok) {
      console.warn('[Careline] dropped a message:', parsed.error);
      return undefined;
    }
    if (!accept(sender, parsed.message)) return undefined;
    const handler = handlers[parsed.message.type] as Handler<MessageType>;
    return Promise.resolve()
      .then(() => handler(parsed.message.payload, sender))
      .then((value) => value ?? null);
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/** To the background worker and every extension page (the sidebar filters by tab). */
export async function broadcast<T extends MessageType>(type: T, payload: Payload<T>): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(makeMessage(type, payload));
  } catch (error) {
    // No receiver (sidebar not open yet, worker waking up): not an error for a broadcast.
    if (String(error).includes('Receiving end does not exist')) return undefined;
    throw error;
  }
}

/** To the page side of one tab (the content script in its top frame). */
export async function sendToTab<T extends MessageType>(tabId: number, type: T, payload: Payload<T>): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, makeMessage(type, payload), { frameId: 0 });
}
