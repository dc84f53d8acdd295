/**
 * Reading time and excerpts, derived from the markdown body and never stored.
 *
 * Prose is read at 200 words a minute. Code is counted at half weight: readers skim
 * it, but a page of code is not free either. Minutes are rounded to the nearest whole
 * minute, at least 1, as Medium and most blogs do.
 */

export const WORDS_PER_MINUTE = 200;
export const CODE_WEIGHT = 0.5;

export interface ReadingStats {
  readonly words: number;
  readonly codeWords: number;
  readonly minutes: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
// Han, kana and Hangul have no spaces between words; each character is counted as one.
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}\p{M}]+(?:['’.\-_][\p{L}\p{N}\p{M}]+)*/gu;

/** Splits a body into prose lines and code lines (fenced blocks). */
function partition(body: string): { prose: string[]; code: string[] } {
  const prose: string[] = [];
  const code: string[] = [];
  let fence: string | undefined;
  let chart = false;
  for (const line of body.split(/\r?\n/)) {
    if (fence) {
      if (line.trimStart().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = undefined;
      else if (!chart) code.push(line);
      continue;
    }
    const m = FENCE_OPEN.exec(line);
    // A chart's data is looked at, not read: it adds nothing to the reading time.
    if (m) { fence = m[1]; chart = m[2] === 'chart'; continue; }
    prose.push(line);
  }
  return { prose, code };
}

function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Strips markup that is not read: HTML tags, link and image targets, comments. */
function readableText(lines: string[]): string {
  return lines
    .join('\n')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
}

export function readingStats(body: string): ReadingStats {
  const { prose, code } = partition(body);
  const words = countWords(readableText(prose));
  const codeWords = countWords(code.join('\n'));
  const minutes = Math.max(1, Math.round((words + codeWords * CODE_WEIGHT) / WORDS_PER_MINUTE));
  return { words, codeWords, minutes };
}

/** `8 min read`, as the seed notebook writes it. */
export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`;
}

/**
 * The first paragraph of prose as plain text, cut at a word boundary near `max`
 * characters. Used where an entry has no summary.
 */
export function excerpt(body: string, max = 200): string {
  const { prose } = partition(body);
  const paragraphs = readableText(prose).split(/\n\s*\n/);
  for (const p of paragraphs) {
    const lines = p.split('\n').filter((l) => !/^\s*(#|>|\||[-*+]\s|\d+\.\s|:::|\s*$)/.test(l));
    const text = lines.join(' ').replace(/[*_`~]/g, '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    if (text.length <= max) return text;
    const cut = text.slice(0, max + 1);
    const space = cut.lastIndexOf(' ');
    return `${cut.slice(0, space > max / 2 ? space : max).replace(/[,;:.\s]+$/, '')}…`;
  }
  return '';
}

/** The text of the first `# ` heading, for "take the title from the first heading". */
export function firstHeading(body: string): string | undefined {
  const { prose } = partition(body);
  for (const line of prose) {
    const m = /^ {0,3}#\s+(.+?)\s*#*\s*$/.exec(line);
    if (m) return m[1];
  }
  return undefined;
}
