import { describe } from 'vitest';
import { testSelectorTable } from '../selector-table';
import { X_SELECTORS } from './selectors';

const ALL8 = { status: 1, home: 1, notifications: 1, profile: 1, search: 1, quote: 1, 'legacy-testids': 1, broken: 1 };
const POSTS = { status: 4, home: 14, notifications: 2, profile: 3, search: 2, quote: 5, broken: 2 };

describe('X selectors match the fixtures', () => {
  testSelectorTable('x', X_SELECTORS, ['status', 'home', 'notifications', 'profile', 'search', 'quote', 'legacy-testids', 'broken'], {
    // 14 home posts, 2 mentions (the like notification is not a post), 3 quote-page posts, 3 broken.
    post: [
      { status: 4, home: 14, notifications: 2, profile: 3, search: 2, quote: 3, broken: 3 },
      { status: 4, home: 14, notifications: 2, profile: 3, search: 2, quote: 3, 'legacy-testids': 3, broken: 3 },
    ],
    quote: [{ status: 1, quote: 2 }, 'runtime'], // status: the badge link inside User-Name (not a card)
    // quote page: 3 outer + 2 quoted texts; broken: one post lost its text.
    text: [POSTS, { ...POSTS, 'legacy-testids': 3 }],
    media: [{ quote: 2 }, { quote: 1 }, { status: 1 }],
    userName: [{ ...POSTS, broken: 3 }, { 'legacy-testids': 3 }],
    avatar: [
      { status: 4, home: 14, notifications: 2, profile: 3, search: 2, quote: 5, 'legacy-testids': 3, broken: 3 },
      { status: 4, home: 14, notifications: 2, profile: 3, search: 2, quote: 5, 'legacy-testids': 3, broken: 3 },
    ],
    // quoted posts' times are not links: 3 linked on the quote page, 5 in all.
    time: [
      { status: 4, home: 14, notifications: 2, profile: 3, search: 2, quote: 3, 'legacy-testids': 3, broken: 2 },
      { status: 4, home: 14, notifications: 2, profile: 3, search: 2, quote: 5, 'legacy-testids': 3, broken: 2 },
    ],
    statusLink: [{ status: 7, home: 28, notifications: 4, profile: 6, search: 4, quote: 7, 'legacy-testids': 6, broken: 6 }],
    replyingToLink: [
      { status: 25, home: 74, notifications: 16, profile: 19, search: 15, quote: 19, 'legacy-testids': 18, broken: 18 },
      { status: 25, home: 74, notifications: 16, profile: 19, search: 15, quote: 19, 'legacy-testids': 18, broken: 18 },
    ],
    replyButton: [{ status: 4, home: 14, notifications: 2, profile: 3, search: 2, quote: 3, 'legacy-testids': 3, broken: 3 }],
    composer: ['runtime', 'runtime', 'runtime'],
    composerDialog: ['runtime'],
    sendButton: [{ status: 1 }, 'runtime'],
    toastLink: ['runtime', 'runtime'],
    toastLayer: [ALL8, 'runtime'],
    ownProfileLink: [ALL8],
    timelineRoot: [ALL8, ALL8],
    notification: [{ notifications: 1 }],
  });
});
