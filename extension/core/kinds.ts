/**
 * The kinds of entry a notebook holds, where each lives, and the frontmatter fields
 * each accepts. This table is the public format: the README documents it field by
 * field, the validator enforces it, and the editor offers it as completions.
 */

export type KindId = 'note' | 'case-study' | 'research' | 'open-source';
export type FieldType = 'string' | 'date' | 'tags' | 'boolean' | 'url' | 'integer' | 'focus' | 'links';

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly required: boolean;
  /** One sentence for completions and the README. */
  readonly doc: string;
}

export interface KindSpec {
  readonly id: KindId;
  /** Folder under the content folder. */
  readonly folder: string;
  readonly label: string;
  readonly plural: string;
  /** The field that names an entry: `title` for most, `project` for open-source work. */
  readonly titleField: string;
  readonly fields: readonly FieldSpec[];
}

const order: FieldSpec = { name: 'order', type: 'integer', required: false, doc: 'Position in lists, lowest first; entries without it follow, newest first.' };
const draft: FieldSpec = { name: 'draft', type: 'boolean', required: false, doc: 'When true the entry is kept out of the site, its lists, feeds, sitemap and search.' };
const tags: FieldSpec = { name: 'tags', type: 'tags', required: false, doc: 'A list of lowercase topics, e.g. `[networking, rust]`; each gets a page on the site.' };

export const KINDS: readonly KindSpec[] = [
  {
    id: 'note', folder: 'notes', label: 'Note', plural: 'Notes', titleField: 'title',
    fields: [
      { name: 'title', type: 'string', required: true, doc: 'The note\'s title.' },
      { name: 'date', type: 'date', required: true, doc: 'Publication date, `YYYY-MM-DD`.' },
      { name: 'summary', type: 'string', required: false, doc: 'One or two sentences shown in lists, feeds and link previews.' },
      tags,
      { name: 'series', type: 'string', required: false, doc: 'Name of a series; notes with the same series link to each other in date order.' },
      { name: 'updated', type: 'date', required: false, doc: 'Date of the last substantial revision, `YYYY-MM-DD`.' },
      draft,
    ],
  },
  {
    id: 'case-study', folder: 'case-studies', label: 'Case Study', plural: 'Case studies', titleField: 'title',
    fields: [
      { name: 'title', type: 'string', required: true, doc: 'The project\'s name as a title.' },
      { name: 'category', type: 'string', required: true, doc: 'The group the case study is listed under, e.g. `Databases`.' },
      { name: 'summary', type: 'string', required: false, doc: 'One or two sentences shown in lists and link previews.' },
      { name: 'stack', type: 'tags', required: false, doc: 'Languages and tools used, e.g. `[rust, tokio]`.' },
      { name: 'repository', type: 'url', required: false, doc: 'Address of the source repository.' },
      { name: 'date', type: 'date', required: false, doc: 'When the work was done or written up, `YYYY-MM-DD`.' },
      tags, order, draft,
    ],
  },
  {
    id: 'research', folder: 'research', label: 'Research Entry', plural: 'Research', titleField: 'title',
    fields: [
      { name: 'title', type: 'string', required: true, doc: 'The research topic.' },
      { name: 'summary', type: 'string', required: false, doc: 'One or two sentences shown in lists.' },
      { name: 'date', type: 'date', required: false, doc: 'Date of the latest write-up, `YYYY-MM-DD`.' },
      tags, order, draft,
    ],
  },
  {
    id: 'open-source', folder: 'open-source', label: 'Open Source Entry', plural: 'Open source', titleField: 'project',
    fields: [
      { name: 'project', type: 'string', required: true, doc: 'The project or organisation contributed to.' },
      { name: 'role', type: 'string', required: false, doc: 'Your role in it, e.g. `developer`.' },
      { name: 'summary', type: 'string', required: false, doc: 'What you did, in a sentence or two.' },
      { name: 'url', type: 'url', required: false, doc: 'Address of the project or of your contributions.' },
      { name: 'date', type: 'date', required: false, doc: 'When the contribution was made, `YYYY-MM-DD`.' },
      order, draft,
    ],
  },
];

/** The profile, `index.md` at the top of the content folder: the site's home page. */
export const PROFILE_FIELDS: readonly FieldSpec[] = [
  { name: 'name', type: 'string', required: false, doc: 'Your name or handle; the site\'s title.' },
  { name: 'role', type: 'string', required: true, doc: 'What you do, one line, e.g. `Distributed Systems & Infrastructure Engineer`.' },
  { name: 'tagline', type: 'string', required: false, doc: 'One sentence under the role.' },
  { name: 'focus', type: 'focus', required: false, doc: 'A map shown as the `$ focus --now` card, keys in the order written.' },
  { name: 'links', type: 'links', required: false, doc: 'A list of `{ label, url, description }` shown in the footer and the open-source section.' },
  { name: 'url', type: 'url', required: false, doc: 'The public address the site is deployed at; used for canonical URLs, feeds and the sitemap.' },
];

export const PROFILE_PATH = 'index.md';

const byId = new Map(KINDS.map((k) => [k.id, k]));
const byFolder = new Map(KINDS.map((k) => [k.folder, k]));

export function kindSpec(id: KindId): KindSpec {
  const spec = byId.get(id);
  if (!spec) throw new Error(`unknown kind ${id}`);
  return spec;
}

export type FileRole =
  | { readonly role: 'entry'; readonly kind: KindSpec }
  | { readonly role: 'section'; readonly kind: KindSpec }
  | { readonly role: 'profile' };

/**
 * What a path relative to the content folder is: an entry of a kind, a kind's
 * section page (`notes/index.md`), the profile, or nothing the notebook knows.
 */
export function classify(relPath: string): FileRole | undefined {
  if (!relPath.endsWith('.md') || relPath.startsWith('/') || relPath.split('/').some((s) => s === '..' || s === '' || s.startsWith('.'))) return undefined;
  if (relPath === PROFILE_PATH) return { role: 'profile' };
  const parts = relPath.split('/');
  if (parts.length < 2) return undefined;
  const kind = byFolder.get(parts[0]);
  if (!kind) return undefined;
  if (parts[parts.length - 1] === 'index.md') return { role: 'section', kind };
  return { role: 'entry', kind };
}

export function fieldsFor(kind: KindId | 'profile'): readonly FieldSpec[] {
  return kind === 'profile' ? PROFILE_FIELDS : kindSpec(kind).fields;
}
