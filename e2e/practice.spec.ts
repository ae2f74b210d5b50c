/**
 * The practice feed (issue 8): a session end to end with the real sidebar and the real Draft.js
 * composer, the log keeping practice apart from live work, pack import, and what `npm start` shows.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { freshProfileDir } from './browser';
import { expect, openExtensionPage, sidebarFrame, test } from './harness';

const QUICK = 'practice.html?session=quick3&seed=1';
const X_STATUS = 'https://x.com/maria_g/status/1850000000000000001';

interface LoggedItem {
  postId: string;
  site: string;
  mode: string;
  practiceScore?: number;
  practiceSessionId?: string;
  replyText?: string;
  authorHandle: string;
}

/** The log as stored (read from an extension page: the database lives in the extension origin). */
async function loggedItems(page: Page): Promise<LoggedItem[]> {
  return page.evaluate(
    () =>
      new Promise<LoggedItem[]>((resolve, reject) => {
        const open = indexedDB.open('careline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('items')) return resolve([]);
          const req = db.transaction('items').objectStore('items').getAll();
          req.onsuccess = () => {
            resolve(req.result as LoggedItem[]);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** The trainee's profile (templates sign with the initials), written as the options page would. */
async function setProfile(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await openExtensionPage(context, extensionId, 'dashboard.html');
  await page.evaluate(async () => {
    const profile = { agentId: 'agent-e2e', displayName: 'Alex Brown', initials: 'AB', brandName: '', teamSigns: true, ownHandles: [] };
    await (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ profile });
  });
  await page.close();
}

/** A suggestion with blanks asks for them first (which one comes first depends on the classifier): fill them. */
async function fillBlanksIfAsked(frame: Frame): Promise<void> {
  const form = frame.getByTestId('blank-form');
  const notice = frame.getByTestId('insert-notice');
  await expect(form.or(notice).first()).toBeVisible();
  if (!(await form.isVisible())) return;
  for (const input of await form.locator('input, select').all()) {
    const tag = await input.evaluate((el) => `${el.tagName}:${(el as HTMLInputElement).type}`);
    if (tag === 'SELECT:select-one') await input.selectOption({ index: 1 });
    else if (tag.endsWith(':date')) await input.fill('2026-12-01');
    else await input.fill('tomorrow morning');
  }
  await form.getByRole('button', { name: 'Insert' }).click();
}

const timelinePosts = (page: Page) => page.locator('[data-testid="primaryColumn"] [data-testid="cellInnerDiv"] article[data-testid="tweet"]');

/** Answers one feed post the way a trainee does: focus it, pick a suggestion, press Reply. */
async function answerWithSuggestion(page: Page, frame: Frame, article: ReturnType<Page['locator']>): Promise<{ text: string; reply: string; total: number }> {
  const text = (await article.getByTestId('tweetText').innerText()).trim();
  await article.getByTestId('tweetText').click();
  await expect(frame.getByTestId('focused-post')).toContainText(text.slice(0, 40));
  const suggestion = frame.getByTestId('suggestion').first();
  await expect(suggestion).toBeVisible();
  await suggestion.click();
  await fillBlanksIfAsked(frame);
  await expect(frame.getByTestId('insert-notice')).toBeVisible();
  // The adapter opened X's reply dialog for this post and pasted into the real Draft.js editor.
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('tweetText')).toHaveText(text);
  const editor = dialog.locator('[data-testid="tweetTextarea_0"][contenteditable="true"]');
  await expect(editor).not.toHaveText('');
  const reply = (await editor.innerText()).trim();
  expect(reply.length).toBeGreaterThan(10);
  await expect(dialog.getByTestId('tweetButton')).toBeEnabled();
  await dialog.getByTestId('tweetButton').click();
  await expect(page.getByTestId('toast')).toContainText('Your post was sent');
  await expect(dialog).toHaveCount(0);
  const cell = page.locator('[data-post-id]').filter({ has: page.getByText(text, { exact: true }) });
  const card = cell.getByTestId('score-card');
  await expect(card).toBeVisible();
  // Every rubric part is explained, and the brand's real reply sits beside the trainee's.
  expect(await card.getByTestId('score-part').count()).toBeGreaterThanOrEqual(5);
  for (const part of await card.getByTestId('score-part').all()) expect((await part.innerText()).length).toBeGreaterThan(30);
  await expect(card.getByTestId('brand-reply')).toContainText('a reference, not the only right answer');
  const total = Number(await card.getByTestId('score-total').innerText());
  expect(total).toBeGreaterThanOrEqual(0);
  expect(total).toBeLessThanOrEqual(100);
  return { text, reply, total };
}

test.describe('practice feed', () => {
  test('a 3-post session end to end: suggestion inserted into Draft.js, posted, scored, summary; practice stays out of the live list', async ({ context, extensionId, page }) => {
    test.setTimeout(120_000);
    await setProfile(context, extensionId);
    // One live item first, so "not in the live list" is checked against a list that shows items.
    await page.goto(X_STATUS);
    const xFrame = await sidebarFrame(page);
    await expect(xFrame.getByTestId('post-text')).toContainText('my order #4417 never arrived');
    await xFrame.getByRole('button', { name: 'Mark handled' }).click();
    await expect(xFrame.getByTestId('handled-state')).toBeVisible();

    const practice = await openExtensionPage(context, extensionId, QUICK);
    const frame = await sidebarFrame(practice);
    await expect(frame.getByTestId('focused-post')).toBeVisible();
    await expect(timelinePosts(practice)).toHaveCount(3);
    await expect(practice.getByTestId('session-status')).toContainText('0 of 3 answered');

    const answered: Array<{ text: string; reply: string; total: number }> = [];
    for (let i = 0; i < 3; i++) {
      // Customer posts only (the trainee's replies are posts too, in the same timeline).
      const article = practice.locator('[data-post-id] > [data-testid="cellInnerDiv"] article').nth(i);
      answered.push(await answerWithSuggestion(practice, frame, article));
      await expect(practice.getByTestId('session-status')).toContainText(`${i + 1} of 3 answered`);
    }

    const summary = practice.getByTestId('session-summary');
    await expect(summary).toBeVisible();
    const average = Number(await summary.getByTestId('summary-average').innerText());
    expect(average).toBeCloseTo(answered.reduce((a, r) => a + r.total, 0) / 3, 0);
    await expect(summary.getByTestId('summary-skill')).toHaveCount(6);

    // The log: one practice item per post, with the score shown on the page.
    const dashboard = await openExtensionPage(context, extensionId, 'dashboard.html');
    await expect.poll(async () => (await loggedItems(dashboard)).filter((it) => it.mode === 'practice' && typeof it.practiceScore === 'number').length, { timeout: 15_000 }).toBe(3);
    const items = await loggedItems(dashboard);
    const practiceItems = items.filter((it) => it.mode === 'practice');
    expect(practiceItems.every((it) => it.site === 'practice')).toBe(true);
    expect(practiceItems.map((it) => it.practiceScore).sort()).toEqual(answered.map((a) => a.total).sort());
    expect(new Set(practiceItems.map((it) => it.practiceSessionId)).size).toBe(1);
    // The session's summary was kept for the progress view.
    const sessions = await dashboard.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('careline');
          open.onsuccess = () => {
            const req = open.result.transaction('practiceSessions').objectStore('practiceSessions').count();
            req.onsuccess = () => resolve(req.result);
          };
        }),
    );
    expect(sessions).toBe(1);

    // The live dashboard lists the live item and none of the practice ones.
    await dashboard.reload();
    await expect(dashboard.getByTestId('log-row').first()).toBeVisible();
    const rows = await dashboard.getByTestId('log-row').allInnerTexts();
    expect(rows.some((r) => r.includes('maria_g'))).toBe(true);
    const practiceHandles = practiceItems.map((it) => it.authorHandle);
    for (const row of rows) for (const handle of practiceHandles) expect(row).not.toContain(`@${handle}`);
  });

  test('npm start: the page with no parameters shows posts and the sidebar focuses one without a click', async ({ context, extensionId }) => {
    const practice = await openExtensionPage(context, extensionId, 'practice.html');
    const frame = await sidebarFrame(practice);
    await expect(frame.getByTestId('focused-post')).toBeVisible();
    await expect(timelinePosts(practice)).toHaveCount(3);
    const first = (await timelinePosts(practice).first().getByTestId('tweetText').innerText()).trim();
    await expect(frame.getByTestId('post-text')).toHaveText(first);
    await expect(practice.getByRole('note').first()).toContainText('quick look');
    // A fresh profile has no initials: the page says where to set them.
    await expect(practice.getByTestId('profile-notice')).toContainText('options');
  });

  test('keyboard: r opens the reply dialog on the focused post, Alt+1 inserts a suggestion from the composer, Escape keeps the draft', async ({ context, extensionId }) => {
    await setProfile(context, extensionId);
    const practice = await openExtensionPage(context, extensionId, QUICK);
    const frame = await sidebarFrame(practice);
    await expect(frame.getByTestId('suggestion').first()).toBeVisible();
    const article = timelinePosts(practice).first();
    await article.focus();
    await practice.keyboard.press('r');
    const dialog = practice.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const editor = dialog.locator('[data-testid="tweetTextarea_0"][contenteditable="true"]');
    await expect(editor).toBeFocused();
    await practice.keyboard.press('Alt+1');
    await fillBlanksIfAsked(frame);
    await expect(frame.getByTestId('insert-notice')).toBeVisible();
    await expect(editor).not.toHaveText('');
    const draft = await editor.innerText();
    await editor.focus(); // a blank form may have taken focus into the sidebar
    await practice.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await article.getByTestId('reply').click();
    await expect(practice.getByRole('dialog').locator('[data-testid="tweetTextarea_0"]')).toHaveText(draft);
  });

  test('a timed shift counts down, lets new posts in, and ends at 15 minutes with the unanswered posts to retry', async ({ context, extensionId }) => {
    const practice = await context.newPage();
    await practice.clock.install();
    await practice.goto(`chrome-extension://${extensionId}/practice.html?session=shift15&difficulty=medium&seed=3`);
    await expect(timelinePosts(practice)).toHaveCount(3);
    const timer = practice.getByRole('timer');
    await expect(timer).toContainText(/1[45]:\d\d left/);
    // Posts arrive as a random stream (a mean gap of 70 s at medium; which gaps depends on the
    // pack and the seed): let minutes pass until some have arrived.
    const more = practice.getByTestId('show-new-posts');
    let minutes = 0;
    while (minutes < 10) {
      await practice.clock.runFor('01:00');
      minutes++;
      // The feed renders on its own tick: give it a moment before the next minute.
      if (await expect(more).toBeVisible({ timeout: 500 }).then(() => true, () => false)) break;
    }
    await expect(more).toBeVisible();
    await expect(timer).toContainText(`${15 - minutes - 1}:`);
    const arrived = Number(/Show (\d+)/.exec(await more.innerText())?.[1]);
    expect(arrived).toBeGreaterThan(0);
    await more.click();
    await expect(timelinePosts(practice)).toHaveCount(3 + arrived);
    await practice.clock.runFor((15 - minutes) * 60_000 + 5_000);
    const summary = practice.getByTestId('session-summary');
    await expect(summary).toBeVisible();
    await expect(summary).toContainText('No reply was scored');
    await expect(timer).toContainText('0:00 left');
    const toRetry = await summary.getByTestId('retry-list').locator('li').count();
    // Every post that arrived in the shift went unanswered (at most 10 are offered).
    expect(toRetry).toBeGreaterThanOrEqual(Math.min(10, 3 + arrived));
    expect(toRetry).toBeLessThanOrEqual(10);
    await summary.getByRole('button', { name: `Retry these (${toRetry})` }).click();
    await expect(practice.getByTestId('session-status')).toContainText(new RegExp(`Retry.*0 of ${toRetry} answered`));
    await expect(timelinePosts(practice)).toHaveCount(3);
  });

  test('pack import is all or nothing with the problems listed; a good pack runs a session', async ({ context, extensionId }) => {
    const dir = freshProfileDir('careline-pack-');
    const scenario = (id: string, minutes: number) => ({
      id,
      brand: 'AcmeHelp',
      channel: 'x',
      customer: { name: 'Sam R.', handle: 'sam_r' },
      text: `@AcmeHelp my parcel ${id} was due Monday and still nothing. Really fed up.`,
      conversation: [],
      postedMinutesAgo: minutes,
      difficulty: 'easy',
      expected: { intent: 'complaint', flags: [], urgency: 'normal', firstMoves: ['apologise', 'move_to_dm'] },
      brandReply: "@sam_r Sorry it's late, Sam. DM us your order number and we'll chase it. ^AB",
      source: { dataset: 'acme-2025', conversationId: `case-${id}` },
    });
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'careline-scenarios', version: 1, scenarios: [scenario('acme-1', 5), scenario('acme-2', -3)] }));
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ format: 'careline-scenarios', version: 1, name: 'Acme returns', scenarios: [1, 2, 3, 4].map((n) => scenario(`acme-${n}`, n)) }));

    const practice = await openExtensionPage(context, extensionId, QUICK);
    await expect(timelinePosts(practice)).toHaveCount(3);
    await practice.getByRole('button', { name: 'New session' }).click();
    const picker = practice.getByTestId('session-picker');
    await expect(picker).toBeVisible();

    await picker.getByTestId('pack-import').setInputFiles(bad);
    const result = picker.getByTestId('import-result');
    await expect(result).toContainText('Nothing was imported');
    await expect(result).toContainText('Scenario 2 (“acme-2”): postedMinutesAgo: Cannot be negative.');
    await expect(picker.getByLabel(/Imported: none yet/)).toBeDisabled();

    await picker.getByTestId('pack-import').setInputFiles(good);
    await expect(result).toContainText('Imported “Acme returns”: 4 scenarios');
    await picker.getByLabel(/Imported: Acme returns \(4 scenarios\)/).check();
    await picker.getByLabel(/Quick look/).check();
    await picker.getByRole('button', { name: 'Start session' }).click();
    await expect(timelinePosts(practice)).toHaveCount(3);
    await expect(timelinePosts(practice).first()).toContainText('@AcmeHelp my parcel acme-');
    await expect(practice).toHaveURL(/pack=imported/);

    // Export gives back a pack the importer reads.
    await practice.getByRole('button', { name: 'New session' }).click();
    const download = practice.waitForEvent('download');
    await practice.getByRole('button', { name: 'Export the imported pack' }).click();
    const file = await (await download).path();
    const exported = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(file, 'utf8'))) as { format: string; scenarios: unknown[] };
    expect(exported.format).toBe('careline-scenarios');
    expect(exported.scenarios).toHaveLength(4);
  });
});
