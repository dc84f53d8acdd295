import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createHighlighter } from 'shiki';
import { codeSamples } from '../helpers/codeSamples';
import { CODE_CLASS_DECLARATIONS, codeClasses, codeClassTransformer, codeColorCss, HIGHLIGHT_THEMES, siteMarkdownOptions } from '../../extension/core/index';

const REPO = path.resolve(__dirname, '../..');
type Md = { render(src: string, env?: object): string };
type VitePress = { createMarkdownRenderer(srcDir: string, options: object, base: string): Promise<Md> };
const vitepress = () => import('vitepress') as unknown as Promise<VitePress>;

/** How Shiki writes a theme's font styles. */
const FONT_STYLE: Record<string, string> = { italic: 'font-style:italic', bold: 'font-weight:bold', underline: 'text-decoration:underline', strikethrough: 'text-decoration:line-through' };

/** The inverse of compactCodeColors: each class back to its declaration. */
function expand(html: string): string {
  return html.replace(/<span class="(c[0-9a-z]+(?: c[0-9a-z]+)*)">/g, (_, classes: string) =>
    `<span style="${classes.split(' ').map((c) => CODE_CLASS_DECLARATIONS[parseInt(c.slice(1), 36)]).join(';')}">`);
}

describe('code colours as classes', () => {
  it('the stylesheet gives each class its declaration, in both the theme and the preview', () => {
    const css = readFileSync(path.join(REPO, 'docs/theme/styles/code.css'), 'utf8');
    assert.equal(css.replace(/\/\*[\s\S]*?\*\/\n/, ''), codeColorCss());
    assert.match(readFileSync(path.join(REPO, 'docs/theme/index.ts'), 'utf8'), /import '\.\/styles\/code\.css';/);
    assert.match(readFileSync(path.join(REPO, 'esbuild.mjs'), 'utf8'), /'code\.css'/);
  });

  it('the table holds every colour and font style of the installed themes', async () => {
    for (const [mode, name] of Object.entries(HIGHLIGHT_THEMES)) {
      const theme = ((await import(`@shikijs/themes/${name}`)) as { default: { tokenColors: { settings: { foreground?: string; fontStyle?: string } }[] } }).default;
      for (const { settings } of theme.tokenColors) {
        if (settings.foreground) assert.ok(CODE_CLASS_DECLARATIONS.includes(`--shiki-${mode}:${settings.foreground.toUpperCase()}`), `${name}: ${settings.foreground}`);
        for (const word of settings.fontStyle?.split(' ').filter(Boolean) ?? []) {
          assert.ok(CODE_CLASS_DECLARATIONS.includes(`--shiki-${mode}-${FONT_STYLE[word]}`), `${name}: ${word}`);
        }
      }
    }
  });

  it('writes Shiki\'s spans as classes that stand for exactly what it wrote', async () => {
    const samples = codeSamples();
    const langs = [...new Set(samples.map((b) => b.lang))];
    assert.ok(langs.length >= 8, langs.join());
    const shiki = await createHighlighter({ themes: Object.values(HIGHLIGHT_THEMES), langs });
    try {
      let spans = 0;
      for (const { lang, code } of samples) {
        const options = { lang, themes: HIGHLIGHT_THEMES, defaultColor: false as const };
        const raw = shiki.codeToHtml(code, options);
        const compact = shiki.codeToHtml(code, { ...options, transformers: [codeClassTransformer] });
        assert.equal(expand(compact), raw);
        // Tokens only: the <pre> keeps the themes' backgrounds (VitePress's CSS sets its own).
        assert.ok(!compact.includes('<span style='), `${lang}: ${compact.match(/<span style="[^"]*"/)?.[0]}`);
        spans += (raw.match(/<span style=/g) ?? []).length;
      }
      assert.ok(spans > 200, `${spans} coloured spans`);
    } finally {
      shiki.dispose();
    }
  });

  it('the site\'s renderer writes no colour variable inline', async () => {
    const { createMarkdownRenderer } = await vitepress();
    const md = await createMarkdownRenderer(REPO, siteMarkdownOptions(), '/');
    const html = md.render('```rust\nfn main() { println!("hi"); }\n```\n');
    assert.match(html, /<span class="c1">fn<\/span>|<span class="c[0-9a-z]+ c[0-9a-z]+">fn<\/span>/);
    assert.ok(!html.includes('--shiki-'), html);
  });

  it('keeps the style of a span the table does not cover whole, or that has a class', () => {
    assert.equal(codeClasses('--shiki-light:#123456;--shiki-dark:#FF7B72'), undefined);
    assert.deepEqual(codeClasses('--shiki-light:#cf222e;--shiki-dark:#ff7b72'), codeClasses('--shiki-light:#CF222E;--shiki-dark:#FF7B72'));
    assert.equal(codeClasses(''), undefined);
    const span = (properties: Record<string, unknown>) => (codeClassTransformer.span({ properties }), properties);
    assert.deepEqual(span({ style: '--shiki-light:#123456' }), { style: '--shiki-light:#123456' });
    assert.deepEqual(span({ class: 'line', style: '--shiki-light:#CF222E' }), { class: 'line', style: '--shiki-light:#CF222E' });
    assert.deepEqual(span({ style: '--shiki-light:#CF222E;--shiki-dark:#FF7B72' }), { class: 'c1 cd' });
  });
});
