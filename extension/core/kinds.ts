/**
 * The kinds of entry a notebook holds, as data: where each lives, which frontmatter
 * fields it accepts, how its lists sort and group, and what its lists show. One row
 * per kind; the validator, the editor (tree, New commands, completions, templates) and
 * the site (navigation, home sections, list pages, entry header, feeds, search) all
 * read this table and nothing else. The seed's four kinds are the default; a notebook
 * may change them or add its own in `.notepress/notebook.yaml` (see `notebookConfig.ts`).
 */

/** Field types, as a notebook's settings file names them. `focus` and `links` are the profile's. */
export type FieldType = 'text' | 'date' | 'list' | 'names' | 'boolean' | 'url' | 'number' | 'enum' | 'focus' | 'links';

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly required: boolean;
  /** One sentence for completions and the README. */
  readonly doc: string;
  /** For `enum`: the allowed values, in the order lists show them. */
  readonly values?: readonly string[];
}

export interface KindSpec {
  /** Stable id, used by settings and commands: `note`, `case-study`, `lab`. */
  readonly id: string;
  /** Folder under the content folder, one path segment. */
  readonly folder: string;
  /** One entry: "Note". */
  readonly label: string;
  /** The list: "Notes". */
  readonly plural: string;
  /** The field that names an entry: `title` for most, `project` for open-source work. */
  readonly titleField: string;
  readonly fields: readonly FieldSpec[];
  /** `date`: newest first. `order`: by `order`, then newest. */
  readonly sort: 'date' | 'order';
  /** How the list page and the editor's tree group entries: by year, by a field's value, or not. */
  readonly group: 'year' | 'none' | { readonly field: string };
  /** What a list shows above an entry's title: its date and reading time, a field's value, or nothing. */
  readonly meta: 'date' | 'none' | { readonly field: string };
  /** Whether the site's feeds carry this kind. */
  readonly feed: boolean;
  /** A product icon (codicon) name for the editor's tree. */
  readonly icon: string;
  /** The body of a new entry below its frontmatter (`{{cursor}}` marks where typing starts). */
  readonly body: string;
  /** The fields a new entry's frontmatter lists, in order. Default: the title, the required fields, `summary`, `date` and `tags`. */
  readonly starter?: readonly string[];
}

export const field = (name: string, type: FieldType, doc: string, required = false, values?: readonly string[]): FieldSpec =>
  ({ name, type, required, doc, ...(values ? { values } : {}) });

/**
 * Fields every kind accepts. A kind's own list comes first (it may make one of these
 * required, as notes do with `date`), then whichever of these it does not name.
 */
export const COMMON_FIELDS: readonly FieldSpec[] = [
  field('summary', 'text', 'One or two sentences shown under the title, in lists, feeds and link previews.'),
  field('date', 'date', 'Date of the entry, `YYYY-MM-DD`.'),
  field('updated', 'date', 'Date of the last substantial revision, `YYYY-MM-DD`.'),
  field('tags', 'list', 'A list of topics, e.g. `[networking, rust]`; each gets a page on the site.'),
  field('series', 'names', 'A series name, or a list of them; each series gets a page listing its parts in date order.'),
  field('order', 'number', 'Position in lists, lowest first; entries without it follow, newest first.'),
  field('draft', 'boolean', 'When true the entry is kept out of the site, its lists, feeds, sitemap and search.'),
  field('aliases', 'list', 'Old addresses of this entry, e.g. `[/posts/old-name]`; each gets a page that redirects here.'),
];

/** The seed notebook's kinds, in its order. */
export const DEFAULT_KINDS: readonly KindSpec[] = [
  {
    id: 'note', folder: 'notes', label: 'Note', plural: 'Notes', titleField: 'title', sort: 'date', group: 'year', meta: 'date', feed: true, icon: 'note',
    fields: [
      field('title', 'text', 'The note\'s title.', true),
      field('date', 'date', 'Publication date, `YYYY-MM-DD`.', true),
    ],
    body: '{{cursor}}\n',
    starter: ['title', 'date', 'summary', 'tags'],
  },
  {
    id: 'case-study', folder: 'case-studies', label: 'Case Study', plural: 'Case studies', titleField: 'title', sort: 'order', group: { field: 'category' }, meta: { field: 'category' }, feed: false, icon: 'briefcase',
    fields: [
      field('title', 'text', 'The project\'s name as a title.', true),
      field('category', 'text', 'The group the case study is listed under, e.g. `Databases`.', true),
      field('stack', 'list', 'Languages and tools used, e.g. `[rust, tokio]`.'),
      field('repository', 'url', 'Address of the source repository.'),
      field('date', 'date', 'When the work was done or written up, `YYYY-MM-DD`.'),
    ],
    body: '## Problem\n\n{{cursor}}\n\n## Design\n\n## Results\n',
    starter: ['title', 'category', 'summary', 'stack', 'repository', 'date'],
  },
  {
    id: 'research', folder: 'research', label: 'Research Entry', plural: 'Research', titleField: 'title', sort: 'order', group: 'none', meta: 'none', feed: false, icon: 'beaker',
    fields: [
      field('title', 'text', 'The research topic.', true),
      field('date', 'date', 'Date of the latest write-up, `YYYY-MM-DD`.'),
    ],
    body: '{{cursor}}\n',
    starter: ['title', 'summary', 'date'],
  },
  {
    id: 'open-source', folder: 'open-source', label: 'Open Source Entry', plural: 'Open source', titleField: 'project', sort: 'order', group: 'none', meta: { field: 'role' }, feed: false, icon: 'github',
    fields: [
      field('project', 'text', 'The project or organisation contributed to.', true),
      field('role', 'text', 'Your role in it, e.g. `developer`.'),
      field('url', 'url', 'Address of the project or of your contributions.'),
      field('date', 'date', 'When the contribution was made, `YYYY-MM-DD`.'),
    ],
    body: '{{cursor}}\n',
    starter: ['project', 'role', 'summary', 'url'],
  },
];

/** The profile, `index.md` at the top of the content folder: the site's home page. */
export const PROFILE_FIELDS: readonly FieldSpec[] = [
  field('name', 'text', 'Your name or handle; the site\'s title.'),
  field('role', 'text', 'What you do, one line, e.g. `Distributed Systems & Infrastructure Engineer`.', true),
  field('tagline', 'text', 'One sentence under the role.'),
  field('focus', 'focus', 'A map shown as the `$ focus --now` card, keys in the order written.'),
  field('links', 'links', 'A list of `{ label, url, description }` shown in the footer and the open-source section.'),
  field('url', 'url', 'The public address the site is deployed at; used for canonical URLs, feeds and the sitemap.'),
];

/** A top-level page (`about.md`, `now.md`, `uses.md`): a title and a body, outside any kind. */
export const PAGE_FIELDS: readonly FieldSpec[] = [
  field('title', 'text', 'The page\'s title.', true),
  field('summary', 'text', 'One sentence for link previews and search.'),
  field('updated', 'date', 'Date of the last revision, `YYYY-MM-DD`.'),
  field('draft', 'boolean', 'When true the page is kept out of the site.'),
  field('aliases', 'list', 'Old addresses of this page; each redirects here.'),
];

export const PROFILE_PATH = 'index.md';
/** Notepress's own dynamic route: tag, series and list pages the notebook does not write itself. */
export const ROUTE_PAGE = '[notepress].md';
export const ROUTE_PATHS = '[notepress].paths.mts';
/** The top-level folder of static files (images, downloads) copied to the site as they are. */
export const PUBLIC_DIR = 'public';
/** Folders whose names the site's generated pages use: no kind may live there. */
export const RESERVED_FOLDERS: readonly string[] = [PUBLIC_DIR, 'tags', 'series', 'og', 'assets'];

export type FileRole =
  | { readonly role: 'entry'; readonly kind: KindSpec }
  | { readonly role: 'section'; readonly kind: KindSpec }
  | { readonly role: 'profile' }
  | { readonly role: 'page' }
  /** A file in the content folder that looks like a note but cannot be one (`.mdx`). */
  | { readonly role: 'unsupported'; readonly why: string };

/** Adds the common fields a kind does not name itself. */
export function withCommonFields(own: readonly FieldSpec[]): FieldSpec[] {
  const names = new Set(own.map((f) => f.name));
  return [...own, ...COMMON_FIELDS.filter((f) => !names.has(f.name))];
}

/**
 * A notebook's kinds: the table, and the one rule for which files are entries. The
 * core's loader, the extension's file search and the site's page list all ask it.
 */
export class Kinds {
  private readonly byId: ReadonlyMap<string, KindSpec>;
  private readonly byFolder: ReadonlyMap<string, KindSpec>;
  readonly all: readonly KindSpec[];

  constructor(kinds: readonly KindSpec[]) {
    this.all = kinds.map((k) => ({ ...k, fields: withCommonFields(k.fields) }));
    this.byId = new Map(this.all.map((k) => [k.id, k]));
    this.byFolder = new Map(this.all.map((k) => [k.folder, k]));
  }

  get(id: string): KindSpec | undefined {
    return this.byId.get(id);
  }

  /** The kind of an id known to exist (from this table); throws on a programming error. */
  spec(id: string): KindSpec {
    const k = this.byId.get(id);
    if (!k) throw new Error(`unknown kind ${id}`);
    return k;
  }

  inFolder(folder: string): KindSpec | undefined {
    return this.byFolder.get(folder);
  }

  /**
   * What a path relative to the content folder is. The rule:
   * - `index.md` is the profile; any other top-level `name.md` named in lowercase letters,
   *   digits and hyphens is a page (`about.md`); others (`README.md`) are not published;
   * - under a kind's folder, `index.md` is the kind's list page and any other `.md`, at any depth, an entry;
   * - `public/` at the top holds static files, never entries; anything starting with `.`,
   *   holding `..`, `[` or an empty segment is not the notebook's (Notepress's own route is `[notepress].md`);
   * - a `.mdx` file where an entry could be is `unsupported`: shown as a problem, never skipped silently;
   * - everything else (a folder no kind owns) is not part of the notebook.
   */
  classify(relPath: string): FileRole | undefined {
    const mdx = relPath.endsWith('.mdx');
    if (!relPath.endsWith('.md') && !mdx) return undefined;
    const parts = relPath.split('/');
    if (relPath.startsWith('/') || parts.some((s) => s === '..' || s === '' || s.startsWith('.') || s.includes('['))) return undefined;
    if (parts[0] === PUBLIC_DIR || parts[0] === 'node_modules') return undefined;
    const kind = parts.length > 1 ? this.byFolder.get(parts[0]) : undefined;
    if (parts.length > 1 && !kind) return undefined;
    if (mdx) return { role: 'unsupported', why: 'MDX is not read by Notepress: rename the file to `.md` (an MDX `import` or component line stays as text), or bring the blog in with Import Existing Blog' };
    if (parts.length === 1) {
      if (relPath === PROFILE_PATH) return { role: 'profile' };
      // Pages are named like URLs (`about.md`); `README.md` and its kin describe the folder and are not published.
      return /^[a-z0-9][a-z0-9-]*\.md$/.test(relPath) ? { role: 'page' } : undefined;
    }
    if (parts[parts.length - 1] === 'index.md') return { role: 'section', kind: kind! };
    return { role: 'entry', kind: kind! };
  }

  /** The fields of a kind, of the profile, or of a top-level page. */
  fieldsFor(kind: string | 'profile' | 'page'): readonly FieldSpec[] {
    if (kind === 'profile') return PROFILE_FIELDS;
    if (kind === 'page') return PAGE_FIELDS;
    return this.spec(kind).fields;
  }
}

/** The seed's table. */
export const DEFAULT_TABLE = new Kinds(DEFAULT_KINDS);
