import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import type { FromWebview, ToWebview } from '../../extension/preview/messages';

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
  const update = (version: number, html: string): ToWebview => ({ type: 'update', version, path: 'notes/a.md', header: { kind: 'Notes', title: `v${version}`, meta: 'Jun 1, 2026 / 1 min read', datetime: '2026-06-01', tags: ['x'], problems: 0 }, html, exact: true, imageBase: 'https://file+.vscode-resource.example/ws/content/notes/', publicBase: 'https://file+.vscode-resource.example/ws/content/public/' });

  it('says it is ready', async () => assert.deepEqual(await sent(), [{ type: 'ready' }]));

  it('never shows a stale render after a newer one', async () => {
    await send(update(2, '<p>newer</p>'));
    await send(update(1, '<p>older</p>'));
    await page.waitForTimeout(100);
    assert.equal(await page.locator('.entry__body').innerHTML(), '<p>newer</p>');
    assert.equal(await page.locator('.entry__title').innerText(), 'v2');
  });

  it('escapes the header it is given', async () => {
    await send({ ...update(1, ''), header: { kind: 'Notes', title: '<img src=x onerror=alert(1)>', meta: '', tags: [], problems: 0 } } as ToWebview);
    await page.waitForTimeout(100);
    assert.equal(await page.locator('.entry__title').innerText(), '<img src=x onerror=alert(1)>');
    assert.equal(await page.locator('img').count(), 0);
  });

  it('hands link clicks to the extension and follows the VS Code theme', async () => {
    await send(update(1, '<p><a href="../notes/b.md">b</a></p>'));
    await page.locator('a').click();
    assert.deepEqual((await sent()).slice(1), [{ type: 'openLink', href: '../notes/b.md' }]);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('dark')), false);
    await page.evaluate(() => { document.body.className = 'vscode-dark'; });
    await page.waitForFunction(() => document.documentElement.classList.contains('dark'));
  });

  it('scrolls to the element of a source line', async () => {
    const tall = Array.from({ length: 60 }, (_, i) => `<p data-line="${i * 2}" style="height:100px">p${i}</p>`).join('');
    await send(update(1, tall));
    await send({ type: 'scrollToLine', line: 41 });
    await page.waitForTimeout(100);
    const top = await page.evaluate(() => document.querySelector('[data-line="40"]')!.getBoundingClientRect().top);
    assert.ok(Math.abs(top - 8) < 2, `line 40's element is at the top (${top})`);
  });

  it('resolves images beside the note and in the public folder, and leaves absolute ones', async () => {
    await send(update(1, '<p><img src="./fig/a.png" alt="a"><img src="/logo.png" alt="b"><img src="https://example.org/c.png" alt="c"></p>'));
    await page.waitForTimeout(100);
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
