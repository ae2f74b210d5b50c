import type { WireItem } from './schema';

/** Export columns, in order: the fields a supervisor charts or audits. */
export const CSV_COLUMNS = [
  'id', 'agentId', 'agentName', 'mode', 'site', 'postId', 'permalink', 'authorHandle', 'authorName',
  'handledAt', 'postedAt', 'firstSeenAt', 'repliedAt', 'lastReplyAt', 'replyCount', 'reason',
  'responseSeconds', 'responseBusinessSeconds', 'handleSeconds', 'targetSeconds', 'targetMet',
  'intent', 'sentiment', 'urgency', 'flags', 'correctedIntent', 'correctedSentiment', 'classifierVersion',
  'templateId', 'editDistance', 'language', 'tags', 'notes', 'text', 'replyText', 'practiceScore',
  'practiceSessionId', 'updatedAt',
] as const;

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvRow(item: WireItem): string {
  return `${CSV_COLUMNS.map((column) => csvCell(cellValue(item, column))).join(',')}\r\n`;
}

function cellValue(item: WireItem, column: (typeof CSV_COLUMNS)[number]): string {
  switch (column) {
    case 'flags':
      return (item.flags ?? []).map((f) => f.name).join(';');
    case 'tags':
      return (item.tags ?? []).join(';');
    default: {
      const value = (item as Record<string, unknown>)[column];
      return value === undefined || value === null ? '' : String(value);
    }
  }
}

/**
 * RFC 4180 quoting, plus a leading apostrophe on text a spreadsheet would run as a formula:
 * post and reply text come from strangers on the internet.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
