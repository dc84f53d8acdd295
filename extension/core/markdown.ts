/**
 * The one markdown setup. The site passes these options and this plugin to VitePress
 * (`markdown.config`), and the extension's preview applies them to its own renderer,
 * so a note renders to the same HTML in both.
 */

/**
 * The parts of a markdown-it instance this plugin touches. Structural, so the same
 * plugin accepts VitePress's instance and the extension's without a type import
 * of either (markdown-it's typings differ between their CommonJS and ESM forms).
 */
export interface MarkdownItLike {
  renderer: {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- markdown-it's Token type differs between its typings' forms
    rules: Record<string, any>;
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above: tokens and env are markdown-it's, typed differently by each of its typings
  core: { ruler: { push(name: string, rule: (state: { tokens: any[]; env: any; Token: any }) => void): void; at(name: string, rule: (state: { tokens: any[] }) => void): void; after(after: string, name: string, rule: (state: any) => void): void } };
  block: { ruler: RulerLike };
  inline: { ruler: RulerLike };
  utils: { unescapeAll(s: string): string };
  render(src: string, env?: Record<string, unknown>): string;
}
interface RulerLike {
  disable(names: string[], ignoreInvalid?: boolean): unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a rule function's state type differs between markdown-it's typings
  after(after: string, name: string, fn: any, options?: { alt: string[] }): void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a rule function's state type differs between markdown-it's typings
  at(name: string, fn: any, options?: { alt: string[] }): void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a rule function's state type differs between markdown-it's typings
  before(before: string, name: string, fn: any, options?: { alt: string[] }): void;
}
import * as path from 'node:path';
import { BlockSlots, SanitizedBlocks } from './blockSlots';
import { parseChart, renderChart, renderChartError } from './chart';
import { diskFiles } from './node/load';
import { drawMermaid, mermaidHtml } from './blocks/mermaid';
import { mathHtml } from './blocks/math';
import { mathSyntax } from './blocks/mathSyntax';
import { wikilinkRender, wikilinkSyntax } from './links/wikilink';
import { backlinkTokens } from './links/backlinks';
import type { Notebook } from './notebook';
import { linkImages } from './imageLinks';
import { headingSlug } from './links/headings';
import { useHighlightCache, withoutTokenizeTimeLimit, type HighlightCache } from './highlightCache';
import { CODE_CLASS_DECLARATIONS, codeClassTransformer } from './codeColors';
import { tokenizeThemesOnce } from './shikiOnePass';
import { ChartMemo } from './chart/memo';
import { escapeText, joinText } from './markdownText';

/** Shiki themes for code, switched by the `.dark` class. The "-default" GitHub themes, because their comment colours pass WCAG AA contrast and the older ones do not. */
export const HIGHLIGHT_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/** markdown-it options both renderers use. */
export const MARKDOWN_OPTIONS = { html: true, linkify: true, typographer: false } as const;

type Env = {
  __notepressCharts?: number;
  __notepressDiagrams?: number;
  notepressSourceLines?: boolean;
  /** Reads a content-relative file for a chart's `data:` (the preview passes one that sees unsaved edits). */
  notepressReadFile?: (target: string) => string | undefined;
  /** The notebook wikilinks resolve in and backlinks come from, for this render (the preview's); else the plugin's option. */
  notepressNotebook?: Notebook;
  /** VitePress's: the note's absolute path and its path relative to the content folder. */
  path?: string;
  relativePath?: string;
  /** Sanitize the note's HTML in one piece, blocks in place (what slots must equal; for tests and benchmarks). */
  notepressWholeSanitize?: boolean;
  /** This render's slots for drawn blocks (blockSlots.ts), while md.render runs. */
  __notepressSlots?: BlockSlots;
} & Record<string, unknown>;

/**
 * The markdown options of the site, in VitePress's form. The site config passes them
 * to VitePress, and the preview passes them to VitePress's own `createMarkdownRenderer`,
 * so both render a note with the same renderer, plugins and highlighter.
 */
export function siteMarkdownOptions(o: NotepressMarkdownOptions = {}) {
  return {
    ...MARKDOWN_OPTIONS,
    theme: HIGHLIGHT_THEMES,
    shikiSetup: (highlighter: object) => {
      // Every line coloured whole, however long the grammar took to load (highlightCache.ts),
      withoutTokenizeTimeLimit(highlighter);
      // and both themes in one pass of the grammar (shikiOnePass.ts).
      tokenizeThemesOnce(highlighter, HIGHLIGHT_THEMES);
    },
    // Token colours as classes, not inline variables (codeColors.ts).
    codeTransformers: [codeClassTransformer],
    headers: { level: [2, 3] as number[], slugify: headingSlug },
    anchor: { slugify: headingSlug },
    // markdown-it-attrs stays for anchors and classes (`## Title {#id .class}`), and
    // may set nothing else: `{:title="..."}` would be a Vue binding run at build time,
    // `{onerror=...}` a handler, `{src=...}` an image the reference check never saw.
    attrs: { allowedAttributes: ['id', 'class'] },
    // gray-matter would `eval` a `---js` or `---coffee` frontmatter. The site and the
    // preview never hand it one (see source.ts); if anything did, it is data, not code.
    frontmatter: { grayMatterOptions: { engines: { javascript: NO_CODE, coffee: NO_CODE } } },
    config: (md: MarkdownItLike) => {
      // VitePress has set `options.highlight` (Shiki) by now; the cache wraps it.
      if (o.highlightCache) useHighlightCache(md, { themes: HIGHLIGHT_THEMES, classes: CODE_CLASS_DECLARATIONS }, o.highlightCache);
      notepressMarkdown(md, o);
    },
  };
}

const NO_CODE = { parse: () => ({}), stringify: () => '' };

export interface NotepressMarkdownOptions {
  /**
   * The notebook that wikilinks resolve in and backlinks come from (the site's). A render
   * may name its own as `env.notepressNotebook` (the preview's, which follows the editor).
   * Without either, wikilinks render as unresolved text and no backlinks are shown.
   */
  readonly notebook?: () => Notebook | undefined;
  /** Highlighted code blocks kept between builds (highlightCache.ts); the site's, under VitePress's cache folder. */
  readonly highlightCache?: HighlightCache;
}

/**
 * Makes a note's HTML safe and inert, whatever produced it:
 * - the final HTML of `md.render` (raw HTML, and all that VitePress's plugins add:
 *   fence labels, container and alert titles, code-group tabs, `[[toc]]`, attrs) goes
 *   through the one sanitizer (sanitize.ts), which also balances its tags; drawn charts,
 *   diagrams and display math go through it on their own, and are kept sanitized while
 *   unchanged (blockSlots.ts), as the preview renders the whole note on every keystroke;
 * - raw HTML blocks render as written (markdown-it's own rule), which replaces
 *   VitePress's rule that lifts `<script>` and `<style>` blocks into the page's Vue
 *   component, where they would run;
 * - VitePress's `<<<` snippet rule, which reads any file, is off;
 * - text is escaped as CommonMark says: `&` stays an entity only where markdown-it read
 *   one (VitePress's own rule kept `&#87654321;`, which shows a replacement character);
 * - `{{` is written as `&#123;&#123;`, so `{{ }}` is text, not a Vue expression run at
 *   build time. (Wrapping the body in `v-pre` would do the same, but it stops VitePress
 *   from stripping static content out of each page's JavaScript: measured, a note page's
 *   chunk grew from 2 KB to 28 KB.)
 */
export const notepressMarkdown = (md: MarkdownItLike, o: NotepressMarkdownOptions = {}): void => {
  const notebookOf = (env: Env): Notebook | undefined => env.notepressNotebook ?? o.notebook?.();
  // [[Wikilinks]] become links to the entry they name (links/wikilink.ts), resolved in the notebook.
  wikilinkSyntax(md);
  wikilinkRender(md, (env: Env) => {
    const nb = notebookOf(env);
    return nb ? (from, link, own) => nb.links.wikilinkUrl(from, link, own) : undefined;
  });

  // For the preview's scroll sync only: block elements carry the source line they
  // start on. The site never sets the flag, so its HTML has no such attributes.
  md.core.ruler.push('notepress_source_lines', (state) => {
    if (!state.env?.notepressSourceLines) return;
    const offset = Number(state.env.notepressLineOffset ?? 0);
    for (const t of state.tokens) {
      if (t.map && t.block && t.nesting >= 0 && t.type !== 'html_block') t.attrSet('data-line', String(t.map[0] + offset));
    }
  });
  // An entry ends with the entries that link to it ("Linked from"), as static HTML: no script shows it.
  md.core.ruler.push('notepress_backlinks', (state) => {
    const nb = notebookOf(state.env ?? {});
    const rel = state.env?.relativePath;
    if (nb && typeof rel === 'string') state.tokens.push(...backlinkTokens(state.Token, nb, rel));
  });
  // markdown-it's own rules for raw HTML, as CommonMark reads it: VitePress's replacements
  // (for Vue components) take `<my url>` for a block and end a link reference definition,
  // and do not know the comment forms CommonMark 0.31 added, which then show as text.
  const own = new (md.constructor as new () => MarkdownItLike)();
  // Rulers keep their rules in `__rules__` (not in markdown-it's typings).
  const rule = (r: RulerLike, name: string) => (r as unknown as { __rules__: { name: string; fn: unknown }[] }).__rules__.find((x) => x.name === name)?.fn;
  md.block.ruler.at('html_block', rule(own.block.ruler, 'html_block'), { alt: ['paragraph', 'reference', 'blockquote'] });
  md.inline.ruler.at('html_inline', rule(own.inline.ruler, 'html_inline'));
  md.renderer.rules.html_block = (tokens: { content: string }[], idx: number) => tokens[idx].content;
  md.renderer.rules.html_inline = (tokens: { content: string }[], idx: number) => tokens[idx].content;
  md.block.ruler.disable(['snippet'], true);
  md.core.ruler.at('text_join', joinText);
  const isEntity = (s: string) => md.utils.unescapeAll(s) !== s;
  md.renderer.rules.text = (tokens: { content: string }[], idx: number) => escapeText(tokens[idx].content, isEntity);
  // VitePress makes an empty link (`[a]()`) point at `./`; CommonMark keeps it empty.
  const linkOpen = md.renderer.rules.link_open;
  if (linkOpen) {
    md.renderer.rules.link_open = (tokens: LinkToken[], idx: number, options: unknown, env: unknown, self: { renderToken(t: unknown[], i: number, o: unknown): string }) =>
      tokens[idx].attrGet('href') === '' ? self.renderToken(tokens, idx, options) : linkOpen(tokens, idx, options, env, self);
  }

  // ```chart, ```mermaid and ```math blocks are drawn by the core (chart.ts, blocks/);
  // every other fence is left to the renderer's own rule (VitePress's highlighter on the
  // site and in the preview). Drawings are kept while their source is unchanged.
  const fence = md.renderer.rules.fence;
  const charts = new ChartMemo();
  md.renderer.rules.fence = (tokens: ChartToken[], idx: number, options: unknown, env: Env, self: unknown) => {
    const t = tokens[idx];
    const lang = t.info.trim().split(/\s+/)[0];
    if (lang === 'mermaid' || lang === 'math') return slotted(env, drawnFence(lang, t, env));
    if (lang !== 'chart') return fence(tokens, idx, options, env, self);
    const n = (env.__notepressCharts = (env.__notepressCharts ?? 0) + 1);
    const dataLine = t.attrGet('data-line');
    const attrs = dataLine === null ? '' : ` data-line="${dataLine}"`;
    const line = (t.map?.[0] ?? 0) + 2 + Number(env.notepressLineOffset ?? 0);
    // The key leaves out the source line (`data-line`, added after), so typing above a chart keeps it.
    const key = `${env.relativePath ?? ''}\u0000np-chart-${n}\u0000${t.content}`;
    const read = (target: string) => readContentFile(env, target);
    const html = charts.get(key, line, read) ?? charts.set(key, line, read, (tracked) => {
      const parsed = parseChart(t.content.replace(/\n$/, ''), { file: env.relativePath ?? 'note.md', line, read: tracked });
      return { ok: !!parsed.chart, html: parsed.chart ? renderChart(parsed.chart, `np-chart-${n}`) : renderChartError(parsed.problems) };
    });
    return slotted(env, attrs ? charts.withAttrs(key, html, attrs) : html);
  };

  // Images open at full size through a link to their file (imageLinks.ts).
  linkImages(md);

  // $…$, $$…$$ and $$ blocks (blocks/mathSyntax.ts), typeset as MathML (blocks/math.ts).
  mathSyntax(md);
  md.renderer.rules.math_inline = (tokens: MathToken[], idx: number) => mathHtml(tokens[idx].content, tokens[idx].meta.display);
  md.renderer.rules.math_block = (tokens: MathToken[], idx: number, _o: unknown, env: Env) => {
    const t = tokens[idx];
    return slotted(env, `${mathHtml(t.content, true, { block: true, line: sourceLine(t, env) + t.meta.line, attrs: lineAttr(t) })}\n`);
  };

  const render = md.render.bind(md);
  const sanitized = new SanitizedBlocks(escapeBraces);
  md.render = (src: string, env: Env = {}) => {
    const outer = env.__notepressSlots;
    const slots = (env.__notepressSlots = new BlockSlots(sanitized));
    let html: string;
    try {
      html = render(src, env);
    } finally {
      if (outer) env.__notepressSlots = outer;
      else delete env.__notepressSlots;
    }
    // Nothing a note holds becomes part of the page's component (see html_block above).
    const sfc = env.sfcBlocks as { scripts?: unknown[]; styles?: unknown[]; customBlocks?: unknown[] } | undefined;
    if (sfc) sfc.scripts = sfc.styles = sfc.customBlocks = [];
    // Sanitized, then `{{` escaped. With notepressWholeSanitize no block was slotted: the whole at once.
    return slots.sanitize(html, { sourceLines: env.notepressSourceLines === true });
  };
};

const escapeBraces = (html: string) => html.replace(/\{\{/g, '&#123;&#123;');

/**
 * A drawn block's HTML in its slot, while md.render runs (outside it, as it is); a trailing
 * newline stays outside, as text of the note.
 */
function slotted(env: Env, html: string): string {
  const slots = env.__notepressSlots;
  if (!slots || env.notepressWholeSanitize) return html;
  let end = html.length;
  while (html[end - 1] === '\n') end--; // not /\n+$/, which reads a megabyte of chart from its start
  return slots.slot(html.slice(0, end)) + html.slice(end);
}

type ChartToken = { info: string; content: string; map: [number, number] | null; attrGet(name: string): string | null };
type MathToken = ChartToken & { meta: { display: boolean; line: number } };

/** The file line a block token starts on. */
const sourceLine = (t: ChartToken, env: Env) => (t.map?.[0] ?? 0) + 1 + Number(env.notepressLineOffset ?? 0);
/** The preview's scroll-sync attribute, when the token carries one. */
const lineAttr = (t: ChartToken) => (t.attrGet('data-line') === null ? '' : ` data-line="${t.attrGet('data-line')}"`);

/** A ```mermaid diagram as SVG, or a ```math block as MathML; an error box in place of either when it has problems. */
function drawnFence(lang: 'mermaid' | 'math', t: ChartToken, env: Env): string {
  const source = t.content.replace(/\n$/, '');
  const line = sourceLine(t, env) + 1;
  if (lang === 'math') return `${mathHtml(source, true, { block: true, line, attrs: lineAttr(t) })}\n`;
  const drawn = drawMermaid(source);
  if (!drawn) throw new Error('Notepress: a diagram rendered before loadBlockEngines() resolved');
  if (drawn.svg) return `${mermaidHtml(drawn.svg, `np-diagram-${(env.__notepressDiagrams = (env.__notepressDiagrams ?? 0) + 1)}`, lineAttr(t))}\n`;
  const items = drawn.problems.map((p) => `<li>line ${line + p.line}: ${escapeHtml(p.message)}</li>`).join('');
  return `<div class="np-diagram-error"${lineAttr(t)}><strong>This diagram has problems</strong><ul>${items}</ul></div>\n`;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A content-relative file, read through the env's reader or from the content folder VitePress's env names. */
function readContentFile(env: Env, target: string): string | undefined {
  if (env.notepressReadFile) return env.notepressReadFile(target);
  if (!env.path || !env.relativePath) return undefined;
  const depth = env.relativePath.split('/').length - 1;
  return diskFiles(path.resolve(path.dirname(env.path), ...Array<string>(depth).fill('..'))).read(target);
}

type LinkToken = { attrGet(name: string): string | null };
