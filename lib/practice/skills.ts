/**
 * The parts of a practice score (lib/practice/score.ts), in a module of their own: the dashboard
 * needs their names, not the scorer and the libraries it brings (twitter-text for X's counting).
 */
export const SKILLS = ['speed', 'first_move', 'tone', 'channel_fit', 'personal_data', 'similarity'] as const;
export type Skill = (typeof SKILLS)[number];
