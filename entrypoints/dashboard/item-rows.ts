import { INTENTS } from '../../lib/classify/types';
import type { HandledItem } from '../../lib/db/schema';
import { effectiveIntent } from '../../lib/metrics/filter';
import { labelOf, REASONS, SITES, URGENCIES, type MetricsIndex } from '../../lib/metrics/metrics-index';
import type { ItemRowView } from '../../components/dashboard/ItemTable';

/** A log item as a row of the item list. */
export function itemRowView(it: HandledItem): ItemRowView {
  return {
    id: it.id,
    handledAt: it.handledAt,
    site: it.site,
    loaded: true,
    authorHandle: it.authorHandle,
    text: it.text,
    intent: effectiveIntent(it),
    urgency: it.urgency,
    responseSeconds: it.responseSeconds,
    targetMet: it.targetMet,
    replyCount: it.replyCount,
    reason: it.reason,
    agent: it.agentName || it.agentId,
    templateId: it.templateId,
  };
}

/**
 * Row `r` of an index without rows (the log digest's) as a row of the item list, before the item
 * itself is read: every column but the author and the post. The agent reads as the last name the
 * log gave it (`MetricsIndex.agentNames`), the item's own once it is read.
 */
export function columnRowView(index: MetricsIndex, r: number, id: string): ItemRowView {
  const c = index.item;
  const resp = c.resp[r]!;
  const met = c.met[r]!;
  const handled = c.handledMs[r]!;
  return {
    id,
    handledAt: Number.isNaN(handled) ? '' : new Date(handled).toISOString(),
    site: SITES[c.site[r]!] ?? 'unknown',
    loaded: false,
    intent: labelOf(INTENTS, c.intent[r]!),
    urgency: labelOf(URGENCIES, c.urgency[r]!),
    responseSeconds: Number.isNaN(resp) ? undefined : resp,
    targetMet: met === -1 ? undefined : met === 1,
    replyCount: c.replyCount[r]!,
    reason: REASONS[c.reason[r]!] ?? 'unknown',
    agent: index.agentNames[c.agent[r]!] ?? '',
    templateId: c.template[r]! < 0 ? undefined : index.templates.keys[c.template[r]!],
  };
}
