/**
 * `npm start`: builds Careline, launches Chromium with it loaded and opens the built-in practice
 * feed, so a newcomer sees it work with no social account.
 *   npm start -- --headless     take a screenshot of the practice feed and exit
 *   npm start -- --no-build     use the existing build in .output/chrome-mv3
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { extensionIdOf, freshProfileDir, launchWithExtension, ROOT } from '../e2e/browser';

const args = new Set(process.argv.slice(2));
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const headless = args.has('--headless') || noDisplay;

if (!args.has('--no-build')) {
  console.log('Building Careline…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const profile = path.join(ROOT, '.tmp', 'start-profile');
mkdirSync(profile, { recursive: true });
const context = await launchWithExtension({ userDataDir: headless ? freshProfileDir() : profile, headless, viewport: headless ? { width: 1400, height: 900 } : null });
const extensionId = await extensionIdOf(context);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`chrome-extension://${extensionId}/practice.html`);

if (headless) {
  if (noDisplay && !args.has('--headless')) console.log('No display found: running headless.');
  // Wait for the sidebar to show the first post before the picture.
  const frame = await (async () => {
    for (let i = 0; i < 200; i++) {
      const f = page.frames().find((fr) => fr.url().includes('/sidebar.html'));
      if (f) return f;
      await page.waitForTimeout(50);
    }
    return undefined;
  })();
  await frame?.getByTestId('focused-post').waitFor({ timeout: 15_000 }).catch(() => undefined);
  const shot = path.join(ROOT, '.tmp', 'careline-start.png');
  await page.screenshot({ path: shot });
  console.log(`Careline ${extensionId} is running on the practice feed. Screenshot: ${shot}`);
  await context.close();
} else {
  console.log(`Careline is running (extension ${extensionId}) on the practice feed. Close the browser window to stop.`);
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
}
