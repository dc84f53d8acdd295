/**
 * The site, as a VitePress config any notebook can use in a few lines:
 *
 *   import { defineNotepressConfig } from 'notepress/config';
 *   export default defineNotepressConfig();
 *
 * Every fact about an entry (what it is, its URL, reading time, validity) comes from
 * the core content model in `extension/core`, the same code the editor runs.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HeadConfig, PageData, UserConfig } from 'vitepress';
import { FEED_URLS, kindUrl, Notebook, siteMarkdownOptions, urlOf } from '../../extension/core/index';
import { getNotebook, resolveContentDir } from './notebook';
import { pageFacts } from './pages';
import { writeFeeds } from './feeds';
import { exactTitle, headFor } from './head';
import { safeMarkdown } from './safeMarkdown';
import { headerPolicy, withCsp } from './csp';
import { writeRedirects } from './redirects';
import { writeRobots } from './robots';
import { copyLinkedImages } from './images';
import { removeEmptyIcons, transformPageHtml } from './html';
import { provideRoutes, routeParams, RouteParams } from './routes';
import { checkNotebook, linkPolicy, reportProblems } from './check';
import { watchContent } from './watch';
import { ogImages } from './ogPages';
import { serveSearchIndex, writeSearchIndex } from './search';
import { copyLinkedFiles } from './linkedFiles';
import { siteHighlightCache } from './highlight';
import { lightSfcCompiler } from './sfcCompiler';
import { boundHeapGrowth } from './heapGrowth';
import type { NavItem, NotepressThemeConfig } from './facts';

export interface NotepressOptions {
  /** The content folder, relative to the project folder (where the command runs). Default: `content`. */
  contentDir?: string;
  /** VitePress settings laid over Notepress's (`lang`, `ignoreDeadLinks`, ...): yours win. */
  site?: Partial<UserConfig<NotepressThemeConfig>>;
  /** Where the site is built, relative to the VitePress folder. Default: VitePress's `.vitepress/dist`. */
  outDir?: string;
}

/** The theme's source, shipped in the package beside this module's build (`dist/site/` → `docs/theme/`). */
const THEME_ENTRY = fileURLToPath(new URL('../../docs/theme/index.ts', import.meta.url));

/** A VitePress config for the notebook in `contentDir`; VitePress calls it once per build or dev server. */
export function defineNotepressConfig(options: NotepressOptions = {}): () => Promise<UserConfig<NotepressThemeConfig>> {
  return async () => {
    const contentDir = resolveContentDir(options.contentDir);
    const isBuild = process.env.NODE_ENV === 'production';
    const notebook = await getNotebook(contentDir);
    // Dead links follow the site's own `ignoreDeadLinks`, as VitePress's check would.
    const scan = await checkNotebook(notebook, contentDir, { repair: true, links: linkPolicy(options.site?.ignoreDeadLinks) });
    if (!reportProblems(scan.problems, contentDir) && isBuild) process.exit(1);

    provideRoutes(async () => routeParams(notebook, (rel) => existsSync(path.join(contentDir, rel))));
    const profile = notebook.profile;
    const siteUrl = (process.env.SITE_URL ?? profile?.url ?? 'http://localhost:4173').replace(/\/+$/, '');
    const siteTitle = profile?.name ?? profile?.role ?? 'Notebook';
    const hasFeed = notebook.kinds.all.some((k) => k.feed);
    const og = isBuild ? await ogImages({ siteUrl, siteTitle, notebook }) : undefined;
    const scriptHashes = new Set<string>();
    const highlight = siteHighlightCache(isBuild);
    // A big notebook's build collects its garbage sooner: the peak follows what is live (heapGrowth.ts).
    const restoreHeapGrowth = isBuild ? boundHeapGrowth(notebook.published().length) : undefined;

    const config: UserConfig<NotepressThemeConfig> = {
      srcDir: contentDir,
      ...(options.outDir ? { outDir: options.outDir } : {}),
      // Out of the build: drafts, markdown the notebook does not hold (a folder no kind
      // owns, `public/`, another dynamic route) and anything behind a symbolic link.
      srcExclude: [
        'public/**',
        ...scan.other,
        ...notebook.drafts().map((e) => e.path),
        ...scan.links.flatMap((l) => [l, `${l}/**`]),
      ],
      lang: LANG,
      title: siteTitle,
      titleTemplate: `:title · ${siteTitle}`,
      description: profile?.tagline ?? '',
      cleanUrls: true,
      metaChunk: true,
      appearance: true,
      lastUpdated: false,
      head: [
        ['link', { rel: 'icon', type: 'image/svg+xml', href: FAVICON }],
        // The browser's bar takes the page's background from the first paint, by the system's
        // scheme; the theme keeps both in step with the reader's own choice once it runs.
        ['meta', { name: 'theme-color', media: '(prefers-color-scheme: light)', content: THEME_COLOR.light }],
        ['meta', { name: 'theme-color', media: '(prefers-color-scheme: dark)', content: THEME_COLOR.dark }],
        ...(hasFeed ? feedLinks(siteTitle) : []),
      ],
      // Wikilinks resolve in the notebook, and each entry ends with the notes that link to it.
      // Highlighted code blocks come from the cache when unchanged (highlight.ts).
      markdown: siteMarkdownOptions({ notebook: () => notebook, highlightCache: highlight.markdown }),
      themeConfig: {
        // Small and needed by every page's header and footer; list data never goes here.
        nav: navItems(notebook),
        links: profile?.links.map((l) => ({ label: l.label, url: l.url })) ?? [],
        feeds: hasFeed,
        themeColor: THEME_COLOR,
      },
      sitemap: {
        hostname: `${siteUrl}/`,
        transformItems: (items) =>
          items.map((item) => {
            const rel = item.url.replace(/^\//, '') || 'index';
            const entry = notebook.get(`${rel}.md`);
            const lastmod = entry?.updated ?? entry?.date;
            return lastmod ? { ...item, lastmod } : item;
          }),
      },
      transformPageData: async (pageData: PageData) => {
        const facts = pageFacts(notebook, pageData.relativePath, pageData.params as Partial<RouteParams> | undefined);
        return facts ? { ...facts.page, np: facts.np } : undefined;
      },
      transformHead: ({ pageData, title, description }): HeadConfig[] =>
        headFor({ siteUrl, siteTitle, notebook, pageData, title, description, og }),
      // The page's own changes first (the 404 page's text, no empty stylesheet), then its exact
      // title, then its policy, whose hashes must be of the final inline scripts.
      transformHtml: (html, _file, ctx) => withCsp(exactTitle(transformPageHtml(html, ctx), ctx.title), scriptHashes),
      buildEnd: async (site) => {
        // Images first: the feeds' full-size links point at the copies.
        await copyLinkedImages(notebook, contentDir, site.outDir);
        await copyLinkedFiles(notebook, contentDir, site.outDir);
        await writeFeeds(notebook, site.outDir, { siteUrl, siteTitle, profile, lang: LANG });
        await writeRedirects(notebook, site.outDir, siteUrl, LANG);
        await writeRobots(site.outDir, siteUrl);
        await removeEmptyIcons(site.outDir);
        await og?.write(site.outDir, site.cacheDir);
        await writeSearchIndex(notebook, site.outDir);
        await writeFile(path.join(site.outDir, '_headers'), headerPolicy(scriptHashes));
        await highlight.write();
        restoreHeapGrowth?.();
      },
      // Each page's template tree let go once compiled (sfcCompiler.ts).
      vue: isBuild ? { compiler: lightSfcCompiler() } : undefined,
      vite: {
        resolve: { alias: { 'notepress/theme': THEME_ENTRY } },
        // Every component of the theme (and of VitePress's client) is written with `setup`:
        // Vue's Options API is dead weight on every page (about 2 KB gzip).
        define: { __VUE_OPTIONS_API__: 'false' },
        plugins: [safeMarkdown(contentDir, { isBuild }), watchContent(notebook, contentDir), serveSearchIndex(notebook), highlight.plugin, ...(og ? [og.plugin] : [])],
      },
    };
    return { ...config, ...options.site };
  };
}

function feedLinks(siteTitle: string): HeadConfig[] {
  return [
    ['link', { rel: 'alternate', type: 'application/rss+xml', title: `${siteTitle} (RSS)`, href: FEED_URLS.rss }],
    ['link', { rel: 'alternate', type: 'application/atom+xml', title: `${siteTitle} (Atom)`, href: FEED_URLS.atom }],
    ['link', { rel: 'alternate', type: 'application/feed+json', title: `${siteTitle} (JSON Feed)`, href: FEED_URLS.json }],
  ];
}

/** The header's links, from the settings' `nav`: kinds by id, top-level pages by name. */
export function navItems(nb: Notebook): NavItem[] {
  return nb.config.nav.flatMap((id): NavItem[] => {
    const kind = nb.kinds.get(id);
    if (kind) return [{ text: kind.plural, link: kindUrl(kind) }];
    const page = nb.page(`${id}.md`);
    return page && !page.draft ? [{ text: page.title, link: urlOf(page.path) }] : [];
  });
}

const LANG = 'en-US';

/** The page's background in each scheme: `--np-bg` of docs/theme/styles/vars.css (the site test checks they agree). */
const THEME_COLOR = { light: '#ffffff', dark: '#0d1117' } as const;

const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%230f172a'/%3E%3Ctext x='6' y='22' font-family='monospace' font-size='16' fill='%2338bdf8'%3E$_%3C/text%3E%3C/svg%3E";
