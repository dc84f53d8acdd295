/**
 * The Notepress content model: plain TypeScript shared by the extension, the site
 * build, the CLI and the tests. It never imports `vscode`, `vue` or `vitepress`, and
 * touches the disk only in `node/` (the linter enforces both).
 */
export * from './problems';
export * from './dates';
export * from './kinds';
export * from './notebookConfig';
export * from './frontmatter';
export * from './fields';
export * from './slug';
export * from './urls';
export * from './reading';
export * from './entry';
export * from './profile';
export * from './placeholders';
export * from './groups';
export * from './notebook';
export * from './decode';
export * from './sanitize';
export * from './markdown';
export * from './highlightCache';
export * from './codeColors';
export * from './shikiOnePass';
export * from './source';
export * from './templates';
export * from './references';
export * from './attachments';
export * from './chart';
export * from './starter';
export * from './header';
export * from './links/index';
export * from './aliases';
export * from './imageLinks';
export * from './searchText';
export { loadBlockEngines, needsBlockEngines } from './blocks/engines';
export { DIAGRAM_SVG_ALLOWLIST } from './blocks/svg';
export { MATHML_ALLOWLIST } from './blocks/math';
export { MERMAID_TYPES } from './blocks/mermaid';
export * from './fixes';
export * from './foreign';
