/**
 * Scores a trainee's reply with the same inputs the sidebar uses: the classifier's view of the
 * post, the agent's signature and signing rule from the profile, the team's response targets.
 */
import { classifyPost } from '../../lib/classify/classify-post';
import type { Classification } from '../../lib/classify/types';
import { scoreReply, type ScoreResult } from '../../lib/practice/score';
import type { Scenario } from '../../lib/practice/scenario';
import type { SlaSettings } from '../../lib/sla/settings';
import type { Profile } from '../../lib/settings';

export interface ScoringContext {
  profile: Pick<Profile, 'initials' | 'teamSigns'>;
  sla: SlaSettings;
}

export function signatureFor(profile: Pick<Profile, 'initials'>): string | undefined {
  return profile.initials ? `^${profile.initials}` : undefined;
}

/** The classifier's view, or none: a scenario is still scored (on its own labels) if the classifier fails. */
function classifySafely(text: string): Classification | undefined {
  try {
    return classifyPost({ text });
  } catch (error) {
    console.warn('[Careline] the classifier failed on a practice post; scoring with the scenario labels', error);
    return undefined;
  }
}

export function scorePracticeReply(scenario: Scenario, reply: string, respondedAfterMs: number, ctx: ScoringContext): ScoreResult {
  const classification = classifySafely(scenario.text);
  const signature = signatureFor(ctx.profile);
  return scoreReply({
    scenario,
    reply,
    respondedAfterMs,
    channel: scenario.channel,
    // A post the classifier could not read (another language) is scored on the scenario's own labels.
    ...(classification?.classified ? { classification } : {}),
    ...(signature ? { signature } : {}),
    teamSigns: ctx.profile.teamSigns,
    slaSettings: ctx.sla,
  });
}
