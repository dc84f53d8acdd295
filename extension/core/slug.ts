/**
 * Slugs and URLs. A slug is derived from a title once, when the file is created, and
 * becomes its file name; the URL is derived from the file's path, so the extension
 * and the site always agree on it and renaming a title never silently moves a page.
 */

const MAX_SLUG = 80;
// Device names Windows refuses as file names, whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A readable, path-safe slug: lowercase letters, marks and digits of any script,
 * joined by single hyphens. Accents on Latin letters are dropped (`café` → `cafe`);
 * other scripts are kept whole (Devanagari vowel signs are marks and must stay).
 * Returns '' when nothing usable remains (an empty or emoji-only title).
 */
export function slugify(title: string): string {
  const decomposed = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const words = decomposed
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if ([...next].length > MAX_SLUG) {
      if (!slug) slug = [...w].slice(0, MAX_SLUG).join('');
      break;
    }
    slug = next;
  }
  if (RESERVED.test(slug)) slug = `${slug}-note`;
  return slug;
}

/** True when a file stem is a slug this module could have made: no separators, dots or controls. */
export function isSafeSlug(slug: string): boolean {
  return slug.length > 0 && !RESERVED.test(slug) && /^[\p{L}\p{M}\p{N}]+(-[\p{L}\p{M}\p{N}]+)*$/u.test(slug);
}

/**
 * A file name for a new entry that is not yet taken: `slug.md`, else `slug-2.md`, ...
 * `taken` is compared case-insensitively because macOS and Windows file systems are.
 * Throws with a message fit for the user when the title yields no slug.
 */
export function uniqueFileName(title: string, taken: Iterable<string>): string {
  const slug = slugify(title);
  if (!slug) throw new Error(`"${title}" has no letters or digits to make a file name from; add a word to the title`);
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  if (!used.has(`${slug}.md`)) return `${slug}.md`;
  for (let i = 2; ; i++) if (!used.has(`${slug}-${i}.md`)) return `${slug}-${i}.md`;
}

/** The slug of a content file: its file name without `.md`. */
export function slugOf(relPath: string): string {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1);
  return name.replace(/\.md$/, '');
}


