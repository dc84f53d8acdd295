/**
 * The starter notebook that Create Notebook (in the editor) and `notepress init` (on
 * the command line) write into a folder: a profile to fill in, a settings file that
 * shows how to add a kind, the site's two config files, `package.json` scripts, a
 * `.gitignore` and a GitHub Pages workflow. Pure: the callers write it, never over a file.
 */
import { PROFILE_BODY_PLACEHOLDER, PROFILE_PLACEHOLDERS } from './placeholders';
import { ROUTE_PAGE, ROUTE_PATHS } from './kinds';
import { CONFIG_PATH } from './notebookConfig';

/** A file of the starter, relative to the project folder. */
export interface StarterFile { readonly path: string; readonly text: string }

export const PACKAGE_NAME = 'notepress';

/** Notepress's route, byte for byte (the site refuses any other; see the site's routes). */
export const ROUTE_FILES: Readonly<Record<string, string>> = {
  [ROUTE_PAGE]: '<!-- Notepress\'s generated pages (tags, series, list pages). Keep this file; it has no content of its own. -->\n',
  [ROUTE_PATHS]: `// Notepress's generated pages. Keep this file: the site config provides the list.
export default { paths: () => (globalThis as { __notepressRoutes?: () => unknown[] }).__notepressRoutes?.() ?? [] };
`,
};

const PROFILE = `---
# The home page. Replace each value; until then the editor and the build point at it.
name: ${PROFILE_PLACEHOLDERS.name}
role: ${PROFILE_PLACEHOLDERS.role}
tagline: ${PROFILE_PLACEHOLDERS.tagline}
focus:
  building: what you are building now
  reading: what you are reading
links:
  - label: GitHub
    url: ${PROFILE_PLACEHOLDERS.link}
url: ${PROFILE_PLACEHOLDERS.url}
---

${PROFILE_BODY_PLACEHOLDER}
`;

const SETTINGS = `# Notepress settings for this notebook: kinds of entry, the home page, the navigation.
# Plain data, read by the editor and the site. Every key is in Notepress's README.
#
# The four default kinds are notes/, case-studies/, research/ and open-source/.
# Add your own, for example a lab notebook with a status:
#
# kinds:
#   lab:
#     folder: lab
#     label: Lab note
#     plural: Lab
#     fields:
#       status: { type: enum, values: [planned, running, measured, written up], required: true }
#       area: text
#
# home:            # the home page's sections, in order
#   - note
#   - { kind: case-study, limit: 4, style: cards }
#
# nav: [note, case-study, research, open-source]
`;

function firstNote(date: string): string {
  return `---
title: Welcome to your notebook
date: ${date}
summary: How this notebook works; delete this note when you have written your own.
tags: [notepress]
draft: true
---

This note is a draft (\`draft: true\`), so it is not published. Each note is a
markdown file in \`content/notes/\` with a title and a date; case studies, research
and open-source work have folders of their own.

- **Preview** it as it will look: the Notepress sidebar in VS Code.
- **Build** the site: \`npm run build\`, then \`npm run preview\`.
- **Publish**: push to GitHub; the workflow in \`.github/workflows/\` deploys to GitHub Pages.
`;
}

const CONFIG = `import { defineNotepressConfig } from 'notepress/config';

export default defineNotepressConfig();
`;

const THEME = `export { default } from 'notepress/theme';
`;

const WORKFLOW = `# Builds the notebook and publishes it on GitHub Pages on every push to main.
# In the repository's settings, set Pages > Source to "GitHub Actions".
name: Deploy notebook
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: false
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: npx notepress build
        env:
          SITE_URL: \${{ vars.SITE_URL }}
      - uses: actions/upload-pages-artifact@v3
        with:
          path: .vitepress/dist
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;

/** Lines the project's `.gitignore` needs. */
export const GITIGNORE_LINES: readonly string[] = ['node_modules/', '.vitepress/dist/', '.vitepress/cache/'];

/** The scripts `package.json` gets (only those it lacks). */
export const PACKAGE_SCRIPTS: Readonly<Record<string, string>> = {
  dev: 'notepress dev', build: 'notepress build', preview: 'notepress preview', check: 'notepress check',
};

/** Every file of the starter but `package.json` and `.gitignore`, which are merged, not written. */
export function starterFiles(o: { date: string; contentDir?: string }): StarterFile[] {
  const c = o.contentDir ?? 'content';
  return [
    { path: `${c}/index.md`, text: PROFILE },
    { path: `${c}/${CONFIG_PATH}`, text: SETTINGS },
    { path: `${c}/notes/welcome.md`, text: firstNote(o.date) },
    ...Object.entries(ROUTE_FILES).map(([name, text]) => ({ path: `${c}/${name}`, text })),
    { path: '.vitepress/config.mts', text: CONFIG },
    { path: '.vitepress/theme/index.ts', text: THEME },
    { path: '.github/workflows/deploy.yml', text: WORKFLOW },
  ];
}

/**
 * `package.json` with what the notebook needs added and nothing changed: the scripts and
 * the `notepress` dependency it lacks. Returns undefined when it needs nothing, or the
 * reason when the file is not a JSON object.
 */
export function mergePackageJson(existing: string | undefined, o: { name: string; dependency: string }): { text: string; added: string[] } | { error: string } | undefined {
  let pkg: Record<string, unknown>;
  if (existing === undefined) pkg = { name: o.name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '') || 'notebook', private: true, type: 'module' };
  else {
    try {
      pkg = JSON.parse(existing) as Record<string, unknown>;
    } catch (err) {
      return { error: `package.json is not valid JSON (${(err as Error).message}); fix it and run again` };
    }
    if (!pkg || typeof pkg !== 'object' || Array.isArray(pkg)) return { error: 'package.json is not a JSON object' };
  }
  const added: string[] = [];
  const scripts = { ...(pkg.scripts as Record<string, string> | undefined) };
  for (const [k, v] of Object.entries(PACKAGE_SCRIPTS)) if (!(k in scripts)) { scripts[k] = v; added.push(`scripts.${k}`); }
  const deps = { ...(pkg.dependencies as Record<string, string> | undefined) };
  const devDeps = (pkg.devDependencies as Record<string, string> | undefined) ?? {};
  if (!(PACKAGE_NAME in deps) && !(PACKAGE_NAME in devDeps)) { deps[PACKAGE_NAME] = o.dependency; added.push(`dependencies.${PACKAGE_NAME}`); }
  if (existing !== undefined && !added.length) return undefined;
  const text = `${JSON.stringify({ ...pkg, scripts, dependencies: deps }, null, 2)}\n`;
  return { text, added: existing === undefined ? ['package.json'] : added };
}

/** `.gitignore` with the lines the notebook needs appended; undefined when it has them all. */
export function mergeGitignore(existing: string | undefined): string | undefined {
  const have = new Set((existing ?? '').split(/\r?\n/).map((l) => l.trim()));
  const missing = GITIGNORE_LINES.filter((l) => !have.has(l) && !have.has(l.replace(/\/$/, '')));
  if (!missing.length) return undefined;
  const base = existing && !existing.endsWith('\n') ? `${existing}\n` : existing ?? '';
  return `${base}${missing.join('\n')}\n`;
}
