import { describe, expect, it } from 'vitest';
import { asksToDelete, detectMoves, movesIn } from './first-moves.ts';

describe('detectMoves', () => {
  it.each([
    ['Sorry to hear that!', 'apologise'],
    ['We apologise for the delay.', 'apologise'],
    ['Our apologies for the mix-up.', 'apologise'],
    ['I understand how frustrating this must be.', 'acknowledge'],
    ["That's not the experience we want for you.", 'acknowledge'],
    ['Thanks for letting us know about this.', 'acknowledge'],
    ['Thank you so much for the kind words!', 'thank'],
    ['We really appreciate you taking the time.', 'thank'],
    ['Glad to hear it worked out!', 'thank'],
    ['You can change this in Settings > Privacy.', 'answer'],
    ['Here is how: https://help.example.com/reset', 'answer'],
    ['Try restarting the app and signing in again.', 'answer'],
    ["We're aware of the outage and working on a fix.", 'answer'],
    ['Please send us a DM with the details.', 'move_to_dm'],
    ['Could you message us privately?', 'move_to_dm'],
    ['Drop us a direct message and we will check.', 'move_to_dm'],
    ["I've escalated this to our safety team.", 'escalate'],
    ["We've passed this on to our specialist team.", 'escalate'],
    ['A manager will call you back today.', 'escalate'],
  ] as const)('finds %s as %s', (text, move) => {
    expect(movesIn(text).has(move)).toBe(true);
  });

  it('lists moves in the order they appear', () => {
    const moves = detectMoves("Sorry about this! We've flagged it to our product safety team. Please DM us your order number.").map((d) => d.move);
    expect(moves).toEqual(['apologise', 'escalate', 'move_to_dm']);
  });

  it('finds no move in a bare statement', () => {
    expect(detectMoves('Noted.')).toEqual([]);
  });

  it('does not take "thanks" for an acknowledgement of the problem', () => {
    expect(movesIn('Thanks!').has('acknowledge')).toBe(false);
  });
});

describe('asksToDelete', () => {
  it('recognises a request to delete the post', () => {
    expect(asksToDelete('Please delete this tweet as it shows your email.')).toBe(true);
    expect(asksToDelete('Could you remove the post with your phone number?')).toBe(true);
    expect(asksToDelete('For your safety, please delete it.')).toBe(true);
  });
  it('does not see one where there is none', () => {
    expect(asksToDelete('Please DM us the details.')).toBe(false);
  });
});
