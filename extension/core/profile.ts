/**
 * The two files of a notebook that are not entries of a kind: the profile (`index.md`,
 * the home page) and top-level pages (`about.md`, `now.md`, `uses.md`).
 */
import { PAGE_FIELDS, PROFILE_FIELDS } from './kinds';
import { Problem } from './problems';
import { frontmatterData, splitFile } from './frontmatter';
import { excerpt } from './reading';
import { slugOf } from './slug';
import { urlOf } from './urls';
import { isoDate, str, validateFields } from './fields';
import { placeholderProblems } from './placeholders';
import { Alias, readAliases } from './aliases';

export interface Link { readonly label: string; readonly url: string; readonly description?: string }

export interface Profile {
  readonly path: string;
  readonly name?: string;
  readonly role: string;
  readonly tagline: string;
  readonly url?: string;
  /** The focus card's lines, in the order written. */
  readonly focus: readonly (readonly [string, string])[];
  readonly links: readonly Link[];
  readonly body: string;
  /** The file line the body starts on. */
  readonly bodyLine: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly problems: readonly Problem[];
}

/** A top-level page: a title and a body, published at `/<name>`. */
export interface Page {
  readonly path: string;
  readonly url: string;
  readonly title: string;
  readonly summary: string;
  readonly updated?: string;
  readonly draft: boolean;
  /** Old addresses that redirect here: the well-formed ones (the others are problems). */
  readonly aliases: readonly Alias[];
  readonly data: Readonly<Record<string, unknown>>;
  readonly body: string;
  readonly bodyLine: number;
  readonly problems: readonly Problem[];
}

/** Parses the profile (`index.md`). Never throws. */
export function parseProfile(path: string, text: string): Profile {
  const split = splitFile(path, text);
  const problems = [...split.problems];
  validateFields(path, split, PROFILE_FIELDS, (p) => problems.push(p));
  problems.push(...placeholderProblems(path, split));
  const data = frontmatterData(split);
  const focus: [string, string][] = [];
  if (data.focus && typeof data.focus === 'object' && !Array.isArray(data.focus)) {
    // Object key order is insertion order for string keys, which is the order written.
    for (const [k, v] of Object.entries(data.focus as Record<string, unknown>)) {
      if (v !== null && typeof v !== 'object') focus.push([k, String(v)]);
      else if (Array.isArray(v)) focus.push([k, v.join(', ')]);
    }
  }
  const links: Link[] = [];
  if (Array.isArray(data.links)) {
    for (const l of data.links) {
      if (l && typeof l === 'object' && typeof (l as Record<string, unknown>).url === 'string') {
        const r = l as Record<string, unknown>;
        links.push({ label: str(r.label) ?? String(r.url).replace(/^https?:\/\//, ''), url: String(r.url), ...(str(r.description) ? { description: str(r.description) } : {}) });
      }
    }
  }
  return {
    path, data, focus, links, problems,
    name: str(data.name), role: str(data.role) ?? '', tagline: str(data.tagline) ?? '', url: str(data.url),
    body: split.body,
    bodyLine: split.bodyLine,
  };
}

/** Parses a top-level page. Never throws. */
export function parsePage(path: string, text: string): Page {
  const split = splitFile(path, text);
  const problems = [...split.problems];
  validateFields(path, split, PAGE_FIELDS, (p) => problems.push(p));
  const aliases = readAliases(path, split);
  problems.push(...aliases.problems);
  const data = frontmatterData(split);
  return {
    path, url: urlOf(path), data, problems,
    title: str(data.title) ?? slugOf(path),
    summary: str(data.summary) ?? excerpt(split.body),
    updated: isoDate(data.updated),
    draft: data.draft === true,
    aliases: aliases.aliases,
    body: split.body,
    bodyLine: split.bodyLine,
  };
}
