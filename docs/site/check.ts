/**
 * What stops a build, found before VitePress renders anything: every problem of every
 * file, the files published entries refer to (images, chart data), links that lead
 * nowhere (before VitePress's own dead-link check, which throws), the settings, and
 * Notepress's own route files. Printed one per line as `path:line:column: severity:
 * message`, the form editors and problem matchers read, with no stack trace.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { formatProblem, Notebook, Problem, ProblemCode, ROUTE_FILES, ROUTE_PAGE, CONFIG_PATH } from '../../extension/core/index';
import { ContentScan, diskFiles, fileProblems, scanContent } from '../../extension/core/node/load';

export interface Check extends ContentScan { readonly problems: readonly Problem[] }

/** How links that lead nowhere count: errors (the default), warnings, some ignored, or none checked here (`skip`). */
export interface LinkPolicy {
  readonly skip?: boolean;
  readonly severity?: 'error' | 'warning';
  readonly ignore?: (href: string) => boolean;
}

/**
 * The policy a site's VitePress `ignoreDeadLinks` asks for: `true` makes dead links
 * warnings (shown, the build goes on); a list leaves out the links it names, matched as
 * VitePress matches them (the address without query, fragment and `.md`/`.html`, or as written).
 */
export function linkPolicy(ignoreDeadLinks: unknown): LinkPolicy {
  if (ignoreDeadLinks === true) return { severity: 'warning' };
  if (!Array.isArray(ignoreDeadLinks)) return {};
  const rules = ignoreDeadLinks as (string | RegExp | ((link: string) => boolean))[];
  const matches = (url: string) => rules.some((r) => (typeof r === 'string' ? r === url : r instanceof RegExp ? r.test(url) : typeof r === 'function' && r(url)));
  return { ignore: (href) => matches(href) || matches(href.replace(/[?#].*$/, '').replace(/\.(html|md)$/, '')) };
}

export async function checkNotebook(nb: Notebook, contentDir: string, o: { repair: boolean; links?: LinkPolicy }): Promise<Check> {
  const scan = await scanContent(contentDir, nb.kinds);
  const links = o.links?.skip ? [] : nb.linkProblems(diskFiles(contentDir), { ignore: o.links?.ignore })
    .map((p) => (o.links?.severity === 'warning' ? { ...p, severity: 'warning' as const } : p));
  const problems: Problem[] = [...nb.problems(), ...fileProblems(nb, contentDir), ...links, ...(await routeProblems(contentDir, o.repair)), ...navProblems(nb)];
  // The route stub is Notepress's own page, never a page of the notebook's.
  const other = scan.other.filter((p) => p !== ROUTE_PAGE);
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return { ...scan, other, problems };
}

/**
 * The route files must be Notepress's, byte for byte: VitePress runs a `.paths` file
 * as code, and a content folder runs none of its own. Missing ones are written back
 * (never over an existing file).
 */
async function routeProblems(contentDir: string, repair: boolean): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const [name, text] of Object.entries(ROUTE_FILES)) {
    const file = path.join(contentDir, name);
    let current: string | undefined;
    try {
      current = await fs.readFile(file, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === undefined && repair) {
      try {
        await fs.writeFile(file, text, { flag: 'wx' });
        process.stderr.write(`notepress: wrote ${name} in the content folder (Notepress's generated pages: tags, series, lists)\n`);
        continue;
      } catch {
        current = undefined;
      }
    }
    if (current === undefined) {
      out.push({ file: name, line: 1, column: 1, endLine: 1, endColumn: 1, code: ProblemCode.Unreadable, severity: 'error', message: `Notepress's route file is missing: run \`npx notepress init\` to restore it` });
    } else if (current.replace(/\r\n/g, '\n') !== text) {
      out.push({ file: name, line: 1, column: 1, endLine: 1, endColumn: 1, code: ProblemCode.Unsupported, severity: 'error', message: `this file must hold Notepress's own route, unchanged (the site would run it as code): delete it and the build writes it again` });
    }
  }
  return out;
}

/** `nav` names a kind or a top-level page; a name that is neither is a problem at its line. */
function navProblems(nb: Notebook): Problem[] {
  return nb.config.nav.filter((id) => !nb.kinds.get(id) && !nb.page(`${id}.md`)).map((id) => ({
    file: CONFIG_PATH, line: 1, column: 1, endLine: 1, endColumn: 1, code: ProblemCode.Settings, severity: 'error' as const,
    message: `\`nav\` names \`${id}\`, which is neither a kind nor a page (\`${id}.md\` at the top of the content folder)`,
  }));
}

/** Prints problems; returns false when any is an error. */
export function reportProblems(problems: readonly Problem[], contentDir: string, out: (s: string) => void = (s) => process.stderr.write(s)): boolean {
  if (!problems.length) return true;
  const rel = path.relative(process.cwd(), contentDir) || '.';
  out(`${problems.map((p) => formatProblem(p, `${rel}/`)).join('\n')}\n`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors) out(`notepress: ${errors} problem${errors === 1 ? '' : 's'} in the content folder; the site was not built.\n`);
  return errors === 0;
}
