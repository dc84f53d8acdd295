/**
 * The published site: VitePress over the content folder, with the Notepress theme.
 * Every fact about an entry (what it is, its URL, reading time, validity) comes from
 * the core content model in `extension/core`, the same code the extension runs.
 */
import * as path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { defineConfigWithTheme, type HeadConfig, type PageData } from 'vitepress';
import {
  formatProblem, siteMarkdownOptions, PROFILE_PATH, classify,
} from '../../extension/core/index';
import { fileProblems, symbolicLinks } from '../../extension/core/load';
import { contentDir, getNotebook, tagPaths } from './notebook';
import { pageFacts } from './pages';
import { writeFeeds } from './feeds';
import { exactTitle, headFor } from './head';
import { safeMarkdown, searchRender } from './safeMarkdown';
import { headerPolicy, withCsp } from './csp';

export default async () => {
  const notebook = await getNotebook();
  const links = await symbolicLinks(contentDir);
  const isBuild = process.env.NODE_ENV === 'production';

  // Validate everything before VitePress renders anything: one line per problem,
  // all of them, in the `path:line:column` form editors and problem matchers read.
  const errors = [...notebook.problems(), ...fileProblems(notebook, contentDir)]
    .filter((p) => p.severity === 'error')
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  if (errors.length) {
    const rel = path.relative(process.cwd(), contentDir) || '.';
    const lines = errors.map((p) => formatProblem(p, `${rel}/`));
    if (isBuild) {
      process.stderr.write(`${lines.join('\n')}\nnotepress: ${errors.length} problem${errors.length === 1 ? '' : 's'} in the content folder; the site was not built.\n`);
      process.exit(1);
    }
    process.stderr.write(`${lines.join('\n')}\n`);
  }

  (globalThis as { __notepressTagPaths?: typeof tagPaths }).__notepressTagPaths = tagPaths;
  const profile = notebook.profile;
  const siteUrl = (process.env.SITE_URL ?? profile?.url ?? 'http://localhost:4173').replace(/\/+$/, '');
  const siteTitle = profile?.name ?? profile?.role ?? 'Notebook';
  const scriptHashes = new Set<string>();

  return defineConfigWithTheme<NotepressThemeConfig>({
    srcDir: contentDir,
    // Drafts are not pages: out of the build, lists, feeds, sitemap and search at once.
    // Nor is anything behind a symbolic link, which the notebook does not follow either.
    srcExclude: [...notebook.drafts().map((e) => e.path), ...links.flatMap((l) => [l, `${l}/**`])],
    lang: 'en-US',
    title: siteTitle,
    titleTemplate: `:title · ${siteTitle}`,
    description: profile?.tagline ?? '',
    cleanUrls: true,
    metaChunk: true,
    appearance: true,
    lastUpdated: false,
    head: [
      ['link', { rel: 'icon', type: 'image/svg+xml', href: FAVICON }],
      ['meta', { name: 'theme-color', content: '#0f172a' }],
      ['link', { rel: 'alternate', type: 'application/rss+xml', title: `${siteTitle} (RSS)`, href: '/feed.xml' }],
      ['link', { rel: 'alternate', type: 'application/atom+xml', title: `${siteTitle} (Atom)`, href: '/atom.xml' }],
      ['link', { rel: 'alternate', type: 'application/feed+json', title: `${siteTitle} (JSON Feed)`, href: '/feed.json' }],
    ],
    markdown: siteMarkdownOptions(),
    themeConfig: {
      search: { provider: 'local', options: { _render: searchRender(contentDir) } },
      // Small and needed by every page's footer; list data never goes here.
      notepress: { links: profile?.links ?? [] },
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
      const facts = pageFacts(notebook, pageData.relativePath, pageData.params);
      return facts ? { ...facts.page, np: facts.np } : undefined;
    },
    transformHead: ({ pageData, title, description }): HeadConfig[] =>
      headFor({ siteUrl, siteTitle, profile, pageData, title, description }),
    transformHtml: (html, _file, { title }) => withCsp(exactTitle(html, title), scriptHashes),
    buildEnd: async (site) => {
      await writeFeeds(notebook, site.outDir, { siteUrl, siteTitle, profile });
      await writeFile(path.join(site.outDir, '_headers'), headerPolicy(scriptHashes));
    },
    vite: {
      plugins: [
        safeMarkdown(contentDir),
        {
          // In `vitepress dev`, keep the index current one file at a time.
          name: 'notepress:watch-content',
          configureServer(server) {
            server.watcher.on('all', async (event, file) => {
              const rel = path.relative(contentDir, file).split(path.sep).join('/');
              if (rel.startsWith('..') || !classify(rel)) return;
              if (event === 'unlink') notebook.delete(rel);
              else if (event === 'add' || event === 'change') {
                const { loadFile } = await import('../../extension/core/load');
                await loadFile(notebook, contentDir, rel);
              }
              if (rel !== PROFILE_PATH) server.ws.send({ type: 'full-reload' });
            });
          },
        },
      ],
    },
  });
};

/** The theme's config: VitePress's local search switch and the footer's links. */
interface NotepressThemeConfig {
  search: { provider: 'local'; options: { _render: ReturnType<typeof searchRender> } };
  notepress: { links: readonly { label: string; url: string }[] };
}

const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%230f172a'/%3E%3Ctext x='6' y='22' font-family='monospace' font-size='16' fill='%2338bdf8'%3E$_%3C/text%3E%3C/svg%3E";
