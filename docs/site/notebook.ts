/**
 * The site's view of the notebook: the content folder loaded once through the core
 * model, and the plain, serialisable facts a list shows of each entry. Pages get only
 * their own facts (through `transformPageData`), so no list data lands in the chunk
 * every page loads.
 */
import * as path from 'node:path';
import {
  absoluteUrl, Entry, fieldText, formatDate, formatReadingTime, KindSpec, Notebook,
} from '../../extension/core/index';
import { loadNotebook } from '../../extension/core/node/load';
import type { Item } from './facts';

/**
 * The content folder: `NOTEPRESS_CONTENT` (the tests and the CLI set it), else the
 * option, relative to the folder the command runs in (the project folder, where
 * `package.json` is), else `content` there.
 */
export function resolveContentDir(option?: string): string {
  return path.resolve(process.env.NOTEPRESS_CONTENT ?? option ?? 'content');
}

const loading = new Map<string, Promise<Notebook>>();

/** The notebook of a content folder, loaded once per process and then kept current by the dev server's watcher. */
export function getNotebook(contentDir: string): Promise<Notebook> {
  let nb = loading.get(contentDir);
  if (!nb) loading.set(contentDir, (nb = loadNotebook(contentDir)));
  return nb;
}

/** What a list shows of an entry. */
export function toItem(e: Entry, kind: KindSpec): Item {
  const external = typeof e.data.url === 'string' ? absoluteUrl(e.data.url) : undefined;
  const dated = kind.meta === 'date';
  const meta = typeof kind.meta === 'object' ? fieldText(e, kind.meta.field) : undefined;
  const label = kind.fields.find((f) => f.type === 'enum' && fieldText(e, f.name));
  return {
    title: e.title,
    url: e.url,
    summary: e.summary || e.excerpt,
    kind: kind.id,
    ...(e.date ? { date: e.date } : {}),
    ...(dated ? { readingTime: formatReadingTime(e.reading.minutes), ...(e.date ? { dateLabel: formatDate(e.date) } : {}) } : {}),
    ...(meta ? { meta } : {}),
    ...(label ? { label: fieldText(e, label.name)! } : {}),
    ...(external ? { external } : {}),
  };
}
