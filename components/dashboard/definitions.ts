/**
 * What each figure means, shown beside it in the dashboard (as Zendesk and Chatwoot do) and
 * repeated in docs/dashboard.md. Keep the two in step.
 */
export const DEFINITIONS = {
  volume: 'Items handled: posts an agent replied to or marked handled, by when they were handled.',
  responseRate:
    'Share of customer posts an agent had in focus or in the queue ("seen") that got a reply or were marked handled. Denominator: seen records in the date range.',
  firstResponse:
    'Time from the customer\u2019s post to the first reply (or to marking it handled). Median, mean and 90th percentile; business time counts only the team\u2019s opening hours.',
  withinTarget: 'Share of items with a response target whose first response met it.',
  handleTime: 'Time from when the agent first saw the post to the first reply or handling.',
  repliesPerItem: 'Replies sent per item that got at least one reply.',
  withoutReply: 'Items marked handled without a reply, by reason (no reply needed, moved to DM, escalated, spam).',
  buckets: 'Items by first response time: 0–1 h, 1–4 h, 4–8 h, 8–24 h, 24 h+ (lower bound included).',
  heatmap: 'When customers post versus when they are answered, by weekday and hour in your time zone.',
  templates:
    'Per template: uses, median edit distance between the template and the reply sent, median first response, and the share of its items whose customer sentiment was negative.',
  agreement: 'How often agents corrected the classifier\u2019s label: correction rate per predicted label, and the most frequent corrections.',
} as const;
