import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildSite, copyContent, REPO } from '../helpers/site';
import { useBuiltSite } from '../helpers/builtSite';
import { NoteRenderer } from '../../extension/preview/noteRenderer';
import { assertSameHtml, normalisedBodies } from '../helpers/fidelity';

// A fixture, not a seed note: its diagram and formula are there to be tested, not read.
const NOTE = [
  '---', 'title: Diagrams and formulas', 'date: 2026-02-01', 'summary: A fixture.', '---', '',
  'Consumer lag is $L = o_{\\text{end}} - o_{\\text{commit}}$ records.', '',
  '```mermaid', 'sequenceDiagram', '  participant C as Quokka consumer', '  participant B as Wombat broker',
  '  C->>B: Fetch from offset 42', '  B-->>C: Records 42 to 99', '```', '',
].join('\n');
const URL_PATH = '/notes/diagrams-and-formulas';

describe('site: diagrams and math (VitePress build in Chromium)', function () {
  this.timeout(240_000);
  const site = useBuiltSite({ prefix: 'blocks', prepare: (dir) => {
    writeFileSync(path.join(dir, 'notes/diagrams-and-formulas.md'), NOTE);
  }, page: { colorScheme: 'light' } });
  let content: string;
  let outDir: string;
  let browser: Browser;
  let page: Page;
  before(() => {
    content = site.content();
    outDir = site.outDir();
    browser = site.browser();
  });
  beforeEach(async () => {
    page = site.page();
  });

  it('puts the diagram\'s SVG and the formula\'s MathML in the page\'s HTML, and no JavaScript the page loads holds the diagram', async () => {
    const html = readFileSync(path.join(outDir, 'notes/diagrams-and-formulas.html'), 'utf8');
    assert.match(html, /<figure class="np-diagram"><svg [^>]*aria-labelledby="np-diagram-1-title np-diagram-1-desc" class="np-diagram-svg"><title id="np-diagram-1-title">Sequence diagram<\/title>/);
    assert.match(html, />Quokka consumer<\/text>/);
    assert.match(html, /<math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML"><semantics><mrow><mi>L<\/mi>/);
    assert.ok(html.includes('<annotation encoding="application/x-tex">L = o_{\\text{end}} - o_{\\text{commit}}</annotation>'));
    const bodies: string[] = [];
    page.on('response', async (r) => { if (r.url().endsWith('.js')) bodies.push(await r.text().catch(() => '')); });
    await page.goto(site.url() + URL_PATH, { waitUntil: 'networkidle' });
    assert.ok(bodies.length > 0);
    assert.deepEqual(bodies.filter((b) => b.includes('Quokka') || b.includes('o_{')), []);
  });

  it('Chromium draws the formula and the diagram with a size, in the theme\'s colours for light and dark', async () => {
    await page.goto(site.url() + URL_PATH);
    const box = await page.locator('.entry__body math').first().boundingBox();
    assert.ok(box && box.width > 20 && box.height > 8, JSON.stringify(box));
    const svg = await page.locator('.entry__body svg.np-diagram-svg').boundingBox();
    assert.ok(svg && svg.width > 100 && svg.height > 50, JSON.stringify(svg));
    const colours = () => page.locator('svg.np-diagram-svg text').first().evaluate((t) => getComputedStyle(t).fill);
    const light = await colours();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    const dark = await colours();
    assert.notEqual(light, dark);
    assert.ok([light, dark].every((c) => c.startsWith('rgb(')), `${light} ${dark}`);
  });

  it('the preview renders the note to the HTML the site built', async () => {
    const renderer = new NoteRenderer(content, path.join(REPO, 'node_modules/vitepress/dist/node/index.js'));
    const preview = await renderer.render(NOTE, { absPath: path.join(content, 'notes/diagrams-and-formulas.md'), relPath: 'notes/diagrams-and-formulas.md' });
    assert.equal(preview.exact, true);
    await page.goto(site.url() + URL_PATH);
    const [built, mine] = await normalisedBodies(page, preview.html);
    assertSameHtml('notes/diagrams-and-formulas.md', mine, built);
  });

  it('axe-core finds no accessibility violations on the page, light and dark', async () => {
    const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const scheme of ['light', 'dark'] as const) {
      const p = await browser.newPage({ colorScheme: scheme, bypassCSP: true }); // axe is injected; the site's CSP would refuse it
      await p.goto(site.url() + URL_PATH);
      await p.addScriptTag({ content: axe });
      const violations = await p.evaluate(async () => {
        const r = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      });
      assert.deepEqual(violations, [], scheme);
      await p.close();
    }
  });

  it('a diagram it cannot draw and a TeX error fail the build with path:line:column and no stack trace', async () => {
    const broken = copyContent();
    const out = mkdtempSync(path.join(os.tmpdir(), 'notepress-blocks-broken-'));
    try {
      writeFileSync(path.join(broken, 'notes/bad-blocks.md'), '---\ntitle: Bad blocks\ndate: 2026-01-03\n---\n\nSee $\\frac{1}{$.\n\n```mermaid\ngantt\n  title A\n```\n');
      const { code, output } = await buildSite(broken, out);
      assert.notEqual(code, 0);
      const rel = path.relative(REPO, broken);
      assert.ok(output.includes(`${rel}/notes/bad-blocks.md:6:15: error: TeX error: Unexpected end of input in a macro argument, expected '}'`), output);
      assert.ok(output.includes(`${rel}/notes/bad-blocks.md:9:1: error: "gantt" is not a diagram type that can be drawn`), output);
      assert.ok(output.includes('2 problems in the content folder; the site was not built.'), output);
      assert.doesNotMatch(output, /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace');
    } finally {
      rmSync(broken, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });
});
