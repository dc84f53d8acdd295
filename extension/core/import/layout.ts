/**
 * Which generator a blog folder was made for, and where that generator keeps posts,
 * drafts, page bundles and published static files. Each rule follows the generator's
 * own documented layout; nothing here reads a post's text.
 */
import { parse as parseYaml } from 'yaml';
import { astroCollections } from './astroConfig';
import type { Layout, SourceTree } from './types';

/** A markdown file that becomes an entry. */
export interface SourcePost {
  readonly path: string;
  /** Astro collection, Hugo section, Jekyll `posts` or collection, or the first folder of a plain folder ('' at its top). */
  readonly collection: string;
  /** The blog's slug from the file name: Jekyll's without its date, a bundle's folder name, else the file's stem. */
  readonly stem: string;
  /** The folder of a post that is `index.md` in its own folder with its files (a Hugo page bundle). */
  readonly bundle?: string;
  /** A `YYYY-MM-DD-` prefix of the file name, as Jekyll dates posts. */
  readonly fileDate?: string;
  /** Jekyll's `_drafts/`. */
  readonly draft?: boolean;
  /** Date fields an Astro collection's schema declares. */
  readonly dateFields?: readonly { readonly name: string; readonly optional: boolean }[];
}

export interface SiteShape {
  readonly layout: Layout;
  readonly evidence: readonly string[];
  readonly posts: readonly SourcePost[];
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  /** Where the blog keeps what a root-relative URL `/x` serves: `public`, `static`, or '' for the folder itself. */
  readonly publicRoot: string;
  /** Folders the generator publishes as they are; copied whole into the notebook's `public/`. */
  readonly staticDirs: readonly string[];
}

const MARKDOWN = /\.(md|markdown|mdx)$/i;
const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})-(.+)$/;
const ASTRO_CONFIG = /^astro\.config\.(mjs|js|ts|mts|cjs|cts)$/;
const ASTRO_CONTENT_CONFIG = /^src\/(content\.config|content\/config)\.(ts|js|mjs|mts)$/;
const HUGO_CONFIG = /^(hugo\.(toml|ya?ml|json)|config\/_default\/(hugo|config)\.(toml|ya?ml|json))$/;
const HUGO_OLD_CONFIG = /^config\.(toml|ya?ml|json)$/;
const JEKYLL_CONFIG = /^_config\.ya?ml$/;

/** Which generator made the blog, with the files that show it. */
export function detectLayout(files: SourceTree): { layout: Layout; evidence: string[] } {
  const paths = files.paths;
  const find = (re: RegExp) => paths.filter((p) => re.test(p));
  const astro = [...find(ASTRO_CONFIG), ...find(ASTRO_CONTENT_CONFIG)];
  if (astro.length) return { layout: 'astro', evidence: astro };
  const hugo = find(HUGO_CONFIG);
  const hasContent = paths.some((p) => p.startsWith('content/'));
  const oldHugo = find(HUGO_OLD_CONFIG).filter(() => hasContent || paths.some((p) => p.startsWith('archetypes/')));
  if (hugo.length || oldHugo.length) return { layout: 'hugo', evidence: [...hugo, ...oldHugo] };
  const jekyll = find(JEKYLL_CONFIG);
  if (!jekyll.length && paths.some((p) => /(^|\/)_posts\//.test(p))) jekyll.push('_posts/');
  if (jekyll.length) return { layout: 'jekyll', evidence: jekyll };
  return { layout: 'folder', evidence: [] };
}

/** Where the layout's posts and published files are. */
export function siteShape(files: SourceTree, layout: Layout, evidence: readonly string[]): SiteShape {
  const paths = files.paths.filter((p) => !p.split('/').some((s) => s.startsWith('.') || s === 'node_modules'));
  const shape = layout === 'astro' ? astro(files, paths) : layout === 'hugo' ? hugo(paths) : layout === 'jekyll' ? jekyll(files, paths) : folder(paths);
  return { layout, evidence, ...shape };
}

type Shape = Omit<SiteShape, 'layout' | 'evidence'>;
type Skip = { path: string; reason: string };

/** Stem, bundle and date of a post inside a collection folder `root`. */
function postAt(path: string, root: string, collection: string, skipped: Skip[], extra: Partial<SourcePost> = {}): SourcePost | undefined {
  const rel = root ? path.slice(root.length + 1) : path;
  const parts = rel.split('/');
  const name = parts[parts.length - 1].replace(MARKDOWN, '');
  if (name === 'index' || name === '_index') {
    if (parts.length === 1 || name === '_index') {
      skipped.push({ path, reason: 'the list page of a section, not an entry' });
      return undefined;
    }
    const bundle = [root, ...parts.slice(0, -1)].filter(Boolean).join('/');
    return { path, collection, stem: parts[parts.length - 2], bundle, ...extra };
  }
  const dated = DATE_PREFIX.exec(name);
  return { path, collection, stem: name, ...(dated ? { fileDate: dated[1] } : {}), ...extra };
}

/** Markdown files inside a page bundle other than its `index.md` are the bundle's resources, not pages. */
function dropBundleResources(posts: SourcePost[], skipped: Skip[]): SourcePost[] {
  const bundles = posts.filter((p) => p.bundle).map((p) => p.bundle as string);
  return posts.filter((p) => {
    const owner = bundles.find((b) => p.path.startsWith(`${b}/`) && p.bundle !== b);
    if (owner) skipped.push({ path: p.path, reason: `a resource of the page bundle ${owner}/, not a page` });
    return !owner;
  });
}

function astro(files: SourceTree, paths: string[]): Shape {
  const configPath = paths.find((p) => ASTRO_CONTENT_CONFIG.test(p));
  const bytes = configPath ? files.read(configPath) : undefined;
  const declared = bytes ? astroCollections(new TextDecoder().decode(bytes)) : [];
  const roots = new Map<string, (typeof declared)[number] | undefined>();
  for (const c of declared) roots.set(c.base ?? `src/content/${c.name}`, c);
  for (const p of paths) {
    const m = /^src\/content\/([^/]+)\//.exec(p);
    if (m && !roots.has(`src/content/${m[1]}`)) roots.set(`src/content/${m[1]}`, undefined);
  }
  const posts: SourcePost[] = [];
  const skipped: Skip[] = [];
  for (const p of paths) {
    if (!MARKDOWN.test(p)) continue;
    const root = [...roots.keys()].find((r) => p.startsWith(`${r}/`));
    if (root) {
      if (p.slice(root.length + 1).split('/').some((s) => s.startsWith('_'))) {
        skipped.push({ path: p, reason: 'Astro leaves out files and folders whose names start with `_`' });
        continue;
      }
      const c = roots.get(root);
      const post = postAt(p, root, c?.name ?? root.slice('src/content/'.length), skipped, c?.dateFields.length ? { dateFields: c.dateFields } : {});
      if (post) posts.push(post);
      continue;
    }
    // Before content collections, Astro's blog template kept posts as pages in src/pages/blog/.
    const page = /^src\/pages\/([^/[]+)\/[^[]+$/.exec(p);
    if (page) {
      const post = postAt(p, `src/pages/${page[1]}`, page[1], skipped);
      if (post) posts.push(post);
    } else if (p.startsWith('src/')) skipped.push({ path: p, reason: 'a page, not in a content collection' });
  }
  return { posts: dropBundleResources(posts, skipped), skipped, publicRoot: 'public', staticDirs: ['public'] };
}

function hugo(paths: string[]): Shape {
  const posts: SourcePost[] = [];
  const skipped: Skip[] = [];
  for (const p of paths) {
    if (!p.startsWith('content/')) continue;
    const parts = p.split('/');
    if (!MARKDOWN.test(p)) {
      if (/\.(html?|adoc|asciidoc|org|pandoc|rst)$/i.test(p)) skipped.push({ path: p, reason: 'only markdown content is imported' });
      continue;
    }
    if (parts.length === 2) {
      skipped.push({ path: p, reason: parts[1].startsWith('_index.') ? 'the home page\'s list page, not an entry' : 'a page outside any section, not an entry' });
      continue;
    }
    const post = postAt(p, `content/${parts[1]}`, parts[1], skipped);
    if (post) posts.push(post);
  }
  return { posts: dropBundleResources(posts, skipped), skipped, publicRoot: 'static', staticDirs: ['static'] };
}

function jekyll(files: SourceTree, paths: string[]): Shape {
  const config = paths.find((p) => JEKYLL_CONFIG.test(p));
  const collections = new Set<string>();
  if (config) {
    try {
      const data = parseYaml(new TextDecoder().decode(files.read(config))) as { collections?: unknown } | null;
      const c = data?.collections;
      for (const name of Array.isArray(c) ? c : c && typeof c === 'object' ? Object.keys(c) : []) if (typeof name === 'string') collections.add(name);
    } catch {
      // A broken _config.yml only costs the extra collections; posts are found by their folder.
    }
  }
  const posts: SourcePost[] = [];
  const skipped: Skip[] = [];
  for (const p of paths) {
    if (!MARKDOWN.test(p) || /^(_site|vendor)\//.test(p)) continue;
    const parts = p.split('/');
    const at = parts.findIndex((s) => s === '_posts' || s === '_drafts');
    if (at >= 0) {
      const root = parts.slice(0, at + 1).join('/');
      const drafts = parts[at] === '_drafts';
      const post = postAt(p, root, 'posts', skipped, drafts ? { draft: true } : {});
      if (post) posts.push(post.fileDate ? { ...post, stem: post.stem.replace(DATE_PREFIX, '$2') } : post);
    } else if (parts[0].startsWith('_') && collections.has(parts[0].slice(1))) {
      const post = postAt(p, parts[0], parts[0].slice(1), skipped);
      if (post) posts.push(post);
    } else if (!parts[0].startsWith('_')) {
      skipped.push({ path: p, reason: 'a page, not a post' });
    }
  }
  const staticDirs = paths.some((p) => p.startsWith('assets/')) ? ['assets'] : [];
  return { posts: dropBundleResources(posts, skipped), skipped, publicRoot: '', staticDirs };
}

function folder(paths: string[]): Shape {
  const posts: SourcePost[] = [];
  const skipped: Skip[] = [];
  for (const p of paths) {
    if (!MARKDOWN.test(p)) continue;
    const parts = p.split('/');
    if (/^readme\.(md|markdown)$/i.test(parts[parts.length - 1])) {
      skipped.push({ path: p, reason: 'a README, not a note' });
      continue;
    }
    const post = parts.length === 1
      ? (/^_?index\./.test(p) ? (skipped.push({ path: p, reason: 'the folder\'s index page, not a note' }), undefined) : postAt(p, '', '', skipped))
      : postAt(p, parts[0], parts[0], skipped);
    if (post) posts.push(post);
  }
  return { posts: dropBundleResources(posts, skipped), skipped, publicRoot: '', staticDirs: [] };
}
