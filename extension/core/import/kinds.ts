/**
 * Which kind of the notebook a blog's collection (Astro), section (Hugo) or
 * collection (Jekyll) becomes. The kinds are the notebook's, passed in; this module
 * only knows the usual names blogs give their folders.
 */
import { ImportError, type ImportKind } from './types';

/** Folder names of blogs, by the notebook folder they usually correspond to. Applied only when the notebook has a kind in that folder. */
export const COLLECTION_RULES: readonly { readonly folder: string; readonly names: readonly string[] }[] = [
  { folder: 'notes', names: ['blog', 'posts', 'post', 'articles', 'notes'] },
  { folder: 'case-studies', names: ['projects', 'work', 'portfolio'] },
  { folder: 'research', names: ['research', 'papers'] },
  { folder: 'open-source', names: ['oss', 'open-source', 'contributions'] },
];

/** The folder whose kind takes every collection no rule names. */
export const DEFAULT_FOLDER = 'notes';

/** Fails with a message for the user when a mapping names a kind the notebook does not have. */
export function checkMapping(kinds: readonly ImportKind[], mapping: Readonly<Record<string, string>> | undefined): void {
  if (!kinds.length) throw new ImportError('the notebook has no kinds of entry to import into');
  for (const [collection, id] of Object.entries(mapping ?? {})) {
    if (!byName(kinds, id)) {
      throw new ImportError(`"${collection}" is mapped to "${id}", which is not a kind of this notebook (kinds: ${kinds.map((k) => k.id).join(', ')})`);
    }
  }
}

function byName(kinds: readonly ImportKind[], name: string): ImportKind | undefined {
  const lower = name.toLowerCase();
  return kinds.find((k) => k.id.toLowerCase() === lower || k.folder.toLowerCase() === lower);
}

/**
 * The kind a collection becomes: the caller's mapping, else a kind of the same id or
 * folder, else `COLLECTION_RULES`, else the `notes` kind (or the first dated kind,
 * or the first kind, in a notebook without one).
 */
export function kindFor(collection: string, kinds: readonly ImportKind[], mapping?: Readonly<Record<string, string>>): ImportKind {
  const mapped = mapping?.[collection];
  if (mapped !== undefined) return byName(kinds, mapped) as ImportKind;
  const same = collection ? byName(kinds, collection) : undefined;
  if (same) return same;
  const rule = COLLECTION_RULES.find((r) => r.names.includes(collection.toLowerCase()));
  const ruled = rule && kinds.find((k) => k.folder === rule.folder);
  if (ruled) return ruled;
  return kinds.find((k) => k.folder === DEFAULT_FOLDER) ?? kinds.find((k) => k.dated) ?? kinds[0];
}

/**
 * The importer's view of a kind table shaped like the core's `KINDS`: a kind is dated
 * when its `date` field is required.
 */
export function importKinds(specs: readonly {
  readonly id: string;
  readonly folder: string;
  readonly titleField?: string;
  readonly fields: readonly { readonly name: string; readonly required?: boolean }[];
}[]): ImportKind[] {
  return specs.map((s) => ({
    id: s.id,
    folder: s.folder,
    dated: s.fields.some((f) => f.name === 'date' && f.required === true),
    fields: s.fields.map((f) => f.name),
    ...(s.titleField && s.titleField !== 'title' ? { titleField: s.titleField } : {}),
  }));
}
