/**
 * Old addresses keep working: each alias of a published entry or page (`aliases:`,
 * checked by the core in `aliases.ts`) becomes a small static page that sends the reader
 * on, as Hugo's aliases do: a canonical link for search engines, a meta refresh for
 * browsers, and a plain link for anyone whose browser does neither. No script.
 */
import { absoluteSiteUrl, Alias, escapeHtml, formatProblem, Notebook, pageFile, ProblemCode } from '../../extension/core/index';
import { writeNewFiles } from '../../extension/core/node/write';

interface Redirect { readonly from: Alias; readonly file: string; readonly to: { path: string; url: string; title: string } }

/** Writes the redirect pages into the built site; never over a file the build already holds (a page of `public/`). */
export async function writeRedirects(nb: Notebook, outDir: string, siteUrl: string, lang: string, warn: (s: string) => void = (s) => process.stderr.write(s)): Promise<void> {
  const redirects: Redirect[] = [...nb.published(), ...nb.pages()].flatMap((to) => to.aliases.map((from) => ({ from, file: pageFile(from.url), to })));
  if (!redirects.length) return;
  const result = await writeNewFiles(outDir, redirects.map((r) => ({ path: r.file, text: redirectPage(r.to, siteUrl, lang) })));
  for (const r of redirects) {
    const failed = result.failed.find((f) => f.path === r.file);
    if (!result.kept.includes(r.file) && !failed) continue;
    const why = failed ? failed.reason : `the site already has ${r.file} (from \`public/\`?)`;
    warn(`${formatProblem({ ...r.from, file: r.to.path, code: ProblemCode.InvalidUrl, severity: 'warning', message: `alias "${r.from.url}" was not written: ${why}` }, 'notepress: ')}\n`);
  }
}

/** The page at an old address: every value escaped, the target by its own site path so that any host of the site works. */
export function redirectPage(to: { url: string; title: string }, siteUrl: string, lang: string): string {
  const x = escapeHtml;
  const here = encodeURI(to.url);
  return `<!DOCTYPE html>
<html lang="${x(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${x(to.title)}</title>
<link rel="canonical" href="${x(absoluteSiteUrl(siteUrl, to.url))}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${x(here)}">
</head>
<body>
<p>This page has moved to <a href="${x(here)}">${x(to.title)}</a>.</p>
</body>
</html>
`;
}
