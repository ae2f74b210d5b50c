import type { WireItem } from '../src/schema';

/** A valid handled item, as the extension would send it. */
export function sampleItem(overrides: Partial<WireItem> & { n?: number } = {}): WireItem {
  const { n = 1, ...rest } = overrides;
  const agentId = rest.agentId ?? 'agent-a';
  const handledAt = new Date(Date.UTC(2026, 10, 1, 9, 0, 0) + n * 60_000).toISOString();
  return {
    id: `${agentId}:x:${1000 + n}`,
    schemaVersion: 1,
    site: 'x',
    postId: String(1000 + n),
    permalink: `https://x.com/customer/status/${1000 + n}`,
    authorHandle: 'customer',
    authorName: 'A Customer',
    text: 'My order has not arrived',
    handledAt,
    repliedAt: handledAt,
    replyCount: 1,
    reason: 'replied',
    responseSeconds: 300,
    intent: 'complaint',
    sentiment: 'negative',
    urgency: 'normal',
    flags: [{ name: 'churn', evidence: ['cancel'] }],
    agentId,
    agentName: 'Agent A',
    mode: 'live',
    updatedAt: handledAt,
    ...rest,
  };
}
