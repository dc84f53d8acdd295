/**
 * Reading time and excerpts, derived from the markdown body and never stored, read from
 * markdown-it's tokens (`tokens.ts`): the words a reader sees, wherever they stand.
 *
 * Prose is read at 200 words a minute. Code is counted at half weight: readers skim
 * it, but a page of code is not free either. Minutes are rounded to the nearest whole
 * minute, at least 1, as Medium and most blogs do. A chart's data, a diagram's source
 * and a formula are looked at, not read: they add nothing.
 */
import { bodyTokens, inlineText, Token } from './tokens';

export const WORDS_PER_MINUTE = 200;
export const CODE_WEIGHT = 0.5;

export interface ReadingStats {
  readonly words: number;
  readonly codeWords: number;
  readonly minutes: number;
}

// Han, kana and Hangul have no spaces between words; each character is counted as one.
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}\p{M}]+(?:['’.\-_][\p{L}\p{N}\p{M}]+)*/gu;
const LOOKED_AT = new Set(['chart', 'mermaid', 'math']);

function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** The text of raw HTML a reader sees: its tags and comments taken out. */
function htmlText(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]+>/g, ' ');
}

export function readingStats(body: string): ReadingStats {
  let prose = 0;
  let code = 0;
  for (const t of bodyTokens(body)) {
    if (t.type === 'inline') prose += countWords(inlineText(t));
    else if (t.type === 'html_block') prose += countWords(htmlText(t.content));
    else if (t.type === 'code_block' || (t.type === 'fence' && !LOOKED_AT.has(t.info.trim().split(/\s+/)[0]))) code += countWords(t.content);
  }
  const minutes = Math.max(1, Math.round((prose + code * CODE_WEIGHT) / WORDS_PER_MINUTE));
  return { words: prose, codeWords: code, minutes };
}

/** `8 min read`, as the seed notebook writes it. */
export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`;
}

/**
 * The first paragraph of prose (not in a list, a quote or a table) as plain text, cut
 * at a word boundary near `max` characters. Used where an entry has no summary.
 */
export function excerpt(body: string, max = 200): string {
  const tokens = bodyTokens(body);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type !== 'paragraph_open' || tokens[i].level !== 0) continue;
    const text = inlineText(tokens[i + 1] as Token).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    if (text.length <= max) return text;
    const cut = text.slice(0, max + 1);
    const space = cut.lastIndexOf(' ');
    return `${cut.slice(0, space > max / 2 ? space : max).replace(/[,;:.\s]+$/, '')}…`;
  }
  return '';
}

/** The text of the first `# ` heading, as written, for "take the title from the first heading". */
export function firstHeading(body: string): string | undefined {
  const tokens = bodyTokens(body);
  const i = tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h1');
  return i >= 0 ? tokens[i + 1].content.trim() || undefined : undefined;
}
