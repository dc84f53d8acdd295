/**
 * Turns a note's text into the HTML of its body, as the site renders it. No `vscode`
 * import: the preview, the fidelity test and the benchmarks all use this class.
 *
 * With VitePress available (the workspace's own, in a trusted workspace) it renders
 * with VitePress's `createMarkdownRenderer` and the site's options, so the HTML is the
 * site's. Highlighting is nearly all of the cost of a render, and typing changes prose,
 * not code: highlighted blocks are memoised by language and source, so a warm render
 * costs about what markdown-it alone does. Without VitePress (restricted mode, or not
 * installed) it falls back to markdown-it with the same sanitizing plugin and no
 * highlighting, and says so (`exact: false`).
 */
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { loadBlockEngines, MARKDOWN_OPTIONS, needsBlockEngines, Notebook, notepressMarkdown, restoreIncludes, siteMarkdownOptions, splitFile, vitepressBody } from '../core/index';

type Highlight = (code: string, lang: string, attrs: string) => string;
interface Md {
  render(src: string, env?: Record<string, unknown>): string;
  options: { highlight?: Highlight | null };
}

export interface RenderResult {
  readonly html: string;
  /** True when rendered by VitePress with the site's options (the published HTML). */
  readonly exact: boolean;
}

const MAX_CACHED_BLOCKS = 2000;

export class NoteRenderer {
  private md: Promise<{ md: Md; exact: boolean }> | undefined;
  private readonly blocks = new Map<string, string>();

  /**
   * @param srcDir the content folder (VitePress's `srcDir`)
   * @param vitepressEntry path of `vitepress/dist/node/index.js` to load, or undefined for the fallback;
   *   a promise when that is still being found out (the first render waits for it)
   * @param log where to say why the fallback was taken
   */
  constructor(private readonly srcDir: string, private readonly vitepressEntry: string | undefined | PromiseLike<string | undefined>, private readonly log: (m: string) => void = () => undefined) {}

  /** How many highlighted blocks are memoised (for tests and benchmarks). */
  get cachedBlocks(): number {
    return this.blocks.size;
  }

  /** Loads the renderer now (it is otherwise loaded on the first render). */
  warm(): Promise<void> {
    return this.load().then(() => undefined);
  }

  /**
   * @param o.readFile reads a content-relative file for a chart's `data:`; by default
   *   the disk, as the site build reads it
   * @param o.notebook the notebook wikilinks resolve in and backlinks come from, as the site's do
   */
  async render(text: string, file: { absPath: string; relPath: string }, o: { sourceLines?: boolean; readFile?: (target: string) => string | undefined; notebook?: Notebook } = {}): Promise<RenderResult> {
    const { md, exact } = await this.load();
    if (needsBlockEngines(text)) await loadBlockEngines();
    const split = splitFile(file.relPath, text);
    const env = {
      path: file.absPath, relativePath: file.relPath, cleanUrls: true,
      notepressSourceLines: o.sourceLines === true, notepressLineOffset: split.bodyLine - 1,
      ...(o.readFile ? { notepressReadFile: o.readFile } : {}),
      ...(o.notebook ? { notepressNotebook: o.notebook } : {}),
    };
    // VitePress's renderer reads frontmatter itself: it is given the body behind an empty
    // one, so a body that starts with `---` keeps its first block (see source.ts).
    const html = exact ? restoreIncludes(md.render(vitepressBody(split.body), env)) : md.render(split.body, env);
    return { html, exact };
  }

  private load(): Promise<{ md: Md; exact: boolean }> {
    return (this.md ??= this.create());
  }

  private async create(): Promise<{ md: Md; exact: boolean }> {
    const entry = await this.vitepressEntry;
    if (entry) {
      try {
        const vp = (await import(pathToFileURL(entry).href)) as {
          createMarkdownRenderer(srcDir: string, options: unknown, base: string, logger: { warn(m: string): void }): Promise<Md>;
        };
        const md = await vp.createMarkdownRenderer(this.srcDir, siteMarkdownOptions(), '/', { warn: (m) => this.log(m) });
        this.memoiseHighlight(md);
        return { md, exact: true };
      } catch (err) {
        this.log(`Notepress: could not load VitePress's renderer (${(err as Error).message}); the preview renders without highlighting.`);
      }
    }
    const md = new MarkdownIt(MARKDOWN_OPTIONS);
    notepressMarkdown(md);
    return { md: md as unknown as Md, exact: false };
  }

  private memoiseHighlight(md: Md): void {
    const highlight = md.options.highlight;
    if (!highlight) return;
    md.options.highlight = (code, lang, attrs) => {
      const key = `${lang}\u0000${attrs}\u0000${code}`;
      let html = this.blocks.get(key);
      if (html === undefined) {
        html = highlight(code, lang, attrs);
        if (this.blocks.size >= MAX_CACHED_BLOCKS) this.blocks.delete(this.blocks.keys().next().value as string);
        this.blocks.set(key, html);
      } else {
        // Refresh its place: the least recently used block is the one evicted.
        this.blocks.delete(key);
        this.blocks.set(key, html);
      }
      return html;
    };
  }
}
