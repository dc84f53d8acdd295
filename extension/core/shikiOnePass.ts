/**
 * Code highlighted for both themes in one pass of the grammar. Shiki colours a block for
 * light and dark by tokenizing it once per theme (`codeToTokensWithThemes`): the grammar's
 * regular expressions, most of highlighting's cost, run twice over the same text for the
 * same tokens. When the two themes have the same rules in the same order (the GitHub
 * themes are built from one source and do: only colours differ), one merged theme whose
 * colour for each rule stands for the pair (light, dark) gives the same tokens in one pass,
 * and each token's pair is written back as the two variables Shiki would have written.
 *
 * What comes out must be byte for byte what Shiki writes for `themes` (a unit test compares
 * them over every block of the seed and the fixtures). So this follows Shiki 2's own steps
 * for two themes: tokens split where either colour changes (a change of the pair), styles
 * flattened into `--shiki-light…`/`--shiki-dark…` variables, then whitespace merged into the
 * next token with no regard to underline, as Shiki does after flattening. Anything else (a
 * default colour, other themes, ANSI, which colours by the theme's terminal palette) goes
 * to Shiki unchanged.
 */

interface ThemeRule { readonly scope?: unknown; readonly name?: string; readonly settings: { readonly foreground?: string; readonly background?: string; readonly fontStyle?: string } }
interface ResolvedTheme { readonly name: string; readonly type?: string; readonly fg: string; readonly bg: string; readonly settings: readonly ThemeRule[]; readonly colors?: Record<string, string> }
interface Token { content: string; offset: number; color?: string; fontStyle?: number; htmlStyle?: Record<string, string> }
interface HastElement { properties: Record<string, unknown>; children?: HastElement[] }
type HtmlOptions = { lang?: string; theme?: string; themes?: Record<string, string>; defaultColor?: unknown; mergeWhitespaces?: unknown; transformers?: object[] } & Record<string, unknown>;
export interface ShikiLike {
  getTheme(name: string): ResolvedTheme;
  loadThemeSync(...themes: object[]): void;
  codeToHtml(code: string, options: HtmlOptions): string;
  codeToHast(code: string, options: HtmlOptions): { children: HastElement[] };
}

const MERGED = 'notepress-light-dark';
// Shiki's FontStyle bits, and the CSS it writes for each (getTokenStyleObject).
const ITALIC = 1, BOLD = 2, UNDERLINE = 4;

/** The two themes' rules have the same scopes, font styles and places for a colour. */
function sameRules(a: ResolvedTheme, b: ResolvedTheme): boolean {
  const shape = (t: ResolvedTheme) => JSON.stringify(t.settings.map((r) => [r.scope ?? null, r.name ?? null, r.settings.fontStyle ?? null, !!r.settings.foreground, !!r.settings.background]));
  return a.settings.length === b.settings.length && shape(a) === shape(b);
}

/**
 * Makes `highlighter.codeToHtml` tokenize once for `themes` when it can (for VitePress's
 * `shikiSetup`); otherwise leaves it as it is.
 */
export function tokenizeThemesOnce(highlighter: object, themes: { readonly light: string; readonly dark: string }): void {
  const h = highlighter as ShikiLike;
  const light = h.getTheme(themes.light);
  const dark = h.getTheme(themes.dark);
  if (!sameRules(light, dark)) return;
  // A colour per pair, of digits only: the tokenizer upper-cases colours. Values as Shiki writes them.
  const pairs = new Map<string, string>();
  const colours = new Map<string, readonly [string, string]>();
  const pair = (l: string, d: string) => {
    const key = `${l}\n${d}`;
    let fake = pairs.get(key);
    if (!fake) {
      fake = `#${String(pairs.size + 1).padStart(6, '0')}`;
      pairs.set(key, fake);
      colours.set(fake, [l.toUpperCase(), d.toUpperCase()]);
    }
    return fake;
  };
  const fg = pair(light.fg, dark.fg);
  h.loadThemeSync({
    name: MERGED, type: light.type, fg, bg: light.bg, colors: { ...light.colors, 'editor.foreground': fg },
    settings: light.settings.map((r, i) => ({
      ...r,
      settings: { ...r.settings, foreground: r.settings.foreground && pair(r.settings.foreground, dark.settings[i].settings.foreground!) },
    })),
  });
  // The <pre> as Shiki writes it for the two themes (its class and its colour variables).
  const dualPre = h.codeToHast(' ', { lang: 'text', themes, defaultColor: false }).children[0].properties;
  const transformer = {
    name: 'notepress:one-pass',
    tokens: (lines: Token[][]) => lines.map((line) => mergeWhitespace(line.map((t) => flatten(t, colours)))),
    pre(hast: HastElement) {
      hast.properties.class = dualPre.class;
      hast.properties.style = dualPre.style;
    },
  };
  const codeToHtml = h.codeToHtml.bind(h);
  h.codeToHtml = (code, options) => {
    const t = options.themes;
    const ours = t && Object.keys(t).length === 2 && t.light === themes.light && t.dark === themes.dark && options.defaultColor === false
      && options.theme === undefined && options.mergeWhitespaces === undefined && options.lang !== 'ansi';
    if (!ours) return codeToHtml(code, options);
    // Without the key: Shiki asks whether `themes` is in the options, not what it holds.
    const { themes: _both, ...single } = options;
    return codeToHtml(code, { ...single, theme: MERGED, mergeWhitespaces: false, transformers: [transformer, ...(options.transformers ?? [])] });
  };
}

/** A token of the merged theme as Shiki flattens a token of two themes (flatTokenVariants). */
function flatten(t: Token, colours: ReadonlyMap<string, readonly [string, string]>): Token {
  const pair = t.color === undefined ? undefined : colours.get(t.color.toUpperCase());
  const style: Record<string, string> = {};
  for (const [i, variant] of (['light', 'dark'] as const).entries()) {
    const prefix = `--shiki-${variant}`;
    if (pair) style[prefix] = pair[i];
    else if (t.color) style[prefix] = t.color;
    const f = t.fontStyle ?? 0;
    if (f & ITALIC) style[`${prefix}-font-style`] = 'italic';
    if (f & BOLD) style[`${prefix}-font-weight`] = 'bold';
    if (f & UNDERLINE) style[`${prefix}-text-decoration`] = 'underline';
  }
  return { content: t.content, offset: t.offset, htmlStyle: style };
}

/** Whitespace-only tokens joined to the next token, as Shiki's `mergeWhitespaces` does (flattened tokens have no font style). */
function mergeWhitespace(line: Token[]): Token[] {
  const out: Token[] = [];
  let carry = '';
  let first = 0;
  line.forEach((t, i) => {
    if (/^\s+$/.test(t.content) && line[i + 1]) {
      if (!first) first = t.offset;
      carry += t.content;
    } else if (carry) {
      out.push({ ...t, offset: first, content: carry + t.content });
      first = 0;
      carry = '';
    } else {
      out.push(t);
    }
  });
  return out;
}
