import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { serveStatic } from '../helpers/staticServer';
import { buildSite, copyContent, REPO } from '../helpers/site';
import { attachmentFolder, attachmentName, imageLink } from '../../extension/core/attachments';

/**
 * An image placed as paste and drop place it (the core's attachmentFolder, attachmentName
 * and imageLink, which the extension uses) is published with its note: the site build
 * finds it, and the built page shows it.
 */
describe('site: an image pasted into a note', function () {
  this.timeout(180_000);
  let content: string;
  let outDir: string;
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;

  before(() => {
    content = copyContent();
    outDir = mkdtempSync(path.join(os.tmpdir(), 'notepress-attachments-'));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(content, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('builds, and the page shows the image from the note\'s folder', async () => {
    const note = 'notes/pasted-plot.md';
    const folder = attachmentFolder(note);
    const name = attachmentName('image.png', 'image/png', [])!;
    mkdirSync(path.join(content, folder), { recursive: true });
    copyFileSync(path.join(REPO, 'media/icon.png'), path.join(content, folder, name));
    writeFileSync(path.join(content, note), `---\ntitle: Pasted plot\ndate: 2026-02-02\n---\n\n![the plot](${imageLink(note, `${folder}/${name}`)})\n`);
    const build = await buildSite(content, outDir);
    assert.equal(build.code, 0, build.output);
    server = await serveStatic(outDir);
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(`${server.url}/notes/pasted-plot`);
    const img = page.locator('.entry__body img[alt="the plot"]');
    await img.waitFor();
    await page.waitForFunction(() => (document.querySelector('.entry__body img[alt="the plot"]') as HTMLImageElement | null)?.complete === true);
    assert.equal(await img.evaluate((i) => (i as HTMLImageElement).naturalWidth), 128);
  });
});
