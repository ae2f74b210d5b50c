/**
 * Practice scorer throughput: scoring every real brand reply in the built-in pack against its own
 * scenario, in CPU time, against the sidebar's tone check alone on the same replies (the scorer
 * runs the tone check once, plus move detection, similarity and channel counting).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioPack } from '../../lib/practice/scenario.ts';
import { scoreReply } from '../../lib/practice/score.ts';
import { checkTone } from '../../lib/templates/tone-check.ts';

function perSecond(count: number, fn: () => void, minMs = 1000): number {
  fn(); // warm-up
  let n = 0;
  const start = process.cpuUsage();
  let usedMs = 0;
  while (usedMs < minMs) {
    fn();
    n += count;
    const u = process.cpuUsage(start);
    usedMs = (u.user + u.system) / 1000;
  }
  return Math.round((n * 1000) / usedMs);
}

export async function run(): Promise<Array<[string, string | number]>> {
  const json = readFileSync(join(import.meta.dirname, '../../data/practice/scenarios.json'), 'utf8');
  const parseStart = process.cpuUsage();
  const parsed = parseScenarioPack(json);
  const parse = process.cpuUsage(parseStart);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const cases = parsed.pack.scenarios.filter((s) => s.brandReply).map((s) => ({ scenario: s, reply: s.brandReply ?? '' }));
  const scored = perSecond(cases.length, () => {
    for (const c of cases) scoreReply({ scenario: c.scenario, reply: c.reply, respondedAfterMs: 60_000 });
  });
  const toned = perSecond(cases.length, () => {
    for (const c of cases) checkTone(c.reply, { post: { text: c.scenario.text }, channel: 'x' });
  });
  return [
    ['practice.pack_parse_ms', Math.round((parse.user + parse.system) / 100) / 10],
    ['practice.scored_replies_per_second', scored],
    ['practice.score_vs_tone_check_time_ratio', Math.round((toned / scored) * 100) / 100],
  ];
}
