import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { buildSite, copyContent } from './site';
import { serveStatic } from './staticServer';

export interface BuiltSite {
  /** The copy of the seed's content folder the site was built from. */
  content(): string;
  outDir(): string;
  /** The served site's origin, without a trailing slash. */
  url(): string;
  browser(): Browser;
  /** A fresh page for the current test (only when `page` options were given). */
  page(): Page;
}

/**
 * Mocha hooks for a suite that drives one built site: the seed's content copied and
 * changed by `prepare`, built with `notepress build`, served statically, and a Chromium;
 * with `page`, a new page for each test. Everything is removed afterwards.
 */
export function useBuiltSite(o: { prefix: string; prepare?: (content: string) => void; page?: BrowserContextOptions }): BuiltSite {
  let content: string | undefined;
  let outDir: string | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  before(async () => {
    content = copyContent();
    o.prepare?.(content);
    outDir = mkdtempSync(path.join(os.tmpdir(), `notepress-${o.prefix}-`));
    const build = await buildSite(content, outDir);
    assert.equal(build.code, 0, build.output);
    server = await serveStatic(outDir);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (content) rmSync(content, { recursive: true, force: true });
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });
  if (o.page) {
    beforeEach(async () => {
      page = await browser!.newPage(o.page);
    });
    afterEach(async () => page?.close());
  }

  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`the built site's ${what} is not ready (its before hook failed)`);
    return v;
  };
  return {
    content: () => need(content, 'content'),
    outDir: () => need(outDir, 'output folder'),
    url: () => need(server, 'server').url,
    browser: () => need(browser, 'browser'),
    page: () => need(page, 'page'),
  };
}
