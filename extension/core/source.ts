/**
 * A note's text as VitePress may read it. VitePress does two things to a page's raw text
 * before markdown-it sees it, and neither is safe for a note:
 * - `<!--@include: path-->` is replaced by the file at `path`, any file, even inside a
 *   code block (its `processIncludes`);
 * - gray-matter parses the frontmatter with its own rules: `---js` is `eval`ed, a
 *   closing `...` is not seen (the core's parser accepts it), and a body that starts
 *   with `---` loses its first block.
 * `vitepressSource` hides the include syntax and gives gray-matter the frontmatter the
 * core read, as one line of JSON (JSON is YAML), without the keys VitePress would put
 * into the page's head (`head`, `dir`); `restoreIncludes` puts the text back as written
 * after rendering, so a code block that shows the syntax still shows it.
 */
import { frontmatterData, splitFile } from './frontmatter';

const INCLUDE = /(<!--\s*@include)(:)/g;
/** Inserted between `@include` and `:`; a private-use character no note needs. */
const HIDE = '\uE000';
const HIDDEN = new RegExp(`(@include)${HIDE}(:)`, 'g');

/** Frontmatter keys VitePress writes into the page's head; a note has no say there. */
const HEAD_KEYS = new Set(['head', 'dir']);

/** Hides every `<!--@include:` so that VitePress includes nothing. */
export function hideIncludes(text: string): string {
  return text.replace(INCLUDE, `$1${HIDE}$2`);
}

/** Undoes `hideIncludes` in anything made from the text (HTML, a Vue component). */
export function restoreIncludes(text: string): string {
  return text.includes(HIDE) ? text.replace(HIDDEN, '$1$2') : text;
}

/** The text VitePress is given for a content file (see the module comment). */
export function vitepressSource(relPath: string, text: string): string {
  const split = splitFile(relPath, text);
  const data = Object.fromEntries(Object.entries(frontmatterData(split)).filter(([k]) => !HEAD_KEYS.has(k)));
  return `---\n${yamlLine(data)}\n---\n${hideIncludes(split.body)}`;
}

/**
 * The text of a body alone (the preview renders bodies): an empty frontmatter first, so
 * gray-matter takes nothing from the body itself.
 */
export function vitepressBody(body: string): string {
  return `---\n---\n${hideIncludes(body)}`;
}

/** JSON on one line, with the characters js-yaml refuses in a stream escaped. */
function yamlLine(data: Record<string, unknown>): string {
  const json = JSON.stringify(data, (_k, v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)) ?? '{}';
   
  return json.replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
