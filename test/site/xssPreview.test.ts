import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { REPO } from '../helpers/site';
import { armPage, inspectPage, type Finding } from '../helpers/xssDetector';
import { loadPayloads } from '../fixtures/xss';
import { PROBES } from '../fixtures/probes';
import { NoteRenderer } from '../../extension/preview/noteRenderer';
import { previewCsp } from '../../extension/preview/previewCsp';
import { sanitizeHtml } from '../../extension/core/sanitize';

const ORIGIN = 'http://np.test';
const NONCE = 'bm90ZXByZXNzLXRlc3Q=';
const STUB = 'window.sent = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.sent.push(m), getState: () => undefined, setState: () => undefined });';

/**
 * The preview as VS Code shows it: its page, its policy and its script (media/preview.js),
 * with VS Code's API stubbed. `csp: false` sends the policy report-only, so nothing is
 * blocked and everything the page did not ship is reported.
 */
async function previewPage(browser: Browser, csp: boolean): Promise<{ page: Page; outside: Finding[] }> {
  const page = await browser.newPage();
  const outside = await armPage(page);
  const policy = previewCsp(ORIGIN, NONCE);
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/preview`) {
      return route.fulfill({
        contentType: 'text/html',
        headers: csp ? {} : { 'content-security-policy-report-only': policy },
        body: `<!DOCTYPE html><html><head>${csp ? `<meta http-equiv="Content-Security-Policy" content="${policy}">` : ''}</head>`
          + `<body class="vscode-light"><main id="np-preview"></main><script nonce="${NONCE}">${STUB}</script>`
          + `<script nonce="${NONCE}" src="${ORIGIN}/preview.js"></script></body></html>`,
      });
    }
    if (url === `${ORIGIN}/preview.js`) return route.fulfill({ contentType: 'text/javascript', body: readFileSync(path.join(REPO, 'media/preview.js'), 'utf8') });
    // Everything a payload asks for fails at once, so its error handlers (if any survived) run now.
    return route.abort();
  });
  await page.goto(`${ORIGIN}/preview`);
  return { page, outside };
}

let version = 0;
/** Shows `html` as the preview's body and returns everything the detector finds. */
async function show(page: Page, outside: Finding[], html: string): Promise<Finding[]> {
  const v = ++version;
  await page.evaluate(([m]) => window.postMessage(m, '*'), [{
    type: 'update', version: v, path: `notes/probe-${v}.md`, header: { kind: 'Notes', title: 'Probe', meta: '', tags: [], problems: 0 },
    html, exact: true, imageBase: `${ORIGIN}/ws/content/notes/`, publicBase: `${ORIGIN}/ws/content/public/`,
  }] as const);
  await page.waitForSelector(`.entry__body[data-path="notes/probe-${v}.md"]`, { state: 'attached' });
  return inspectPage(page, '.entry__body', outside);
}

/**
 * Every public payload and every probe, one at a time, rendered by the preview's own
 * renderer (VitePress's, with the site's options) and also given to the sanitizer as
 * raw HTML, then shown in the preview page in Chromium, with its CSP and without.
 */
describe('hostile notes: the core and the preview in Chromium', function () {
  this.timeout(900_000);
  let browser: Browser;
  const renderer = new NoteRenderer(path.join(REPO, 'content'), path.join(REPO, 'node_modules/vitepress/dist/node/index.js'));
  const inputs = [
    ...loadPayloads().map((p) => ({ id: p.id, text: p.text })),
    ...PROBES.map((p, i) => ({ id: `probe#${i} ${p.name}`, text: p.body })),
  ];
  const note = (body: string) => `---\ntitle: Probe\ndate: 2026-01-01\n---\n\n${body}\n`;

  before(async () => {
    browser = await launchBrowser();
    await renderer.warm();
  });
  after(async () => browser?.close());

  it('the detector sees what runs and what is dangerous, with the CSP and without', async () => {
    for (const csp of [false, true]) {
      const { page, outside } = await previewPage(browser, csp);
      const kinds = async (html: string) => [...new Set((await show(page, outside, html)).map((f) => f.kind))].sort();
      assert.deepEqual(await kinds('<img src="x.png" onerror="alert(1)">'), csp ? ['element', 'violation'] : ['element', 'ran', 'violation']);
      // The preview hands every link click to the extension, so a javascript: link never runs there; it is still found.
      assert.deepEqual(await kinds('<a id="j" href="javascript:alert(2)">j</a>'), ['element']);
      assert.deepEqual(await kinds('<details open ontoggle="alert(3)"><summary>s</summary></details>'), csp ? ['element', 'violation'] : ['element', 'ran', 'violation']);
      assert.deepEqual(await kinds('<b onmouseover="prompt(4)">hover</b>'), csp ? ['element', 'violation'] : ['element', 'ran', 'violation']);
      assert.deepEqual(await kinds('<iframe srcdoc="x"></iframe><form><input></form>'), ['element']);
      assert.deepEqual(await kinds('<p>plain</p>'), []);
      await page.close();
    }
  });

  for (const csp of [false, true]) {
    it(`runs nothing, at load or on interaction (${csp ? 'with the preview\'s CSP' : 'without CSP'})`, async () => {
      const { page, outside } = await previewPage(browser, csp);
      const findings: string[] = [];
      for (const input of inputs) {
        let rendered;
        try {
          rendered = await renderer.render(note(input.text), { absPath: path.join(REPO, 'content/notes/probe.md'), relPath: 'notes/probe.md' });
        } catch (e) {
          findings.push(`${input.id} (markdown) the renderer threw: ${String(e).slice(0, 100)}`);
          continue;
        }
        assert.equal(rendered.exact, true);
        for (const f of await show(page, outside, rendered.html)) findings.push(`${input.id} (markdown) ${f.kind}: ${f.detail}`);
        if (!csp) for (const f of await show(page, outside, sanitizeHtml(input.text))) findings.push(`${input.id} (raw HTML) ${f.kind}: ${f.detail}`);
      }
      await page.close();
      assert.ok(findings.length === 0, `${findings.length} findings:\n${findings.slice(0, 80).join('\n')}`);
    });
  }
});
