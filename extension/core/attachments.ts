/**
 * Where an image pasted or dropped into a note is saved, what it is called, and the
 * link the note gets. The rule, as the blog importer places a page bundle's files: a
 * folder named after the note, beside it (`notes/kafka-lag.md` → `notes/kafka-lag/`),
 * so a note's images stay together and move with its name; a note that is already
 * `index.md` in a folder of its own keeps them in that folder. The link is relative
 * (`./kafka-lag/plot.png`), which resolves the same way in the preview, on the site
 * and in any markdown viewer, and the site build checks that the file exists.
 */
import { posix } from 'node:path';
import { slugify, slugOf } from './slug';

/** Image types a note may hold, by MIME type, with the file extension each is saved under. */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
};

const EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg']);

/** True for a file name or path ending in an image extension a note may hold. */
export function isImageName(name: string): boolean {
  return EXTENSIONS.has(posix.extname(name).slice(1).toLowerCase());
}

/** The content-relative folder a note's attachments go to ('' is the content folder itself). */
export function attachmentFolder(noteRel: string): string {
  const dir = posix.dirname(noteRel) === '.' ? '' : posix.dirname(noteRel);
  const slug = slugOf(noteRel);
  if (slug === 'index') return dir;
  return dir ? `${dir}/${slug}` : slug;
}

/**
 * A safe file name for an attachment that is not yet taken: the original name's words
 * as a slug (the core's slug rules: lowercase, hyphens, no dots or separators), `image`
 * when it has none (a screenshot on the clipboard), and an extension from the MIME type,
 * else from the name. `name.png`, then `name-2.png`, ...; `taken` is compared
 * case-insensitively, as macOS and Windows file systems compare names. Returns
 * undefined when the file is not an image a note may hold.
 */
export function attachmentName(original: string | undefined, mime: string | undefined, taken: Iterable<string>): string | undefined {
  const fromName = original ? posix.extname(original).slice(1).toLowerCase() : '';
  const ext = (mime && IMAGE_TYPES[mime.toLowerCase()]) ?? (EXTENSIONS.has(fromName) ? (fromName === 'jpeg' ? 'jpg' : fromName) : undefined);
  if (!ext) return undefined;
  const stem = original ? original.slice(0, original.length - posix.extname(original).length) : '';
  const slug = slugify(stem.replace(/^.*[\\/]/, '')) || 'image';
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  if (!used.has(`${slug}.${ext}`)) return `${slug}.${ext}`;
  for (let i = 2; ; i++) if (!used.has(`${slug}-${i}.${ext}`)) return `${slug}-${i}.${ext}`;
}

/**
 * The link from a note to a content-relative image, as written in markdown: relative
 * (`./` or `../`), except that a file in `public/` is linked by its site path (`/x.png`),
 * as the site serves it and the core's `localImageRefs` reads it. Each segment is
 * percent-encoded where markdown would otherwise end the link (spaces, parentheses,
 * angle brackets) or read an escape (`%`).
 */
export function imageLink(noteRel: string, fileRel: string): string {
  const encode = (p: string) => p.split('/').map((s) => s.replace(/[\s()<>%]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)).join('/');
  if (fileRel.startsWith('public/')) return `/${encode(fileRel.slice('public/'.length))}`;
  const rel = encode(posix.relative(posix.dirname(noteRel), fileRel));
  return rel.startsWith('../') ? rel : `./${rel}`;
}
