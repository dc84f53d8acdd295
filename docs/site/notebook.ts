/**
 * The site's view of the notebook: the content folder loaded once through the core
 * model, and the plain, serialisable facts each page needs. Pages get only their own
 * facts (through `transformPageData`), so no list data lands in the shared chunk.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  absoluteUrl, Entry, formatDate, formatReadingTime, kindSpec, Notebook, slugify, tagUrl,
} from '../../extension/core/index';
import { loadNotebook } from '../../extension/core/load';

export const docsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The content folder; NOTEPRESS_CONTENT points a build at another copy (the tests use it). */
export const contentDir = path.resolve(process.env.NOTEPRESS_CONTENT ?? path.join(docsDir, '../content'));

let loading: Promise<Notebook> | undefined;
export function getNotebook(): Promise<Notebook> {
  return (loading ??= loadNotebook(contentDir));
}

/** What a list shows of an entry. */
export interface Item {
  readonly title: string;
  readonly url: string;
  readonly summary: string;
  readonly kind: string;
  readonly date?: string;
  readonly dateLabel?: string;
  readonly readingTime: string;
  readonly category?: string;
  readonly role?: string;
  readonly external?: string;
}

export function toItem(e: Entry): Item {
  const external = typeof e.data.url === 'string' ? absoluteUrl(e.data.url) : undefined;
  return {
    title: e.title,
    url: e.url,
    summary: e.summary || e.excerpt,
    kind: kindSpec(e.kind).label,
    readingTime: formatReadingTime(e.reading.minutes),
    ...(e.date ? { date: e.date, dateLabel: formatDate(e.date) } : {}),
    ...(e.category ? { category: e.category } : {}),
    ...(typeof e.data.role === 'string' ? { role: e.data.role } : {}),
    ...(external ? { external } : {}),
  };
}

export interface TagLink { readonly name: string; readonly url: string }
export const tagLink = (name: string): TagLink => ({ name, url: tagUrl(name) });

/** Params for `content/tags/[tag].md`: one page per tag of a published entry. */
export async function tagPaths(): Promise<{ params: { tag: string; name: string } }[]> {
  const nb = await getNotebook();
  return nb.tags().map((g) => ({ params: { tag: slugify(g.key) || 'tag', name: g.key } }));
}
