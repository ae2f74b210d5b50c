/**
 * A bounded memo of classifications for one correction layer. The sidebar re-sorts its queue
 * every second (the timers move), and a page re-renders its posts often; classifyPost is
 * deterministic, so a post whose text, language tag and layer have not changed keeps its answer.
 * One cache per layer: a new layer (a correction, a reset) starts an empty cache.
 */
import { classifyPost, type ClassifyInput, type CorrectionLayer } from './classify-post';
import type { Classification } from './types';

export class ClassificationCache {
  private readonly entries = new Map<string, Classification>();

  constructor(
    private readonly layer?: CorrectionLayer,
    /** The most classifications kept; the oldest read goes first. */
    readonly capacity = 2000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** classifyPost(input, { corrections: layer }), computed once per text and language tag. */
  classify(input: ClassifyInput): Classification {
    const key = `${input.lang ?? ''}\u0000${input.replyTo ?? ''}\u0000${input.text ?? ''}`;
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Read again: move it to the young end, so that the posts on screen stay.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const c = classifyPost(input, { corrections: this.layer });
    this.entries.set(key, c);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return c;
  }
}
