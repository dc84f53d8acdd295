/**
 * One entry file turned into what the notebook knows of it. Validation happens here,
 * once, for the extension and the site, against the entry's row in the kinds table.
 */
import { KindSpec } from './kinds';
import { Problem } from './problems';
import { quickRead, splitFile } from './frontmatter';
import { excerpt, readingStats, ReadingStats } from './reading';
import { slugOf } from './slug';
import { urlOf } from './urls';
import { chartProblems } from './chart';
import { isoDate, list, str, validateFields } from './fields';
import { foreignSyntaxProblems } from './foreign';
import { blockProblems } from './blocks/find';
import { Alias, readAliases } from './aliases';

export interface Entry {
  /** The kind's id (a row of the notebook's kinds table). */
  readonly kind: string;
  /** Path relative to the content folder, `/`-separated. */
  readonly path: string;
  readonly slug: string;
  readonly url: string;
  /** The entry's name (its `title`, or `project` for open-source work); the file stem when missing. */
  readonly title: string;
  readonly date?: string;
  readonly updated?: string;
  readonly summary: string;
  readonly tags: readonly string[];
  /** Series names, one or several (`series: a` or `series: [a, b]`). */
  readonly series: readonly string[];
  /** Old addresses that redirect here: the well-formed ones (the others are problems). */
  readonly aliases: readonly Alias[];
  readonly order?: number;
  readonly draft: boolean;
  /** Every frontmatter field, unknown ones included, as plain values. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly reading: ReadingStats;
  readonly excerpt: string;
  readonly body: string;
  readonly bodyLine: number;
  /** Worked out on first use, then kept. */
  readonly problems: readonly Problem[];
  /** The problems when already worked out, else undefined: for views that must not pay for them (a tree of 10,000 notes). */
  readonly knownProblems: readonly Problem[] | undefined;
}

/** Every problem of an entry file: its YAML, its fields against the kind, and the blocks of its body. */
export function entryProblems(path: string, text: string, kind: KindSpec): Problem[] {
  const split = splitFile(path, text);
  const problems = [...split.problems];
  validateFields(path, split, kind.fields, (p) => problems.push(p));
  // Charts with their data inline are checked here; those with a data file need the
  // disk, and are checked where it is read (`referenceProblems`, the extension's diagnostics).
  problems.push(...chartProblems(path, split.body, split.bodyLine));
  problems.push(...blockProblems(path, split.body, split.bodyLine));
  problems.push(...foreignSyntaxProblems(path, split.body, split.bodyLine));
  problems.push(...readAliases(path, split).problems);
  return problems;
}

/**
 * Parses an entry file of a kind. Never throws. What lists show (title, date, tags, ...)
 * is read at once, fast; its problems, reading time and excerpt, each a good part of a
 * parse, are worked out on first use and kept: a notebook of 10,000 notes lists in well
 * under a second, and its problems follow.
 */
export function parseEntry(path: string, text: string, kind: KindSpec): Entry {
  return new ParsedEntry(path, text, kind);
}

/**
 * An entry as a class, its lazy facts as getters on the prototype: an object literal
 * with getters is made in dictionary mode with four new closures each time (measured at
 * 10,000 notes: 2.4 KB and about 5 µs an entry, a good part of the load and of its
 * garbage), an instance of one shape costs a tenth of that. The text and kind it was
 * parsed from are kept in private fields, out of sight of spreads and `JSON.stringify`.
 */
class ParsedEntry implements Entry {
  readonly kind: string;
  readonly slug: string;
  readonly url: string;
  readonly title: string;
  readonly date?: string;
  readonly updated?: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly series: readonly string[];
  readonly order?: number;
  readonly draft: boolean;
  readonly data: Readonly<Record<string, unknown>>;
  readonly body: string;
  readonly bodyLine: number;
  readonly #text: string;
  readonly #spec: KindSpec;
  #reading: ReadingStats | undefined;
  #excerpt: string | undefined;
  #problems: Problem[] | undefined;
  #aliases: Alias[] | undefined;

  constructor(readonly path: string, text: string, kind: KindSpec) {
    const { data, body, bodyLine } = quickRead(text);
    const order = data.order;
    this.kind = kind.id;
    this.slug = slugOf(path);
    this.url = urlOf(path);
    this.title = str(data[kind.titleField]) ?? this.slug;
    this.date = isoDate(data.date);
    this.updated = isoDate(data.updated);
    this.summary = str(data.summary) ?? '';
    this.tags = list(data.tags);
    this.series = typeof data.series === 'string' ? (str(data.series) ? [str(data.series)!] : []) : list(data.series);
    this.order = typeof order === 'number' && Number.isInteger(order) ? order : undefined;
    this.draft = data.draft === true;
    this.data = data;
    this.body = body;
    this.bodyLine = bodyLine;
    this.#text = text;
    this.#spec = kind;
  }

  // With their places, which only the full parse knows; most entries have none, and pay nothing.
  get aliases(): readonly Alias[] {
    return (this.#aliases ??= this.data.aliases === undefined ? [] : readAliases(this.path, splitFile(this.path, this.#text)).aliases);
  }

  get reading(): ReadingStats {
    return (this.#reading ??= readingStats(this.body));
  }

  get excerpt(): string {
    return (this.#excerpt ??= excerpt(this.body));
  }

  get problems(): readonly Problem[] {
    return (this.#problems ??= entryProblems(this.path, this.#text, this.#spec));
  }

  get knownProblems(): readonly Problem[] | undefined {
    return this.#problems;
  }
}

/** An absolute link for a URL field: `github.com/x` → `https://github.com/x`. */
export function absoluteUrl(url: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`;
}
