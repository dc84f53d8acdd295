// Bundles the extension to dist/extension.js (CommonJS, `vscode` external), and the
// package's node side (the site config and the `notepress` command) to dist/site/*.mjs
// (ES modules; every npm package stays an import, resolved from the notebook's
// node_modules). `node esbuild.mjs [extension] [site]`: both when neither is named.
// `--production` minifies the extension; `--watch` rebuilds it on change. Type checking is `npm run typecheck`.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const targets = named.length ? named : ['extension', 'site'];

/** Prints esbuild's problems the way VS Code's `$esbuild-watch` problem matcher reads them. */
const reporter = {
  name: 'reporter',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * The preview uses the site theme's own CSS, copied beside its script so that the
 * webview's resource roots stay limited to the extension's dist/media.
 */
function copyMedia() {
  mkdirSync('dist/media', { recursive: true });
  for (const f of ['vars.css', 'prose.css', 'code.css', 'entry.css']) copyFileSync(`docs/theme/styles/${f}`, `dist/media/${f}`);
  for (const f of ['preview.js', 'preview.css']) copyFileSync(`media/${f}`, `dist/media/${f}`);
}
if (targets.includes('site')) {
  // The site's node side: not minified, so a stack trace from a user's build reads.
  // The folder is emptied first: chunks of an earlier build would be packed too.
  rmSync('dist/site', { recursive: true, force: true });
  const result = await esbuild.build({
    // The Open Graph worker is its own entry: a thread loads it by file (ogWarmup.ts).
    entryPoints: ['docs/site/config.ts', 'docs/site/cli.ts', 'docs/site/ogWorker.ts'],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: 'dist/site',
    outExtension: { '.js': '.mjs' },
    packages: 'external',
    sourcemap: false,
    logLevel: 'silent',
    plugins: [reporter],
    banner: { js: "import { createRequire as __npRequire } from 'node:module'; const require = __npRequire(import.meta.url);" },
  });
  if (result.errors.length) process.exit(1);
}
if (!targets.includes('extension')) process.exit(0);

copyMedia();

/**
 * sanitize-html loads postcss only to parse `style` attributes, which the core's
 * sanitizer never asks it to (it checks `style` itself): postcss stays out of the
 * bundle (about 190 KB), and a call would fail loudly rather than skip a check.
 */
const noPostcss = {
  name: 'no-postcss',
  setup(build) {
    build.onResolve({ filter: /^postcss$/ }, (args) => (args.importer.includes('sanitize-html') ? { path: 'postcss', namespace: 'no-postcss' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'no-postcss' }, () => ({
      contents: "exports.parse = () => { throw new Error('postcss is not bundled: style attributes are checked by the core'); };",
      loader: 'js',
    }));
  },
};

const ctx = await esbuild.context({
  entryPoints: ['extension/extension.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: 'dist/extension.js',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  metafile: true,
  logLevel: 'silent',
  plugins: [reporter, noPostcss],
});

if (watch) {
  await ctx.watch();
} else {
  const result = await ctx.rebuild();
  await ctx.dispose();
  if (result.errors.length) process.exit(1);
}
