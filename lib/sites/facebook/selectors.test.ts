import { describe } from 'vitest';
import { testSelectorTable } from '../selector-table';
import { FB_SELECTORS } from './selectors';

const ALL = { feed: 1, 'feed-no-article': 1, 'page-post': 1, 'see-more': 1, broken: 1 };

describe('Facebook selectors match the fixtures', () => {
  testSelectorTable('facebook', FB_SELECTORS, ['feed', 'feed-no-article', 'page-post', 'see-more', 'broken'], {
    // feed: 3 units; the no-article feed has none (its units are found by climbing from postAnchor).
    postUnit: [
      { feed: 3, 'page-post': 1, 'see-more': 1, broken: 3 },
      { feed: 4, 'feed-no-article': 1, 'page-post': 5, 'see-more': 1, broken: 3 },
      { feed: 4, 'feed-no-article': 1, 'page-post': 5, 'see-more': 1, broken: 3 },
    ],
    postAnchor: [
      { feed: 3, 'feed-no-article': 3, 'page-post': 1, 'see-more': 1, broken: 3 },
      { feed: 3, 'feed-no-article': 3, 'page-post': 1, 'see-more': 1, broken: 2 },
    ],
    landmark: [
      { feed: 1, 'feed-no-article': 1, 'see-more': 1, broken: 1 },
      ALL,
      'runtime',
    ],
    // 1 comment per feed page; the Page post has 2 comments and 2 replies (the feed's :has also
    // matches the unit that holds the comment: the adapter filters units out).
    comment: [{ feed: 2, 'feed-no-article': 1, 'page-post': 5 }],
    message: [
      { feed: 3, 'feed-no-article': 3, 'page-post': 1, 'see-more': 1, broken: 2 },
      { feed: 3, 'feed-no-article': 3, 'page-post': 1, 'see-more': 1, broken: 2 },
      { feed: 3, 'feed-no-article': 3, 'page-post': 1, 'see-more': 1, broken: 2 },
    ],
    commentText: [{ feed: 5, 'feed-no-article': 5, 'page-post': 6, 'see-more': 1, broken: 2 }],
    author: [
      { feed: 3, 'feed-no-article': 3, 'page-post': 1, 'see-more': 1, broken: 2 },
      { feed: 3, 'feed-no-article': 3, 'page-post': 1, 'see-more': 1, broken: 2 },
      { feed: 3, 'feed-no-article': 3, 'page-post': 1, 'see-more': 1, broken: 2 },
    ],
    avatar: [{ feed: 4, 'feed-no-article': 4, 'page-post': 6, 'see-more': 1, broken: 3 }, 'runtime'],
    permalink: [
      { feed: 4, 'feed-no-article': 3, 'page-post': 5, 'see-more': 1, broken: 2 },
      { 'feed-no-article': 1 },
      'runtime',
      'runtime',
      'runtime',
    ],
    commentLink: [{ 'page-post': 6 }, { feed: 3, 'feed-no-article': 3, 'page-post': 12 }],
    time: [{ feed: 1 }, 'runtime'],
    seeMore: [{ feed: 14, 'feed-no-article': 14, 'page-post': 13, 'see-more': 5, broken: 12 }],
    composer: ['runtime', 'runtime', 'runtime'],
    commentButton: [
      { feed: 3, 'feed-no-article': 3, 'page-post': 1, 'see-more': 1, broken: 3 },
      { feed: 3, 'feed-no-article': 3, 'page-post': 1, 'see-more': 1, broken: 3 },
    ],
    composerActorLink: [{ feed: 14, 'feed-no-article': 14, 'page-post': 18, 'see-more': 5, broken: 10 }],
    mainColumn: [ALL, { feed: 1, 'feed-no-article': 1, 'see-more': 1, broken: 1 }],
  });
});
