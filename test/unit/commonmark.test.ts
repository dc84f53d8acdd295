import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { parseDocument, DomUtils } from 'htmlparser2';

import { siteMarkdownOptions, vitepressBody, restoreIncludes } from '../../extension/core/index';
import { INTENDED } from '../fixtures/commonmark-intended';

const REPO = path.resolve(__dirname, '../..');
// The package has no typings: 652 examples of { markdown, html, section, number }.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS package without typings
const { tests } = require('commonmark-spec') as { tests: { markdown: string; html: string; section: string; number: number }[] };
type AnyNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<AnyNode, { attribs: Record<string, string> }>;

/**
 * The same HTML however it was written: parsed, then with what our setup adds on
 * purpose taken away (heading anchors and ids, VitePress's code-block wrapper and
 * highlighting, `tabindex`, external-link targets, the `./` VitePress puts before
 * relative links and images), and serialised with sorted attributes.
 */
export function normalise(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true });
  for (const a of DomUtils.findAll((e) => e.name === 'a' && /\bheader-anchor\b/.test(e.attribs.class ?? ''), doc.children)) DomUtils.removeElement(a);
  for (const wrap of DomUtils.findAll((e) => e.name === 'div' && /\blanguage-/.test(e.attribs.class ?? ''), doc.children)) {
    const pre = DomUtils.findOne((e) => e.name === 'pre', wrap.children)!;
    const code = DomUtils.findOne((e) => e.name === 'code', pre.children)!;
    const lang = /language-(\S*)/.exec(wrap.attribs.class)![1];
    const text = DomUtils.findAll((e) => e.name === 'span' && e.attribs.class?.split(' ').includes('line'), code.children).map((l) => DomUtils.textContent(l)).join('\n');
    const plain = parseDocument(`<pre><code${lang && lang !== 'txt' ? ` class="language-${lang}"` : ''}></code></pre>`).children[0] as Element;
    (plain.children[0] as Element).children = parseDocument(text.replace(/&/g, '&amp;').replace(/</g, '&lt;')).children;
    DomUtils.replaceElement(wrap, plain);
  }
  const walk = (nodes: AnyNode[]) => {
    for (const n of nodes) {
      if (n.type !== 'tag') continue;
      const e = n as Element;
      if (/^h[1-6]$/.test(e.name)) {
        delete e.attribs.id;
        delete e.attribs.tabindex;
        // The space VitePress leaves before the anchor it added.
        const last = e.children[e.children.length - 1];
        if (last?.type === 'text') (last as { data: string }).data = (last as { data: string }).data.replace(/\s+$/, '');
      }
      // VitePress trims the end of a code block's text.
      if (e.name === 'code' && e.parent && (e.parent as Element).name === 'pre') {
        const last = e.children[e.children.length - 1];
        if (last?.type === 'text') (last as { data: string }).data = (last as { data: string }).data.replace(/\n+$/, '');
      }
      if (e.name === 'table') delete e.attribs.tabindex;
      if (e.name === 'a' && e.attribs.target === '_blank') { delete e.attribs.target; delete e.attribs.rel; }
      for (const k of ['href', 'src']) if (e.attribs[k] !== undefined) e.attribs[k] = safeDecode(e.attribs[k].replace(/^\.\//, ''));
      e.attribs = Object.fromEntries(Object.entries(e.attribs).sort(([a], [b]) => (a < b ? -1 : 1)));
      walk(e.children);
    }
  };
  walk(doc.children);
  // Whitespace between block elements is serialisation, not content.
  return DomUtils.getOuterHTML(doc.children, { decodeEntities: true, selfClosingTags: false }).replace(/>\s+</g, '><').replace(/\s+$/, '');
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/**
 * A differential test of the one markdown setup (VitePress's renderer with the site's
 * options and our plugin) against plain markdown-it, over the 652 examples of the
 * CommonMark spec: every example that renders differently is listed, with why, in
 * test/fixtures/commonmark-intended.ts.
 */
describe('markdown setup against plain markdown-it on the CommonMark spec', function () {
  this.timeout(120_000);
  let ours: { render(src: string, env?: Record<string, unknown>): string };
  before(async () => {
    const vp = (await import(pathToFileURL(path.join(REPO, 'node_modules/vitepress/dist/node/index.js')).href)) as {
      createMarkdownRenderer(srcDir: string, options: unknown, base: string, logger: { warn(m: string): void }): Promise<typeof ours>;
    };
    ours = await vp.createMarkdownRenderer(path.join(REPO, 'content'), siteMarkdownOptions(), '/', { warn: () => undefined });
  });

  it('differs only where the difference is intended, and says why', () => {
    const plain = new MarkdownIt('commonmark');
    const differing: Record<number, { markdown: string; plain: string; ours: string }> = {};
    for (const t of tests) {
      const src = t.markdown.replace(/→/g, '\t');
      const a = normalise(plain.render(src));
      const b = normalise(restoreIncludes(ours.render(vitepressBody(src), { path: path.join(REPO, 'content/notes/spec.md'), relativePath: 'notes/spec.md', cleanUrls: true })));
      if (a !== b) differing[t.number] = { markdown: src, plain: a, ours: b };
    }
    const unexplained = Object.keys(differing).map(Number).filter((n) => !(n in INTENDED));
    const stale = Object.keys(INTENDED).map(Number).filter((n) => !(n in differing));
    assert.deepEqual({ unexplained, stale }, { unexplained: [], stale: [] },
      unexplained.slice(0, 15).map((n) => `#${n} ${JSON.stringify(differing[n].markdown)}\n  plain: ${differing[n].plain}\n  ours:  ${differing[n].ours}`).join('\n'));
    assert.ok(Object.keys(differing).length < tests.length / 4, `${Object.keys(differing).length} of ${tests.length} differ`);
  });
});
