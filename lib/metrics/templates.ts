import type { HandledItem } from '../db/schema';
import { codes, allRows, buildMetricsIndex, type MetricsIndex } from './metrics-index';
import { groupedStats } from './stats';

export interface TemplateEffectiveness {
  templateId: string;
  uses: number;
  /** Median edit distance between the template's text and the reply sent; null if unknown. */
  medianEditDistance: number | null;
  /** Median first response time in seconds (calendar) of the items it was used on. */
  medianResponseSeconds: number | null;
  /** Items with a known sentiment (the agent's correction when there is one)… */
  withSentiment: number;
  /** …and the share of them that were negative; null when none had a sentiment. */
  negativeShare: number | null;
}

const NEGATIVE = codes.SENTIMENT_CODE.get('negative')!;
const NONE = 255;

export function templateEffectivenessOf(index: MetricsIndex, rows: Int32Array): TemplateEffectiveness[] {
  const g = index.templates.keys.length;
  const { template, sentiment, editDistance, resp } = index.item;
  const pairRows = new Int32Array(rows.length);
  const pairGroups = new Int32Array(rows.length);
  const uses = new Int32Array(g);
  const withSentiment = new Int32Array(g);
  const negative = new Int32Array(g);
  let k = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const t = template[i]!;
    if (t < 0) continue;
    pairRows[k] = i;
    pairGroups[k++] = t;
    uses[t]!++;
    const s = sentiment[i]!;
    if (s !== NONE) {
      withSentiment[t]!++;
      if (s === NEGATIVE) negative[t]!++;
    }
  }
  // `uses` counts each template's pairs: no counting pass in the stats.
  const edits = groupedStats(editDistance, pairRows, pairGroups, k, g, uses);
  const times = groupedStats(resp, pairRows, pairGroups, k, g, uses);
  const out: TemplateEffectiveness[] = [];
  for (let t = 0; t < g; t++) {
    if (!uses[t]) continue;
    out.push({
      templateId: index.templates.keys[t]!,
      uses: uses[t]!,
      medianEditDistance: edits[t]!.median,
      medianResponseSeconds: times[t]!.median,
      withSentiment: withSentiment[t]!,
      negativeShare: withSentiment[t]! ? negative[t]! / withSentiment[t]! : null,
    });
  }
  return out.sort((a, b) => b.uses - a.uses || (a.templateId < b.templateId ? -1 : 1));
}

/** Per template: how often, how much edited, how fast, and on how many unhappy customers. */
export function templateEffectiveness(items: readonly HandledItem[]): TemplateEffectiveness[] {
  const index = buildMetricsIndex(items, [], 'UTC');
  return templateEffectivenessOf(index, allRows(index));
}
