/**
 * The Notepress content model: plain TypeScript shared by the extension, the site
 * build and the tests. It must never import `vscode` or `vue` (a test enforces it).
 */
export * from './problems';
export * from './dates';
export * from './kinds';
export * from './frontmatter';
export * from './slug';
export * from './reading';
export * from './entry';
export * from './notebook';
export * from './decode';
export * from './sanitize';
export * from './markdown';
export * from './source';
export * from './templates';
export * from './references';
export * from './chart';
