/**
 * Finding a Chromium and launching it with the built extension. Shared by the e2e harness,
 * `npm start` and the benchmarks.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const EXTENSION_DIR = path.join(ROOT, '.output', 'chrome-mv3');

/**
 * CHROMIUM_PATH wins; then Debian's Chromium binary (the /usr/bin wrapper adds its own
 * --load-extension, so the binary is preferred); else Playwright's own Chromium.
 */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

export function freshProfileDir(prefix = 'careline-profile-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export interface LaunchOptions {
  userDataDir?: string;
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
  extensionDir?: string;
  args?: string[];
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<BrowserContext> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  return chromium.launchPersistentContext(options.userDataDir ?? freshProfileDir(), {
    executablePath: chromiumExecutable(),
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1400, height: 900 } : options.viewport,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      ...(options.args ?? []),
    ],
  });
}

/** The extension's id, from its service worker's URL. */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return new URL(worker.url()).host;
}
