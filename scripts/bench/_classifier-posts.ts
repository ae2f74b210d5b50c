/**
 * The posts the classifier bench times, repeated: the hand-labelled brand-directed set and
 * TweetEval validation. Shared by the bench and `npm run bench:ab`. (Files starting with _ are
 * not benches.)
 */
import { loadBrandEval, loadSentimentVal } from '../../lib/classify/training-data';

export function classifierBenchPosts(): string[] {
  return [...loadBrandEval().map((b) => b.text), ...loadSentimentVal().map((s) => s.text)];
}
