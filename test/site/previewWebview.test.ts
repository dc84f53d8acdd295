import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import type { FromWebview, ToWebview } from '../../extension/preview/messages';
import { DEFAULT_TABLE, headerFacts, parseEntry, renderHeader } from '../../extension/core/index';

const STUB = `
  window.sent = [];
  let state;
  window.acquireVsCodeApi = () => ({ postMessage: (m) => window.sent.push(m), getState: () => state, setState: (s) => { state = s; } });
`;

/** The webview half of the message contract, run in Chromium with VS Code's API stubbed. */
describe('preview webview script (media/preview.js)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;
  const script = readFileSync(path.join(__dirname, '../../media/preview.js'), 'utf8');

  before(async () => { browser = await launchBrowser(); });
  after(async () => browser?.close());
  beforeEach(async () => {
    page = await browser.newPage();
    await page.setContent('<body class="vscode-light"><main id="np-preview"></main></body>');
    // A string, not a function: tsx would compile a function to call helpers the page does not have.
    await page.evaluate(STUB);
    await page.addScriptTag({ content: script });
  });
  afterEach(async () => page?.close());

  const send = (m: ToWebview) => page.evaluate((msg) => window.postMessage(msg, '*'), m);
  const sent = () => page.evaluate(() => (window as unknown as { sent: FromWebview[] }).sent);
  const header = (title: string) => renderHeader(headerFacts(parseEntry('notes/a.md', `---\ntitle: ${JSON.stringify(title)}\ndate: 2026-06-01\ntags: [x]\n---\n`, DEFAULT_TABLE.spec('note')), DEFAULT_TABLE.spec('note')));
  const update = (version: number, html: string): Extract<ToWebview, { type: 'update' }> => ({ type: 'update', version, path: 'notes/a.md', header: header(`v${version}`), problems: 0, html, exact: true, imageBase: 'https://file+.vscode-resource.example/ws/content/notes/', publicBase: 'https://file+.vscode-resource.example/ws/content/public/' });
  /** Waits until the webview shows a render's body (the script applies messages asynchronously). */
  const shown = (html: string) => page.waitForFunction((h) => document.querySelector('.entry__body')?.innerHTML === h, html);

  it('says it is ready', async () => assert.deepEqual(await sent(), [{ type: 'ready' }]));

  it('never shows a stale render after a newer one', async () => {
    await send(update(2, '<p>newer</p>'));
    await send(update(1, '<p>older</p>'));
    // A later render that is shown proves the older one was handled (and dropped) before it.
    await send(update(3, '<p>newest</p>'));
    await send(update(2, '<p>newer</p>'));
    await shown('<p>newest</p>');
    assert.equal(await page.locator('.entry-header__title').innerText(), 'v3');
  });

  it('shows a hostile title from the core\'s header as text', async () => {
    await send({ ...update(1, '<p>b</p>'), header: header('<img src=x onerror=alert(1)>') });
    await shown('<p>b</p>');
    assert.equal(await page.locator('.entry-header__title').innerText(), '<img src=x onerror=alert(1)>');
    assert.equal(await page.locator('img').count(), 0);
  });

  it('hands link clicks to the extension and follows the VS Code theme', async () => {
    await send(update(1, '<p><a href="../notes/b.md">b</a></p>'));
    await page.locator('.entry__body a').click();
    assert.deepEqual((await sent()).slice(1), [{ type: 'openLink', href: '../notes/b.md' }]);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('dark')), false);
    await page.evaluate(() => { document.body.className = 'vscode-dark'; });
    await page.waitForFunction(() => document.documentElement.classList.contains('dark'));
  });

  it('scrolls to the element of a source line', async () => {
    const tall = Array.from({ length: 60 }, (_, i) => `<p data-line="${i * 2}" style="height:100px">p${i}</p>`).join('');
    await send(update(1, tall));
    await send({ type: 'scrollToLine', line: 41 });
    // Line 40's element reaches the top of the page.
    await page.waitForFunction(() => Math.abs(document.querySelector('[data-line="40"]')!.getBoundingClientRect().top - 8) < 2);
  });

  it('resolves images beside the note and in the public folder, and leaves absolute ones', async () => {
    await send(update(1, '<p><img src="./fig/a.png" alt="a"><img src="/logo.png" alt="b"><img src="https://example.org/c.png" alt="c"></p>'));
    await page.waitForFunction(() => document.querySelectorAll('img').length === 3);
    const srcs = await page.locator('img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src')));
    assert.deepEqual(srcs, [
      'https://file+.vscode-resource.example/ws/content/notes/fig/a.png',
      'https://file+.vscode-resource.example/ws/content/public/logo.png',
      'https://example.org/c.png',
    ]);
  });

  it('resolves the sources of pictures and videos the same way', async () => {
    await send(update(1, '<picture><source srcset="./d.png 2x, /e.png" /><img src="./l.png" /></picture><video src="./v.mp4" poster="./p.png"></video>'));
    await page.locator('video').waitFor({ state: 'attached' });
    const base = 'https://file+.vscode-resource.example/ws/content/';
    assert.equal(await page.locator('source').getAttribute('srcset'), `${base}notes/d.png 2x, ${base}public/e.png`);
    assert.equal(await page.locator('video').getAttribute('src'), `${base}notes/v.mp4`);
    assert.equal(await page.locator('video').getAttribute('poster'), `${base}notes/p.png`);
  });
});
