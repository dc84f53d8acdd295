/**
 * Code colours as classes. Shiki writes each token's colours in both themes as inline CSS
 * variables, `<span style="--shiki-light:#CF222E;--shiki-dark:#FF7B72">`: 50 bytes on every
 * token, so that a 0.8 KB block became 17.7 KB of HTML, which the site build then carries
 * through the Vue compiler, Rollup, the page's chunk and its HTML. Each declaration of the
 * themes' palette is written as a short class instead, `<span class="c4 cg">`, whose rule in
 * docs/theme/styles/code.css sets the same variable: the CSS that reads the variables, and
 * so the colours, do not change.
 *
 * A span whose declarations are not all in the table (a theme colour this table does not
 * know, after an upgrade of Shiki's themes) keeps its `style`, which the sanitizer allows
 * (allowlist.ts): an unknown colour costs bytes, never the colour.
 */

/** The palette of HIGHLIGHT_THEMES (markdown.ts): the colours of each theme's token rules. */
const LIGHT = ['#1F2328', '#CF222E', '#0550AE', '#953800', '#8250DF', '#116329', '#0A3069', '#6E7781', '#82071E', '#57606A', '#F6F8FA', '#EAEEF2'];
const DARK = ['#E6EDF3', '#FF7B72', '#79C0FF', '#FFA657', '#D2A8FF', '#7EE787', '#A5D6FF', '#8B949E', '#FFA198', '#F0F6FC', '#161B22'];
/** The font styles a token rule may set, as Shiki writes them for each theme. */
const STYLES = ['font-style:italic', 'font-weight:bold', 'text-decoration:underline', 'text-decoration:line-through'];

/**
 * Every declaration that has a class, in class order: `c0` is the first. Part of the
 * highlight cache's key (markdown.ts), so a stored block never holds another table's classes.
 */
export const CODE_CLASS_DECLARATIONS: readonly string[] = [
  ...LIGHT.map((c) => `--shiki-light:${c}`),
  ...DARK.map((c) => `--shiki-dark:${c}`),
  ...STYLES.flatMap((s) => [`--shiki-light-${s}`, `--shiki-dark-${s}`]),
];

const CLASS_OF: ReadonlyMap<string, string> = new Map(CODE_CLASS_DECLARATIONS.map((d, i) => [d, codeClass(i)]));

/** The class of the `i`th declaration. */
export function codeClass(i: number): string {
  return `c${i.toString(36)}`;
}

/** The classes that stand for a token's `style`, or undefined if the table lacks any of its declarations. */
export function codeClasses(style: string): string[] | undefined {
  const classes: string[] = [];
  for (const declaration of style.split(';')) {
    if (!declaration) continue;
    // Shiki writes colours upper-case; a theme may spell them either way.
    const c = CLASS_OF.get(declaration.replace(/#[0-9a-f]+$/i, (hex) => hex.toUpperCase()));
    if (c === undefined) return undefined;
    classes.push(c);
  }
  return classes.length ? classes : undefined;
}

/** The part of a HAST element a Shiki transformer's `span` hook changes. */
interface TokenSpan { properties: Record<string, unknown> }

/**
 * A Shiki transformer (VitePress's `codeTransformers`) that writes each token's colours as
 * classes. It runs on the syntax tree, before Shiki writes the HTML.
 */
export const codeClassTransformer = {
  name: 'notepress:code-classes',
  span(hast: TokenSpan): void {
    const { style, class: existing } = hast.properties;
    const classes = typeof style === 'string' && existing === undefined ? codeClasses(style) : undefined;
    if (!classes) return;
    delete hast.properties.style;
    hast.properties.class = classes.join(' ');
  },
};

/** The stylesheet that gives each class its declaration (docs/theme/styles/code.css holds it; a test compares). */
export function codeColorCss(): string {
  return CODE_CLASS_DECLARATIONS.map((d, i) => `.vp-code .${codeClass(i)} { ${d}; }\n`).join('');
}
