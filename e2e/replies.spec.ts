import { test, expect, sidebarFrame, setProfile, composerText } from './harness';

const X_STATUS = 'https://x.com/maria_g/status/1850000000000000001';

test('a complaint gets an empathetic reply, a blank is filled, Alt+N inserts into Draft.js with the draft kept, the tone check follows edits', async ({ page, context, extensionId }) => {
  await setProfile(context, extensionId, { displayName: 'Jo Smith', initials: 'JS' });
  await page.goto(X_STATUS);
  const frame = await sidebarFrame(page);
  await expect(frame.getByTestId('intent')).toHaveText('complaint');

  const suggestions = frame.getByTestId('suggestion');
  await expect(suggestions.first()).toBeVisible();
  await expect(suggestions.first()).toContainText(/empathetic|apologetic/i);

  // The agent starts a draft and leaves the cursor in the middle of it.
  const composer = page.locator('[data-testid="tweetTextarea_0"]');
  await composer.click();
  await page.keyboard.type('Hello team');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => composerText(page)).toBe('Hello team');

  // A suggestion with a blank (a date) asks for it in the sidebar before inserting.
  const withBlank = suggestions.filter({ hasText: 'no fix yet' });
  await expect(withBlank).toHaveCount(1);
  const index = await suggestions.evaluateAll((els) => els.findIndex((el) => el.textContent?.includes('no fix yet')));
  await page.keyboard.press(`Alt+Digit${index + 1}`);
  const form = frame.getByTestId('blank-form');
  await expect(form).toBeVisible();
  await form.getByRole('button', { name: 'Insert' }).click();
  await expect(form.getByRole('alert')).toBeVisible(); // nothing with an unfilled blank is inserted
  await expect.poll(() => composerText(page)).toBe('Hello team');
  await form.locator('input[type="date"]').fill('2026-12-01');
  await form.getByRole('button', { name: 'Insert' }).click();
  await expect(frame.getByTestId('insert-notice')).toContainText('Inserted');

  const text = await composerText(page);
  expect(text.startsWith('Hello ')).toBe(true);
  expect(text.endsWith('team')).toBe(true);
  expect(text).toContain('^JS');
  expect(text).toMatch(/Dec|12/);
  expect(text).not.toContain('{{');

  // The tone check reads the composer as the agent edits.
  const tone = frame.getByTestId('tone-check');
  await expect(tone.locator('[data-rule="shouting"]')).toHaveCount(0);
  await composer.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' YOU MUST WAIT!!!');
  await expect(tone.locator('[data-rule="shouting"]').first()).toBeVisible();
  await expect(frame.getByTestId('char-count')).toContainText('/ 280');
});

test('Alt+1 from the composer inserts the top suggestion; a stacked second snippet goes in after it', async ({ page, context, extensionId }) => {
  await setProfile(context, extensionId, { displayName: 'Jo Smith', initials: 'JS' });
  await page.goto(X_STATUS);
  const frame = await sidebarFrame(page);
  const first = frame.getByTestId('suggestion').first();
  await expect(first).toBeVisible();
  const composer = page.locator('[data-testid="tweetTextarea_0"]');
  await composer.click();
  await page.keyboard.press('Alt+Digit1');
  await expect(frame.getByTestId('insert-notice')).toContainText('Inserted');
  const once = await composerText(page);
  expect(once).toContain('^JS');
  // Stack a second snippet from the search.
  await frame.getByLabel('Search all templates').fill('DM');
  await frame.getByTestId('search-results').getByTestId('suggestion').first().click();
  await expect.poll(async () => (await composerText(page)).length).toBeGreaterThan(once.length);
  expect((await composerText(page)).startsWith(once.trimEnd().slice(0, 20))).toBe(true);
});
