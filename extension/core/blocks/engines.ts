/**
 * The renderers of diagrams and math, loaded once, on demand. beautiful-mermaid takes
 * about 380 ms to load (ELK's layout code) and KaTeX about 60 ms: too much for the
 * extension's activation or for a notebook with neither. Loaded with `import()`, the one
 * form that the extension's bundle, the site's ESM config and tsx all accept
 * (beautiful-mermaid is ESM-only). Whoever renders or checks notes awaits
 * {@link loadBlockEngines} first: the site config, the preview's renderer and `loadFile`.
 */
import type * as BeautifulMermaid from 'beautiful-mermaid';
import type Katex from 'katex';

export interface BlockEngines {
  readonly mermaid: typeof BeautifulMermaid;
  readonly katex: typeof Katex;
}

let engines: BlockEngines | undefined;
let loading: Promise<BlockEngines> | undefined;

/** Loads the renderers (once; later calls return the same promise). */
export function loadBlockEngines(): Promise<BlockEngines> {
  return (loading ??= Promise.all([import('beautiful-mermaid'), import('katex')]).then(([mermaid, katex]) => {
    const k = (katex as { default?: typeof Katex }).default ?? (katex as unknown as typeof Katex);
    return (engines = { mermaid, katex: k });
  }));
}

/** The renderers if loaded; undefined before {@link loadBlockEngines} resolves. */
export function blockEngines(): BlockEngines | undefined {
  return engines;
}

/** True when a note's text may hold a diagram or math, so its engines are worth loading. */
export function needsBlockEngines(text: string): boolean {
  return text.includes('$') || /(```|~~~)\s*(mermaid|math)\b/.test(text);
}
