/**
 * Text as CommonMark and VitePress write it: entities kept as written, the rest escaped.
 * Used by notepressMarkdown (markdown.ts) for the site and the preview alike.
 */

export type TextToken = { type: string; content: string; info: string; markup: string; children: TextToken[] | null };

const NAMED_ENTITY = /^&([a-z][a-z0-9]{1,31});/i;
const NUMERIC_ENTITY = /^&#(?:x[a-f0-9]{1,6}|[0-9]{1,7});/i;

/** Escapes text for HTML, leaving `&` alone where it starts an entity markdown-it accepts (kept as written by joinText). */
export function escapeText(s: string, isEntity: (s: string) => boolean): string {
  return s.replace(/&|<|>|"/g, (ch, at: number) => {
    if (ch !== '&') return ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;';
    const rest = s.slice(at, at + 40);
    const named = NAMED_ENTITY.exec(rest);
    return NUMERIC_ENTITY.test(rest) || (named && isEntity(named[0])) ? '&' : '&amp;';
  });
}

/**
 * markdown-it's `text_join`, as VitePress does it: an entity keeps the markup it was
 * written with, so `&lt;` stays `&lt;` in the page instead of becoming `<`, and an escaped
 * `\&` becomes `&amp;`. Installed here too, so the preview's fallback renders the same.
 */
export function joinText(state: { tokens: TextToken[] }): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: TextToken[] = [];
    for (const t of block.children) {
      if (t.type === 'text_special') {
        t.type = 'text';
        t.content = t.info === 'entity' ? t.markup : t.info === 'escape' && t.content === '&' ? '&amp;' : t.content;
      }
      const last = out[out.length - 1];
      if (t.type === 'text' && last?.type === 'text') last.content += t.content;
      else out.push(t);
    }
    block.children = out;
  }
}
