/**
 * Old addresses of an entry or page (`aliases:`), each of which the site answers with a
 * small page that redirects to the new one, as Hugo does. Checked in two steps: each
 * value on its own where its file is parsed (a path on this site, no `..`), and against
 * every other address of the notebook where all files are known (a real page, another
 * alias). Both are problems at the alias's own line, in the editor and before the build.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { Problem, ProblemCode } from './problems';
import { rangeOf, SplitFile } from './frontmatter';
import { pageFile } from './urls';

/** One old address and where it is written. */
export interface Alias {
  /** A root-relative path on the site, as written (trimmed): `/posts/old-name`, `/2019/01/post.html`, `/old/`. */
  readonly url: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** The well-formed aliases of a file, and a problem for each that is not. Never throws. */
export function readAliases(file: string, split: SplitFile): { aliases: Alias[]; problems: Problem[] } {
  const aliases: Alias[] = [];
  const problems: Problem[] = [];
  const fm = split.frontmatter;
  const doc = fm?.doc;
  if (!fm || !doc || doc.errors.length || !isMap(doc.contents)) return { aliases, problems };
  const node = doc.contents.get('aliases', true);
  // Anything but a list is the field validator's to report (`aliases` must be a list).
  if (!isSeq(node)) return { aliases, problems };
  for (const item of node.items) {
    if (!isScalar(item) || (typeof item.value !== 'string' && typeof item.value !== 'number')) continue;
    const at = rangeOf(fm, item.range);
    const value = String(item.value).trim();
    const wrong = aliasError(value);
    if (wrong) problems.push({ file, ...at, field: 'aliases', code: ProblemCode.InvalidUrl, severity: 'error', message: wrong.message, ...(wrong.fix ? { replacement: wrong.fix } : {}) });
    else aliases.push({ url: value, ...at });
  }
  return { aliases, problems };
}

/** What is wrong with an alias on its own, with the value that fixes it where that is clear. */
function aliasError(value: string): { message: string; fix?: string } | undefined {
  const quoted = `alias "${value}"`;
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) {
    let path: string | undefined;
    try {
      path = new URL(value.startsWith('//') ? `https:${value}` : value).pathname;
    } catch { /* no path to offer */ }
    return { message: `${quoted} is an address; an alias is a path on this site${path ? `: write \`${path}\`` : ', starting with `/`'}`, ...(path ? { fix: path } : {}) };
  }
  if (!value.startsWith('/')) return { message: `${quoted} must be a path on this site starting with \`/\`, e.g. \`/${value}\``, fix: `/${value}` };
  if (/[\s\\?#\u0000-\u001f\u007f]/.test(value)) return { message: `${quoted} must be a plain path: no spaces, \`\\\`, \`?\` or \`#\`` };
  const segments = value.slice(1).split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { message: `${quoted} must not hold \`.\` or \`..\` segments: write the path it means from the site's root` };
  if (segments.slice(0, -1).some((s) => s === '')) return { message: `${quoted} has an empty segment (\`//\`)` };
  try {
    decodeURI(value);
  } catch {
    return { message: `${quoted} has a broken percent-escape` };
  }
  const ext = /\.([a-z0-9]+)$/i.exec(segments[segments.length - 1])?.[1];
  if (ext && ext.toLowerCase() !== 'html') return { message: `${quoted} names a \`.${ext}\` file; a redirect is an HTML page: use a path without an extension, ending in \`/\`, or in \`.html\`` };
  return undefined;
}

/** A file that owns addresses: an entry or a top-level page. */
export interface AliasOwner {
  readonly path: string;
  readonly url: string;
  readonly draft: boolean;
  readonly aliases: readonly Alias[];
}

/**
 * Aliases that would take an address something else has: a page of the notebook (its
 * own included), a page the site generates (`generated`: lists, tags, series, 404), or
 * another alias. Addresses are compared by the file the site is built to, so `/a` and
 * `/a.html` are one. Drafts keep their address: publishing one must not break a redirect.
 */
export function aliasProblems(owners: readonly AliasOwner[], generated: readonly { url: string; what: string }[]): Problem[] {
  const taken = new Map<string, string>();
  for (const g of generated) taken.set(pageFile(g.url), g.what);
  for (const o of owners) taken.set(pageFile(o.url), o.path);
  const byFile = new Map<string, { owner: AliasOwner; alias: Alias }[]>();
  for (const owner of owners) {
    if (owner.draft) continue;
    for (const alias of owner.aliases) {
      const key = pageFile(alias.url);
      byFile.set(key, [...(byFile.get(key) ?? []), { owner, alias }]);
    }
  }
  const out: Problem[] = [];
  const problem = (o: AliasOwner, a: Alias, message: string): Problem =>
    ({ file: o.path, line: a.line, column: a.column, endLine: a.endLine, endColumn: a.endColumn, field: 'aliases', code: ProblemCode.InvalidUrl, severity: 'error', message });
  for (const [file, uses] of byFile) {
    const page = taken.get(file);
    for (const { owner, alias } of uses) {
      const quoted = `alias "${alias.url}"`;
      if (page === owner.path) out.push(problem(owner, alias, `${quoted} is this page's own address`));
      else if (page) out.push(problem(owner, alias, `${quoted} is the address of ${page}: a redirect there would replace that page`));
      else {
        const other = uses.find((u) => u.alias !== alias);
        if (!other) continue;
        const where = other.owner === owner ? `line ${other.alias.line}` : `${other.owner.path}:${other.alias.line}`;
        out.push(problem(owner, alias, `${quoted} is also an alias at ${where}: one old address can lead to one page`));
      }
    }
  }
  return out;
}
