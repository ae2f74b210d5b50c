/**
 * Detects the moves a reply makes (acknowledge, apologise, thank, answer, move to private messages,
 * escalate) from phrases, with where each first appears, so the scorer can tell the trainee what
 * their reply did and whether it opened with the right move.
 */
import type { FirstMove } from './scenario.ts';

const MOVE_PATTERNS: Record<FirstMove, RegExp[]> = {
  apologise: [
    /\b(?:so |very |really |truly |terribly )?sorry\b/iu,
    /\bapologi[sz](?:e|es|ing)\b|\bapolog(?:y|ies)\b/iu,
    /\b(?:we|i) regret\b/iu,
    /\b(?:our|my) bad\b/iu,
  ],
  acknowledge: [
    /\b(?:we|i) (?:completely |totally |fully |can )?(?:understand|get|hear|see) (?:how|why|that|this|you|the|your)\b/iu,
    /\b(?:understandably|understandable)\b/iu,
    /\bfrustrat(?:ing|ed|ion)\b|\bdisappoint(?:ing|ed|ment)\b|\bannoying\b|\binconvenien(?:t|ce)\b/iu,
    /\b(?:not|isn'?t|wasn'?t) (?:the )?(?:experience|service|what) (?:we|you)\b/iu,
    /\b(?:that'?s|this is|that is) (?:not|no) (?:ok|okay|good|right|acceptable|how)\b/iu,
    /\bshouldn'?t have (?:happened|to)\b/iu,
    /\b(?:hear(?:ing)?|to hear|read(?:ing)?) (?:this|that|about)\b/iu,
    /\bthanks? (?:you )?for (?:letting us know|flagging|raising|reporting|telling us|bringing|your patience|bearing with)\b/iu,
  ],
  thank: [
    /\bthank(?:s| you| u)\b|\bthx\b|\bcheers\b|\bmany thanks\b/iu,
    /\b(?:we|i) (?:really |truly )?appreciate\b/iu,
    /\b(?:glad|happy|great|lovely|delighted|pleased|awesome) to (?:hear|see|know)\b/iu,
    /\b(?:love|loved|loving) (?:to hear|hearing|this|that)\b/iu,
  ],
  answer: [
    /https?:\/\/\S+|\bwww\.\S+|\b[\w-]+\.(?:com|org|net|co|io|help|ly)\/\S*/iu,
    /\b(?:go to|head (?:to|over to)|navigate to|visit|tap|click|select|open|choose|toggle|restart|reinstall|update|sign (?:in|out)|log (?:in|out)|clear (?:the |your )?cache|turn (?:it )?(?:off|on)|check (?:the|your|our|out))\b/iu,
    /\b(?:you can|you'?ll need|you will need|you need to|you'?d need|try|here'?s how|here are|steps?|instructions|the (?:fix|workaround|solution) is|this (?:is|was) (?:because|due)|because|due to|the reason)\b/iu,
    /\b(?:it'?s|it is|they'?re|they are) (?:available|coming|out|live|free|included|not available|down|fixed|working)\b/iu,
    /\b(?:yes|no)[,.!]\s/iu,
    /\b(?:within|in) \d+\s?(?:minutes?|hours?|days?|weeks?|business days)\b|\bby (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight)\b/iu,
    /\b(?:we'?re|we are) (?:aware|looking into|working on|investigating)\b|\bour team is (?:aware|working|investigating)\b/iu,
  ],
  move_to_dm: [
    /\bdms?\b|\bdm'?(?:ed)?\b/iu,
    /\bdirect(?:ly)? message\b|\bprivate(?:ly| message| messages| chat)\b|\bpm (?:us|me)\b/iu,
    /\b(?:message|inbox|messenger) us\b|\bsend us a (?:message|note)\b|\bvia messenger\b|\bour inbox\b|\bin (?:your|our) inbox\b/iu,
    /\bfollow (?:the link|this link)? ?(?:below )?to (?:chat|message)\b/iu,
  ],
  escalate: [
    /\bescalat(?:e|ed|ing|ion)\b/iu,
    /\b(?:passed|passing|pass|forwarded|forwarding|flagged|flagging|raised|raising|referred|referring|shared|sharing|reported) (?:this|it|your \w+|the details) (?:on )?(?:to|with)\b/iu,
    /\b(?:our|the) (?:specialist|specialists|safety|legal|senior|relevant|investigations?|escalations?|product safety|complaints|trust and safety|leadership|management) team\b/iu,
    /\b(?:a|our) (?:manager|supervisor|specialist|team leader|senior (?:agent|advisor|colleague))\b/iu,
    /\bcall (?:you|ya) (?:back|directly|today|shortly)\b/iu,
  ],
};

/** The order moves are listed in explanations. */
export const MOVE_ORDER: readonly FirstMove[] = ['acknowledge', 'apologise', 'thank', 'answer', 'move_to_dm', 'escalate'];

export const MOVE_LABELS: Record<FirstMove, string> = {
  acknowledge: 'acknowledge the problem',
  apologise: 'apologise',
  thank: 'thank them',
  answer: 'answer or give a next step',
  move_to_dm: 'move to private messages',
  escalate: 'escalate (say who takes it on)',
};

/** What a reply did, for "Your reply apologises, …". */
export const MOVE_DONE: Record<FirstMove, string> = {
  acknowledge: 'acknowledges the problem',
  apologise: 'apologises',
  thank: 'thanks them',
  answer: 'answers or gives a next step',
  move_to_dm: 'moves to private messages',
  escalate: 'escalates',
};

export interface DetectedMove {
  move: FirstMove;
  /** Where in the reply the move first appears (index into the text). */
  index: number;
  /** The words that showed it. */
  evidence: string;
}

/** The moves a reply makes, in the order they first appear. */
export function detectMoves(reply: string): DetectedMove[] {
  const found: DetectedMove[] = [];
  for (const move of MOVE_ORDER) {
    let best: DetectedMove | undefined;
    for (const pattern of MOVE_PATTERNS[move]) {
      const match = pattern.exec(reply);
      if (match && (!best || match.index < best.index)) best = { move, index: match.index, evidence: match[0].trim() };
    }
    if (best) found.push(best);
  }
  return found.sort((a, b) => a.index - b.index || MOVE_ORDER.indexOf(a.move) - MOVE_ORDER.indexOf(b.move));
}

/** The moves a reply makes, as a set. */
export function movesIn(reply: string): Set<FirstMove> {
  return new Set(detectMoves(reply).map((d) => d.move));
}

const DELETE_REQUEST =
  /\b(?:delete|remove|take down|hide|edit out)\b[^.!?\n]{0,60}\b(?:tweet|post|comment|message|reply|details|info(?:rmation)?|number|email|address|it|this|that)\b|\b(?:delete|remove|hide) it\b/iu;

/** The reply asks the customer to delete (or hide) what they posted. */
export function asksToDelete(reply: string): boolean {
  return DELETE_REQUEST.test(reply);
}
