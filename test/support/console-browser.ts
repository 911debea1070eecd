import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * A minimal browser harness for the console e2e tests of the penalties, auditor and dashboards
 * areas: Debian's chromium through playwright-core (no browser download), a page per test at a
 * given viewport, dev sign-in through the console's own form, screenshots as test artifacts.
 */
export const SCREENSHOTS = join(__dirname, '..', 'artifacts', 'screenshots');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export class ConsoleBrowser {
  private browser: Browser | null = null;

  constructor(private readonly baseUrl: string) {}

  async launch(): Promise<void> {
    this.browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  }

  /** A fresh context (own session storage) signed in as the development user `sub`. */
  async signedIn(sub: string, viewport = DESKTOP): Promise<Page> {
    if (!this.browser) throw new Error('launch() first');
    const context = await this.browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(this.baseUrl);
    await page.getByLabel('用户', { exact: true }).selectOption(sub);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('who').waitFor();
    return page;
  }

  async screenshot(page: Page, name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  }

  async close(): Promise<void> {
    await this.browser?.close();
    this.browser = null;
  }
}
