/** Links between notes: read (`read.ts`), resolved (`resolve.ts`), indexed (`linkIndex.ts`), renamed (`rename.ts`). */
export type { Heading } from './headings';
export { headingSlug } from './headings';
export type { LinkForm, NoteLink, NoteLinks } from './read';
export { readLinks } from './read';
export type { Resolution } from './resolve';
export { wikiHeading } from './resolve';
export type { Backlink, ResolvedLink } from './linkIndex';
export { LinkIndex } from './linkIndex';
export type { Move, LinkEdit } from './rename';
export { movedPath, renameEdits } from './rename';
export type { Wikilink, WikilinkResolver } from './wikilink';
export { parseWikilink } from './wikilink';
