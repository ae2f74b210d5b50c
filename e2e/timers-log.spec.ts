import { test, expect, sidebarFrame, setProfile, serveRewrittenFixture, openExtensionPage } from './harness';

const X_STATUS = 'https://x.com/maria_g/status/1850000000000000001';

async function readItems(context: import('@playwright/test').BrowserContext, extensionId: string) {
  const page = await openExtensionPage(context, extensionId, 'dashboard.html');
  const items = await page.evaluate(
    () =>
      new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const open = indexedDB.open('careline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('items').objectStore('items').getAll();
          req.onsuccess = () => resolve(req.result as Array<Record<string, unknown>>);
          req.onerror = () => reject(req.error);
        };
      }),
  );
  await page.close();
  return items;
}

test('an urgent post 12 minutes old is due soon (15-minute target on X); a reply sent is logged once with its response time; a second reply updates the same item', async ({ page, context, extensionId }) => {
  await setProfile(context, extensionId, { displayName: 'Jo Smith', initials: 'JS' });
  // "My order never arrived. Third time asking": a complaint from a customer who has been in
  // touch before (the repeat-contact rule, not how negative the model finds it, so that a
  // retrained model cannot move it), high urgency: 15 minutes on X, due soon after 75 % of it
  // (11 min 15 s).
  const postedAt = new Date(Date.now() - 12 * 60_000).toISOString();
  await serveRewrittenFixture(context, X_STATUS, 'x/status.html', (html) => {
    const rewritten = html.replace('2026-11-20T09:15:00.000Z', postedAt).replace('never arrived ', 'never arrived. Third time asking ');
    if (!rewritten.includes('Third time asking')) throw new Error('fixture text changed: "never arrived " not found');
    return rewritten;
  });
  await page.goto(X_STATUS);
  const frame = await sidebarFrame(page);
  const timer = frame.getByTestId('sla-timer');
  await expect(timer).toHaveAttribute('data-state', 'due_soon');
  await expect(timer).toContainText('left');

  await page.locator('[data-testid="tweetTextarea_0"]').click();
  await page.keyboard.press('Alt+Digit1');
  await expect(frame.getByTestId('insert-notice')).toContainText('Inserted');
  const sentAt = Date.now();
  await page.locator('[data-testid="tweetButtonInline"]').click();
  await expect(page.locator('[data-testid="toast"]')).toContainText('Your post was sent');
  await expect(frame.getByTestId('handled-state')).toContainText('1 reply');

  let items = await readItems(context, extensionId);
  expect(items).toHaveLength(1);
  const item = items[0]!;
  expect(item.postId).toBe('1850000000000000001');
  expect(item.replyCount).toBe(1);
  expect(item.mode).toBe('live');
  expect(item.templateId).toEqual(expect.any(String));
  expect(item.urgency).toBe('high');
  expect(item.targetSeconds).toBe(900);
  expect(item.targetMet).toBe(true);
  const expected = (sentAt - Date.parse(postedAt)) / 1000;
  expect(item.responseSeconds as number).toBeGreaterThanOrEqual(expected - 5);
  expect(item.responseSeconds as number).toBeLessThanOrEqual(expected + 120);
  const firstRepliedAt = item.repliedAt;

  // A second reply to the same post: still one item, two replies, the first response stays first.
  await page.locator('[data-testid="tweetTextarea_0"]').click();
  await page.keyboard.type('One more thing: we have sent a replacement. ^JS');
  await page.locator('[data-testid="tweetButtonInline"]').click();
  await expect(frame.getByTestId('handled-state')).toContainText('2 replies');
  items = await readItems(context, extensionId);
  expect(items).toHaveLength(1);
  expect(items[0]!.replyCount).toBe(2);
  expect(items[0]!.repliedAt).toBe(firstRepliedAt);
  expect(items[0]!.lastReplyAt).not.toBe(firstRepliedAt);
});
