/**
 * Importing an existing blog (Astro, Hugo, Jekyll, or a folder of markdown) into a
 * notebook. `planImport` decides everything without touching the disk;
 * `applyImport` (or `importFolder`, both in one call) carries it out.
 */
export * from './types';
export { detectLayout, type SourcePost } from './layout';
export { FIELD_ALIASES, canonicalField, blogDate, type FieldAlias } from './fields';
export { COLLECTION_RULES, DEFAULT_FOLDER, kindFor, importKinds } from './kinds';
export { planImport } from './plan';
export { renderReport, formatReportItem, type ImportResult, type ReportRoots } from './report';
export { notebookKinds, validateFor, validateForNotebook } from './notebook';

