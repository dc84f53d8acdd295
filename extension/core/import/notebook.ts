/**
 * The bridge between the importer and a notebook's kinds table and validator, for
 * callers (the CLI, the extension) that import into a notebook.
 */
import { DEFAULT_TABLE, Kinds } from '../kinds';
import { parseEntry } from '../entry';
import { parsePage, parseProfile } from '../profile';
import type { Problem } from '../problems';
import { importKinds } from './kinds';
import type { ImportKind } from './types';

/** A notebook's kinds (the defaults when none is given), as the importer takes them. */
export function notebookKinds(kinds: Kinds = DEFAULT_TABLE): ImportKind[] {
  return importKinds(kinds.all);
}

/** The notebook's validation of a file about to be written: the same problems the editor and the site build report. */
export function validateFor(kinds: Kinds = DEFAULT_TABLE): (path: string, text: string) => readonly Problem[] {
  return (path, text) => {
    const role = kinds.classify(path);
    if (role?.role === 'profile') return parseProfile(path, text).problems;
    if (role?.role === 'page') return parsePage(path, text).problems;
    if (role?.role === 'entry') return parseEntry(path, text, role.kind).problems;
    return [];
  };
}

/** Validation against the default kinds. */
export const validateForNotebook = validateFor();
