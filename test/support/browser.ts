import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where screenshots of the main screens go (a CI artifact; git-ignored). */
export const SCREENSHOT_DIR = join(__dirname, '..', 'artifacts', 'screenshots');

/**
 * Debian's Chromium driven by playwright-core (no browser download). The flags keep it off the
 * network it cannot reach here; Playwright gives each launch a fresh, temporary profile.
 */
export class ConsoleBrowser {
  private browser?: Browser;
  private readonly contexts: BrowserContext[] = [];

  constructor(private readonly baseUrl: string) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  }

  async start(): Promise<void> {
    this.browser = await chromium.launch({
      executablePath: process.env['YRD_CHROMIUM'] ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }

  /** A new page (own cookies and storage) signed in as a development user through the sign-in screen. */
  async signedIn(user: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const page = await this.newPage(viewport);
    await page.goto(this.baseUrl);
    await page.getByRole('combobox', { name: /^(用户|User)$/ }).selectOption(user);
    await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
    await page.getByTestId('who').waitFor();
    return page;
  }

  async newPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
    if (!this.browser) throw new Error('ConsoleBrowser.start() first');
    const context = await this.browser.newContext({ viewport, locale: 'zh-CN' });
    this.contexts.push(context);
    return context.newPage();
  }

  async screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  }

  async close(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
    await this.browser?.close();
  }
}
