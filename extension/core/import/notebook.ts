/**
 * The bridge between the importer and the notebook's own kind table and validator,
 * for callers (the CLI, the extension) that import into a notebook of the core's kinds.
 */
import { KINDS, classify } from '../kinds';
import { parseEntry, parseProfile } from '../entry';
import type { Problem } from '../problems';
import { importKinds } from './kinds';
import type { ImportKind } from './types';

/** The core's kinds, as the importer takes them. */
export function notebookKinds(): ImportKind[] {
  return importKinds(KINDS);
}

/** The notebook's validation of a file about to be written: the same problems the editor and the site build report. */
export function validateForNotebook(path: string, text: string): readonly Problem[] {
  const role = classify(path);
  if (role?.role === 'profile') return parseProfile(path, text).problems;
  if (role?.role === 'entry') return parseEntry(path, text, role.kind).problems;
  return [];
}
