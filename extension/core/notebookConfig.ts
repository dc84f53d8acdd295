/**
 * A notebook's settings: `.notepress/notebook.yaml` in the content folder. Declarative
 * YAML, never code, so the editor reads it in restricted mode too. It may change the
 * default kinds (labels, fields, how lists sort and group), declare new ones, and choose
 * the home page's sections and the site's navigation. It is validated like a note:
 * every problem at its line, with a replacement where the intent is clear.
 */
import { isMap, isScalar, isSeq, LineCounter, Node, Pair, parseDocument, YAMLMap } from 'yaml';
import { COMMON_FIELDS, DEFAULT_KINDS, field, FieldSpec, FieldType, Kinds, KindSpec, PROFILE_PATH, RESERVED_FOLDERS } from './kinds';
import { Problem, ProblemCode } from './problems';
import { closest } from './suggest';

export const CONFIG_PATH = '.notepress/notebook.yaml';

export interface HomeSection {
  readonly kind: string;
  /** How many entries the section shows; a link leads to the rest. */
  readonly limit: number;
  /** `cards` with summaries, or a compact `list` of titles. */
  readonly style: 'cards' | 'list';
  /** The profile's `links` close this section (the seed shows them under Open source); without any, they get a section of their own. */
  readonly links?: boolean;
}

export interface NotebookConfig {
  readonly kinds: Kinds;
  readonly home: readonly HomeSection[];
  /** Header navigation: kind ids and top-level page names (`about`), in order. */
  readonly nav: readonly string[];
  readonly problems: readonly Problem[];
}

/** Home sections when the settings name none: the seed's order, compact where a card adds nothing. */
const DEFAULT_HOME: readonly HomeSection[] = [
  { kind: 'research', limit: 6, style: 'list' },
  { kind: 'case-study', limit: 6, style: 'cards' },
  { kind: 'note', limit: 8, style: 'list' },
  { kind: 'open-source', limit: 6, style: 'list', links: true },
];

export const DEFAULT_CONFIG: NotebookConfig = {
  kinds: new Kinds(DEFAULT_KINDS), home: DEFAULT_HOME, nav: DEFAULT_KINDS.map((k) => k.id), problems: [],
};

/** Keys the file and its parts accept, with what each takes (completions show these). */
export const CONFIG_KEYS = {
  top: { kinds: 'The kinds of entry: the four defaults, changed, and your own.', home: 'The home page\'s sections, in order: a kind id, or `{ kind, limit, style }`.', nav: 'The header\'s links, in order: kind ids and top-level page names such as `about`.' },
  kind: {
    folder: 'Folder under the content folder (one segment, e.g. `lab`). Default: the id.',
    label: 'What one entry is called, e.g. `Lab note`.', plural: 'What the list is called, e.g. `Lab`.',
    title: 'The field that names an entry. Default: `title`.', sort: '`date` (newest first) or `order`.',
    group: '`year`, `none`, or a field name: how the list page and the editor\'s tree group entries.',
    show: '`date`, `none`, or a field name: what lists show above each title.', feed: '`true` to include this kind in the feeds.',
    icon: 'A codicon name for the editor\'s tree, e.g. `beaker`.', body: 'The body a new entry starts with; `{{cursor}}` marks where typing starts.',
    fields: 'Fields of this kind: `name: type` or `name: { type, required, values, doc }`.',
  },
  field: { type: 'text, date, list, boolean, url, number or enum', required: '`true` when an entry must set it.', values: 'For `enum`: the allowed values.', doc: 'One sentence shown in completions.' },
  home: { kind: 'A kind id.', limit: 'How many entries the section shows.', style: '`cards` or `list`.', links: '`true` to show the profile\'s links at the end of this section.' },
} as const;

const TYPES: readonly FieldType[] = ['text', 'date', 'list', 'boolean', 'url', 'number', 'enum'];
const ID = /^[a-z][a-z0-9-]*$/;

/** Parses and validates the settings file. Never throws; a broken file yields the defaults it could not change. */
export function parseNotebookConfig(text: string, file = CONFIG_PATH): NotebookConfig {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  const at = (node: unknown, message: string, replacement?: string, severity: 'error' | 'warning' = 'error') => {
    const r = (node as { range?: [number, number] } | undefined)?.range ?? [0, 0];
    const s = lc.linePos(r[0]);
    const e = lc.linePos(Math.max(r[1], r[0] + 1));
    problems.push({ file, line: s.line, column: s.col, endLine: e.line, endColumn: e.col, code: ProblemCode.Settings, severity, message, ...(replacement ? { replacement } : {}) });
  };
  for (const err of doc.errors) {
    const s = lc.linePos(err.pos[0]);
    problems.push({ file, line: s.line, column: s.col, endLine: s.line, endColumn: s.col + 1, code: ProblemCode.YamlSyntax, severity: 'error', message: `invalid YAML: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}` });
  }
  if (doc.errors.length || doc.contents === null) return { ...DEFAULT_CONFIG, problems };
  if (!isMap(doc.contents)) {
    at(doc.contents, 'the settings file must be a map with `kinds`, `home` and `nav`');
    return { ...DEFAULT_CONFIG, problems };
  }
  const top = pairs(doc.contents, CONFIG_KEYS.top, at, 'setting');
  const kinds = readKinds(top.get('kinds'), at);
  const table = new Kinds(kinds);
  const home = readHome(top.get('home'), table, at);
  const nav = readNav(top.get('nav'), table, at);
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { kinds: table, home, nav, problems };
}

type At = (node: unknown, message: string, replacement?: string, severity?: 'error' | 'warning') => void;

/** The map's pairs by key; unknown keys are problems that name the closest known one. */
function pairs(map: YAMLMap, known: Readonly<Record<string, string>>, at: At, what: string): Map<string, Pair> {
  const out = new Map<string, Pair>();
  for (const p of map.items) {
    const key = isScalar(p.key) ? String(p.key.value) : '';
    if (!(key in known)) {
      const near = closest(key, Object.keys(known));
      at(p.key, `unknown ${what} \`${key}\`${near ? `: did you mean \`${near}\`?` : `; known: ${Object.keys(known).map((k) => `\`${k}\``).join(', ')}`}`, near);
      continue;
    }
    out.set(key, p as Pair);
  }
  return out;
}

const str = (n: unknown): string | undefined => (isScalar(n) && typeof n.value === 'string' && n.value.trim() ? n.value.trim() : undefined);

function readKinds(pair: Pair | undefined, at: At): KindSpec[] {
  const kinds = DEFAULT_KINDS.map((k) => ({ ...k }));
  if (!pair) return kinds;
  if (!isMap(pair.value)) {
    at(pair.value ?? pair.key, '`kinds` must be a map of kind ids, e.g. `lab:` with its settings indented below');
    return kinds;
  }
  for (const p of pair.value.items) {
    const id = isScalar(p.key) ? String(p.key.value) : '';
    if (!ID.test(id)) {
      at(p.key, `kind id \`${id}\` must be lowercase letters, digits and hyphens, starting with a letter`);
      continue;
    }
    const base = kinds.find((k) => k.id === id);
    const spec = readKind(id, p.value, base, at);
    if (!spec) continue;
    const clash = kinds.find((k) => k.id !== id && k.folder === spec.folder);
    if (clash) {
      at(p.key, `kind \`${id}\` uses the folder \`${spec.folder}/\`, which \`${clash.id}\` already uses`);
      continue;
    }
    if (base) kinds[kinds.indexOf(base)] = spec;
    else kinds.push(spec);
  }
  return kinds;
}

function readKind(id: string, node: unknown, base: KindSpec | undefined, at: At): KindSpec | undefined {
  if (node !== null && node !== undefined && !isMap(node)) {
    at(node, `kind \`${id}\` must be a map of settings (\`folder\`, \`label\`, \`fields\`, ...)`);
    return undefined;
  }
  const m = isMap(node) ? pairs(node, CONFIG_KEYS.kind, at, `setting of kind \`${id}\``) : new Map<string, Pair>();
  const get = (k: string) => m.get(k)?.value;
  const folder = str(get('folder')) ?? base?.folder ?? id;
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(folder) || RESERVED_FOLDERS.includes(folder) || folder === PROFILE_PATH) {
    at(get('folder') ?? node, `\`${folder}\` cannot be a kind's folder: use one plain folder name that is not ${RESERVED_FOLDERS.map((f) => `\`${f}\``).join(', ')}`);
    return undefined;
  }
  const label = str(get('label')) ?? base?.label ?? id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' ');
  const fields = readFields(get('fields'), base?.fields ?? [field('title', 'text', 'The entry\'s title.', true)], at);
  const names = new Set([...fields, ...COMMON_FIELDS].map((f) => f.name));
  const fieldRef = (key: 'group' | 'show', fallback: KindSpec['group'] | KindSpec['meta'], words: readonly string[]) => {
    const n = get(key);
    const v = str(n);
    if (v === undefined) return fallback;
    if (words.includes(v)) return v;
    if (names.has(v)) return { field: v };
    const near = closest(v, [...words, ...names]);
    at(n, `\`${key}\` must be ${words.map((w) => `\`${w}\``).join(', ')} or a field of \`${id}\`, not \`${v}\``, near);
    return fallback;
  };
  const sortNode = get('sort');
  const sort = str(sortNode);
  if (sort !== undefined && sort !== 'date' && sort !== 'order') at(sortNode, '`sort` must be `date` or `order`', closest(sort, ['date', 'order']));
  const feedNode = get('feed');
  if (feedNode !== undefined && !(isScalar(feedNode) && typeof feedNode.value === 'boolean')) at(feedNode, '`feed` must be `true` or `false`');
  const titleField = str(get('title')) ?? base?.titleField ?? 'title';
  if (!fields.some((f) => f.name === titleField)) at(get('title') ?? node, `the title field \`${titleField}\` is not one of \`${id}\`'s fields`);
  return {
    id, folder, label,
    plural: str(get('plural')) ?? base?.plural ?? label,
    titleField,
    fields,
    sort: sort === 'date' || sort === 'order' ? sort : base?.sort ?? 'date',
    group: fieldRef('group', base?.group ?? 'year', ['year', 'none']) as KindSpec['group'],
    meta: fieldRef('show', base?.meta ?? 'date', ['date', 'none']) as KindSpec['meta'],
    feed: isScalar(feedNode) && typeof feedNode.value === 'boolean' ? feedNode.value : base?.feed ?? false,
    icon: str(get('icon')) ?? base?.icon ?? 'file',
    body: str(get('body')) ?? base?.body ?? '{{cursor}}\n',
  };
}

/** A kind's fields: the base kind's, with these added or replacing theirs. */
function readFields(node: unknown, base: readonly FieldSpec[], at: At): FieldSpec[] {
  const out = [...base];
  if (node === undefined || node === null) return out;
  if (!isMap(node)) {
    at(node, '`fields` must be a map: `name: type` or `name: { type, required, values }`');
    return out;
  }
  for (const p of node.items) {
    const name = isScalar(p.key) ? String(p.key.value) : '';
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) {
      at(p.key, `\`${name}\` cannot be a field name: use letters, digits, \`_\` and \`-\``);
      continue;
    }
    const f = readField(name, p.value as Node | null, at);
    if (!f) continue;
    const common = COMMON_FIELDS.find((c) => c.name === name);
    const prior = out.find((x) => x.name === name) ?? common;
    if (prior && prior.type !== f.type && (common || name === 'title')) {
      at(p.value ?? p.key, `\`${name}\` is a ${prior.type} field the site relies on; it cannot become ${f.type}`);
      continue;
    }
    const i = out.findIndex((x) => x.name === name);
    if (i >= 0) out[i] = { ...f, doc: f.doc || out[i].doc };
    else out.push({ ...f, doc: f.doc || prior?.doc || `${name.charAt(0).toUpperCase()}${name.slice(1)}.` });
  }
  return out;
}

function readField(name: string, node: Node | null, at: At): FieldSpec | undefined {
  const typeOf = (n: unknown): FieldType | undefined => {
    const t = str(n);
    if (t && (TYPES as readonly string[]).includes(t)) return t as FieldType;
    at(n, `\`${t ?? ''}\` is not a field type; use one of ${TYPES.map((x) => `\`${x}\``).join(', ')}`, t ? closest(t, TYPES) : undefined);
    return undefined;
  };
  if (isScalar(node)) {
    const type = typeOf(node);
    if (type === 'enum') at(node, `\`${name}\` is an \`enum\`: write \`${name}: { type: enum, values: [a, b] }\``);
    return type && type !== 'enum' ? field(name, type, '') : undefined;
  }
  if (!isMap(node)) {
    at(node, `field \`${name}\` must be a type (\`${name}: text\`) or a map (\`{ type: enum, values: [a, b] }\`)`);
    return undefined;
  }
  const m = pairs(node, CONFIG_KEYS.field, at, `setting of field \`${name}\``);
  const typeNode = m.get('type')?.value;
  if (!typeNode) {
    at(node, `field \`${name}\` needs a \`type\``);
    return undefined;
  }
  const type = typeOf(typeNode);
  if (!type) return undefined;
  const reqNode = m.get('required')?.value;
  if (reqNode !== undefined && !(isScalar(reqNode) && typeof reqNode.value === 'boolean')) at(reqNode, '`required` must be `true` or `false`');
  let values: string[] | undefined;
  if (type === 'enum') {
    const v = m.get('values')?.value;
    values = isSeq(v) ? v.items.map((i) => (isScalar(i) ? String(i.value) : '')).filter(Boolean) : [];
    if (!values.length) {
      at(v ?? typeNode, `\`${name}\` is an \`enum\` and needs \`values\`, e.g. \`values: [planned, running]\``);
      return undefined;
    }
  }
  return field(name, type, str(m.get('doc')?.value) ?? '', isScalar(reqNode) && reqNode.value === true, values);
}

function readHome(pair: Pair | undefined, kinds: Kinds, at: At): HomeSection[] {
  const defaults = DEFAULT_HOME.filter((s) => kinds.get(s.kind));
  if (!pair) return [...defaults, ...kinds.all.filter((k) => !DEFAULT_HOME.some((s) => s.kind === k.id)).map((k) => ({ kind: k.id, limit: 6, style: 'list' as const }))];
  if (!isSeq(pair.value)) {
    at(pair.value ?? pair.key, '`home` must be a list of sections, e.g. `[note, research]`');
    return defaults;
  }
  const out: HomeSection[] = [];
  for (const item of pair.value.items) {
    const m = isMap(item) ? pairs(item, CONFIG_KEYS.home, at, 'setting of a home section') : undefined;
    const idNode = m ? m.get('kind')?.value : item;
    const id = str(idNode);
    if (!id || !kinds.get(id)) {
      at(idNode ?? item, `\`${id ?? ''}\` is not a kind of this notebook`, id ? closest(id, kinds.all.map((k) => k.id)) : undefined);
      continue;
    }
    const limitNode = m?.get('limit')?.value;
    const limit = isScalar(limitNode) && typeof limitNode.value === 'number' && Number.isInteger(limitNode.value) && limitNode.value > 0 ? limitNode.value : undefined;
    if (limitNode !== undefined && limit === undefined) at(limitNode, '`limit` must be a whole number above 0');
    const styleNode = m?.get('style')?.value;
    const style = str(styleNode);
    if (style !== undefined && style !== 'cards' && style !== 'list') at(styleNode, '`style` must be `cards` or `list`', closest(style, ['cards', 'list']));
    const dflt = DEFAULT_HOME.find((s) => s.kind === id);
    const linksNode = m?.get('links')?.value;
    if (linksNode !== undefined && !(isScalar(linksNode) && typeof linksNode.value === 'boolean')) at(linksNode, '`links` must be `true` or `false`');
    const links = isScalar(linksNode) && typeof linksNode.value === 'boolean' ? linksNode.value : m ? false : dflt?.links ?? false;
    out.push({ kind: id, limit: limit ?? dflt?.limit ?? 6, style: style === 'cards' || style === 'list' ? style : dflt?.style ?? 'list', ...(links ? { links } : {}) });
  }
  return out;
}

function readNav(pair: Pair | undefined, kinds: Kinds, at: At): string[] {
  if (!pair) return kinds.all.map((k) => k.id);
  if (!isSeq(pair.value)) {
    at(pair.value ?? pair.key, '`nav` must be a list, e.g. `[note, case-study, about]`');
    return kinds.all.map((k) => k.id);
  }
  const out: string[] = [];
  for (const item of pair.value.items) {
    const v = str(item);
    if (!v || !/^[a-z0-9][a-z0-9._-]*$/i.test(v)) at(item, 'each `nav` item is a kind id or a top-level page name such as `about`');
    else out.push(v);
  }
  return out;
}
