import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results', 'screenshots');

/** Debian's chromium, headless. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * What a page did wrong: console errors, uncaught exceptions, and requests of the console's own
 * assets that failed or answered an error. API answers (4xx by design, such as a refused field)
 * are the page's business and are reported separately.
 */
export class PageWatcher {
  readonly consoleErrors: string[] = [];
  readonly assetFailures: string[] = [];
  readonly apiErrors: string[] = [];

  constructor(page: Page) {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const url = message.location().url ?? '';
      // Chromium logs every API answer of 4xx/5xx as "Failed to load resource"; those are counted as apiErrors below.
      if (message.text().startsWith('Failed to load resource') && url.includes('/v1/')) return;
      this.consoleErrors.push(`${message.text()} (${url})`);
    });
    page.on('pageerror', (error) => this.consoleErrors.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => {
      if (!request.url().includes('/v1/')) this.assetFailures.push(`${request.url()}: ${request.failure()?.errorText}`);
    });
    page.on('response', (response) => {
      const url = response.url();
      if (response.status() < 400) return;
      if (url.includes('/v1/')) this.apiErrors.push(`${response.status()} ${response.request().method()} ${new URL(url).pathname}`);
      else this.assetFailures.push(`${response.status()} ${url}`);
    });
  }
}

/** The whole page, or a region of it (`clip`), as test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), ...(clip ? { clip } : { fullPage: true }) });
}
