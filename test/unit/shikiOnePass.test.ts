import { strict as assert } from 'node:assert';
import { createHighlighter } from 'shiki';
import { codeSamples } from '../helpers/codeSamples';
import { codeClassTransformer, HIGHLIGHT_THEMES, siteMarkdownOptions, tokenizeThemesOnce, withoutTokenizeTimeLimit } from '../../extension/core/index';

describe('Shiki: both themes in one pass of the grammar', () => {
  const samples = codeSamples();
  const langs = [...new Set(samples.map((b) => b.lang))];
  const make = () => createHighlighter({ themes: Object.values(HIGHLIGHT_THEMES), langs: [...langs, 'ansi'] });
  let plain: Awaited<ReturnType<typeof make>>;
  let once: Awaited<ReturnType<typeof make>>;
  before(async () => {
    [plain, once] = await Promise.all([make(), make()]);
    tokenizeThemesOnce(once, HIGHLIGHT_THEMES);
  });
  after(() => { plain?.dispose(); once?.dispose(); });

  /** Which theme option reached Shiki: a transformer sees the options it was called with. */
  const seen: string[] = [];
  const spy = { name: 'spy', pre(this: { options: { theme?: unknown } }) { seen.push(typeof this.options.theme === 'string' ? this.options.theme : 'themes'); } } as never;

  it('writes byte for byte what Shiki writes for the two themes, with and without our transformers', () => {
    assert.ok(langs.length >= 15, langs.join());
    seen.length = 0;
    for (const { lang, code } of samples) {
      for (const transformers of [[], [codeClassTransformer]]) {
        const options = { lang, themes: HIGHLIGHT_THEMES, defaultColor: false as const, transformers };
        assert.equal(once.codeToHtml(code, { ...options, transformers: [...transformers, spy] }), plain.codeToHtml(code, options), `${lang}:\n${code}`);
      }
    }
    // Every block went through the merged theme: one tokenizing pass, not two.
    assert.deepEqual([...new Set(seen)], ['notepress-light-dark']);
  });

  it('leaves to Shiki what it cannot do in one pass: other themes, a default colour, ANSI', () => {
    seen.length = 0;
    const code = 'let a = 1;';
    for (const options of [
      { lang: 'ts', themes: { light: 'github-light-default', dark: 'github-light-default' }, defaultColor: false as const },
      { lang: 'ts', themes: HIGHLIGHT_THEMES },
      { lang: 'ts', theme: 'github-dark-default' },
      { lang: 'ansi', themes: HIGHLIGHT_THEMES, defaultColor: false as const },
    ]) {
      assert.equal(once.codeToHtml(code, { ...options, transformers: [spy] }), plain.codeToHtml(code, options));
    }
    assert.ok(!seen.includes('notepress-light-dark'), seen.join());
  });

  it('is part of the site\'s highlighter setup, with every line coloured whole', () => {
    const calls: string[] = [];
    const h = {
      getTheme: (name: string) => plain.getTheme(name),
      loadThemeSync: () => calls.push('load'),
      codeToHast: (c: string, o: object) => plain.codeToHast(c, o as Parameters<typeof plain.codeToHast>[1]),
      codeToHtml: (_c: string, o: { tokenizeTimeLimit?: number; theme?: string }) => (calls.push(`${o.theme}:${o.tokenizeTimeLimit}`), ''),
    };
    siteMarkdownOptions().shikiSetup(h);
    h.codeToHtml('a', { lang: 'ts', themes: HIGHLIGHT_THEMES, defaultColor: false } as never);
    assert.deepEqual(calls, ['load', 'notepress-light-dark:0']);
    assert.equal(typeof withoutTokenizeTimeLimit, 'function');
  });
});
