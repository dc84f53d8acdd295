import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { serveStatic, type CspMode } from '../helpers/staticServer';
import { buildSite, copyContent, siteWithOverrides } from '../helpers/site';
import { armPage, inspectPage, type Finding } from '../helpers/xssDetector';
import { loadNotebook, fileProblems } from '../../extension/core/node/load';
import { formatProblem, ProblemCode } from '../../extension/core/index';
import { groupIntoNotes, groupNote, loadPayloads } from '../fixtures/xss';
import { BUILD_MARKER, OUTSIDE_FILE, PROBES, UNCLASSIFIED_JS_FRONTMATTER } from '../fixtures/probes';

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** Every built HTML page under `dir`, as URL paths. */
function pages(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((f) => {
    const r = rel ? `${rel}/${f}` : f;
    if (statSync(path.join(dir, r)).isDirectory()) return r === 'assets' ? [] : pages(dir, r);
    return r.endsWith('.html') ? [`/${r.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '')}`] : [];
  });
}

/**
 * The public XSS corpora and the VitePress probes through the real build, served with
 * the site's own Content-Security-Policy and without it, in Chromium.
 */
describe('hostile notes: the built site in Chromium', function () {
  this.timeout(1_200_000);
  let content: string;
  let out: string;
  let build: { code: number | null; output: string };
  let siteDir: string;
  let browser: Browser;
  const noteOf = new Map<string, string>();
  // The probes include a file beside the content folder; its text must appear on no page.
  const secret = `np-secret-${process.pid}-${Date.now()}`;

  before(async () => {
    content = copyContent();
    out = mkdtempSync(path.join(os.tmpdir(), 'notepress-xss-'));
    // A NUL byte makes a file binary to the core, which stops the build: the site gets
    // U+FFFD, as browsers read NUL; the preview test keeps the payloads as they are.
    const payloads = loadPayloads().map((p) => ({ ...p, text: p.text.replace(/\0/g, '\uFFFD') }));
    groupIntoNotes(payloads).forEach((group, i) => {
      const rel = `notes/np-corpus-${String(i).padStart(3, '0')}.md`;
      writeFileSync(path.join(content, rel), groupNote(`Corpus ${i}`, group));
      noteOf.set(`/${rel.replace(/\.md$/, '')}`, group.map((p) => p.id).join(' '));
    });
    PROBES.forEach((p, i) => {
      const rel = `notes/np-probe-${String(i).padStart(2, '0')}.md`;
      writeFileSync(path.join(content, rel), `---\ntitle: ${JSON.stringify(`Probe ${i}`)}\ndate: 2026-01-02\n${p.frontmatter ? `${p.frontmatter}\n` : ''}---\n\n${p.body}\n`);
      for (const [f, text] of Object.entries(p.files ?? {})) writeFileSync(path.join(content, 'notes', f), text);
      noteOf.set(`/${rel.replace(/\.md$/, '')}`, p.name);
    });
    mkdirSync(path.dirname(path.join(content, UNCLASSIFIED_JS_FRONTMATTER.file)), { recursive: true });
    writeFileSync(path.join(content, UNCLASSIFIED_JS_FRONTMATTER.file), UNCLASSIFIED_JS_FRONTMATTER.text);
    writeFileSync(path.join(content, '..', OUTSIDE_FILE), `${secret}\n`);
    await placeholderImages(content);
    // Payloads link to pages that do not exist; dead links are not what this test is about.
    siteDir = siteWithOverrides({ ignoreDeadLinks: true });
    build = await buildSite(content, out, { siteDir });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    rmSync(path.join(content, '..', OUTSIDE_FILE), { force: true });
    rmSync(content, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    rmSync(siteDir, { recursive: true, force: true });
  });

  it('builds, running nothing from a note and printing no stack trace', () => {
    assert.equal(build.code, 0, build.output.slice(-3000));
    assert.ok(!build.output.includes(BUILD_MARKER), 'a note ran code during the build');
    assert.doesNotMatch(build.output, STACK_LINE);
  });

  it('publishes no file from outside the content folder', () => {
    const leaked = pages(out).filter((p) => readFileSync(path.join(out, `${p.endsWith('/') ? `${p}index` : p}.html`), 'utf8').includes(secret));
    for (const f of ['feed.xml', 'atom.xml', 'feed.json']) if (readFileSync(path.join(out, f), 'utf8').includes(secret)) leaked.push(f);
    assert.deepEqual(leaked, []);
    const js = [...readdirSync(path.join(out, 'assets')), ...readdirSync(path.join(out, 'assets/chunks')).map((f) => `chunks/${f}`)]
      .filter((f) => f.endsWith('.js') && readFileSync(path.join(out, 'assets', f), 'utf8').includes(secret));
    assert.deepEqual(js, []);
  });

  it('writes a note\'s title and summary escaped wherever feed readers read HTML: RSS, Atom, JSON Feed\'s content_html', () => {
    for (const f of ['feed.xml', 'atom.xml']) {
      const cdata = [...readFileSync(path.join(out, f), 'utf8').matchAll(/<!\[CDATA\[([^]*?)\]\]>/g)].map((m) => m[1]);
      const text = readFileSync(path.join(out, f), 'utf8');
      assert.ok(cdata.some((c) => c.includes('&lt;img src=x onerror=alert(1)//')), `${f}: ${cdata.length} CDATA sections; ${text.slice(text.indexOf('onerror=alert(1)//') - 200, text.indexOf('onerror=alert(1)//') + 50)}`);
      assert.deepEqual(cdata.filter((c) => c.includes('<')), [], f);
    }
    const json = JSON.parse(readFileSync(path.join(out, 'feed.json'), 'utf8')) as { items: { content_html?: string }[] };
    assert.ok(json.items.some((i) => i.content_html === '&quot;&gt;&lt;img src=x onerror=alert(1)//'));
    assert.deepEqual(json.items.filter((i) => i.content_html?.includes('<')), []);
  });

  for (const mode of ['built', 'report-only'] as CspMode[]) {
    it(`runs no payload or probe at load or on interaction (${mode === 'built' ? 'with the site\'s CSP' : 'without CSP'})`, async () => {
      const server = await serveStatic(out, { csp: mode });
      const findings: string[] = [];
      try {
        const urls = pages(out).filter((u) => !u.startsWith('/404'));
        assert.ok(urls.length > noteOf.size, `${urls.length} pages`);
        const page = await browser.newPage();
        const outside = await armPage(page);
        for (const url of [...urls, '/no-such-page']) {
          await page.goto(server.url + url);
          // A note's body; elsewhere, the main content (lists of titles and summaries).
          const root = (await page.locator('.entry__body').count()) ? '.entry__body' : 'main';
          // VitePress's <Content> wrapper carries this style; no note can.
          const found: Finding[] = await inspectPage(page, root, outside, { siteStyles: ['position:relative;'] });
          found.push(...(await headProblems(page)));
          for (const f of found) findings.push(`${url} ${f.kind}: ${f.detail}`);
        }
        await page.close();
      } finally {
        await server.close();
      }
      const pagesHit = [...new Set(findings.map((f) => f.split(' ')[0]))];
      const what = pagesHit.map((u) => `${u}: ${noteOf.get(u) ?? 'a page of the site'}`);
      assert.ok(findings.length === 0, `${findings.length} findings on ${pagesHit.length} pages:\n${findings.slice(0, 80).join('\n')}\n\nThose pages hold:\n${what.join('\n')}`);
    });
  }

  it('shows what the probes must show, as written', async () => {
    const server = await serveStatic(out);
    const page = await browser.newPage();
    try {
      for (const [i, p] of PROBES.entries()) {
        if (!p.shows) continue;
        await page.goto(`${server.url}/notes/np-probe-${String(i).padStart(2, '0')}`);
        assert.ok((await page.locator('.entry__body').innerText()).includes(p.shows), p.name);
      }
    } finally {
      await page.close();
      await server.close();
    }
  });
});

describe('hostile notes that cannot be built: located problems, no stack trace', function () {
  this.timeout(300_000);

  it('lists every missing local media file a note shows, however written, and a ---js frontmatter, at path:line:column', async () => {
    const content = copyContent();
    const out = mkdtempSync(path.join(os.tmpdir(), 'notepress-stops-'));
    try {
      const body = 'A <img src=./missing-a.png> b\n\n<picture>\n  <source\n    srcset="./missing-b.png 2x">\n  <img src="missing-c.png">\n</picture>\n\n<video src="./missing-d.mp4" poster="./missing-e.png"></video>\n\n![x](missing-f.png)\n';
      writeFileSync(path.join(content, 'notes/stops.md'), `---\ntitle: Stops\ndate: 2026-01-03\n---\n\n${body}`);
      writeFileSync(path.join(content, 'notes/js-frontmatter.md'), `---js\n{ title: (${JSON.stringify(BUILD_MARKER)}) }\n---\n\nBody.\n`);
      const lines = body.split('\n');
      const expected = ['a.png', 'b.png', 'c.png', 'd.mp4', 'e.png', 'f.png'].map((f) => {
        // Where the path is written: the body starts on line 6.
        const line = lines.findIndex((l) => l.includes(`missing-${f}`));
        const src = new RegExp(`(?:\\./)?missing-${f.replace('.', '\\.')}`).exec(lines[line])!;
        return `notes/stops.md:${line + 6}:${src.index + 1}: error: image "${src[0]}" does not exist (looked for notes/missing-${f})`;
      });
      expected.push('notes/js-frontmatter.md:1:1: error: no frontmatter: start the file with a `---` block that sets `title`, `date`');
      const { code, output } = await buildSite(content, out);
      assert.equal(code, 1, output);
      const rel = path.relative(path.resolve(__dirname, '../..'), content);
      for (const line of expected) assert.ok(output.includes(`${rel}/${line}`), `missing: ${line}\n${output}`);
      assert.equal(output.split('\n').filter((l) => / error: /.test(l)).length, expected.length, output);
      assert.doesNotMatch(output, STACK_LINE);
      assert.ok(!output.includes(BUILD_MARKER));
    } finally {
      rmSync(content, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });
});

/**
 * Payloads show local images (`<img src="test.png">`): the build rightly stops on a
 * missing one, so each is made, empty, where the core looked for it. Any other problem
 * fails here, before the build.
 */
async function placeholderImages(content: string): Promise<void> {
  const nb = await loadNotebook(content);
  const problems = [...nb.problems(), ...fileProblems(nb, content)].filter((p) => p.severity === 'error');
  const other: string[] = [];
  for (const p of problems) {
    const target = /\(looked for (.+)\)$/.exec(p.message)?.[1];
    if (p.code === ProblemCode.MissingFile && target) {
      mkdirSync(path.dirname(path.join(content, target)), { recursive: true });
      writeFileSync(path.join(content, target), '');
    } else other.push(formatProblem(p));
  }
  assert.deepEqual(other, []);
}

/** What the page's head and root element hold that no page of ours puts there. */
async function headProblems(page: import('playwright-core').Page): Promise<Finding[]> {
  const found = await page.evaluate(`(() => {
    const out = [];
    for (const n of document.documentElement.getAttributeNames()) if (!['lang', 'dir', 'class', 'style'].includes(n)) out.push('<html ' + n + '>');
    const dir = document.documentElement.getAttribute('dir');
    if (dir && !['ltr', 'rtl', 'auto'].includes(dir)) out.push('<html dir="' + dir.slice(0, 40) + '">');
    for (const el of document.head.children) {
      const t = el.localName;
      if (t === 'script' && !(el.src && new URL(el.src).origin === location.origin) && el.type !== 'application/ld+json' && !el.id) out.push('head <script> ' + el.outerHTML.slice(0, 80));
      if (t === 'meta' && el.httpEquiv && el.httpEquiv.toLowerCase() !== 'content-security-policy') out.push('head <meta http-equiv="' + el.httpEquiv + '">');
      if (!['script', 'meta', 'link', 'title', 'style'].includes(t)) out.push('head <' + t + '>');
    }
    return out;
  })()`) as string[];
  return found.map((detail) => ({ kind: 'element' as const, detail }));
}
