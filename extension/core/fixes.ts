/**
 * Repairs the editor offers for problems whose fix is clear, as text edits in file
 * offsets. Kept in the core so the quick fixes and their tests see the same edits.
 */
import { isIsoDate } from './dates';
import { frontmatterData, renameFieldEdits, splitFile, TextEdit } from './frontmatter';
import { blogDate, canonicalField } from './import/fields';

/**
 * For a missing field that the file sets under another blog's name (`pubDate` for
 * `date`): the rename, with a date-time made a `YYYY-MM-DD` date. Undefined when there
 * is no such alias.
 */
export function aliasFix(text: string, field: string): { alias: string; edits: TextEdit[] } | undefined {
  const data = frontmatterData(splitFile('', text));
  const alias = Object.keys(data).find((k) => k !== field && canonicalField(k) === field);
  if (!alias) return undefined;
  const raw = data[alias];
  const asDate = field === 'date' || field === 'updated' ? blogDate(raw instanceof Date ? raw.toISOString() : String(raw ?? '')) : undefined;
  const value = asDate && !(typeof raw === 'string' && isIsoDate(raw)) ? asDate : undefined;
  const edits = renameFieldEdits(text, alias, field, value);
  return edits ? { alias, edits } : undefined;
}
