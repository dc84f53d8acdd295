import { strict as assert } from 'node:assert';
import * as sfc from 'vue/compiler-sfc';
import { lightSfcCompiler } from '../../docs/site/sfcCompiler';

/** A page as VitePress hands it to Vue: a template of static HTML and an interpolation, and a script. */
const PAGE = `<template><div><h1 id="a" tabindex="-1">Title</h1><p>{{ $frontmatter.title }}</p>
<div class="language-ts"><pre class="shiki"><code><span class="line"><span class="c1">const</span></span></code></pre></div></div></template>
<script>export default { name: 'page' }</script>`;
const SETUP_PAGE = PAGE.replace('<script>export default { name: \'page\' }</script>', '<script setup lang="ts">import { ref } from \'vue\'; const n = ref(1)</script>');

/** A template compiled the way @vitejs/plugin-vue compiles a page's, with the descriptor's tree. */
function compileTemplate(compiler: typeof sfc, d: sfc.SFCDescriptor, ssr: boolean): string {
  return compiler.compileTemplate({ id: 'x', filename: d.filename, source: d.template!.content, ast: d.template!.ast, ssr, ssrCssVars: [], isProd: true }).code;
}

describe('site build: the SFC compiler lets go of compiled template trees', () => {
  // Each test parses its own file name: compiler-sfc caches parses by source and options.
  let n = 0;
  const parse = (source: string) => sfc.parse(source, { filename: `/p/page-${n++}.md` }).descriptor;

  it('a page compiled for the client, then for SSR from the same descriptor, is what Vue writes without it', () => {
    const light = lightSfcCompiler();
    const d = parse(PAGE);
    const client = compileTemplate(light, d, false);
    assert.equal(d.template!.ast!.children.length, 0, 'the tree was let go');
    assert.equal(d.template!.ast!.source, PAGE, 'what a later compile parses again is kept');
    const ssr = compileTemplate(light, d, true);
    const plain = parse(PAGE);
    assert.equal(client, compileTemplate(sfc, plain, false));
    assert.equal(ssr, compileTemplate(sfc, plain, true));
  });

  it('a <script setup> page, whose script compiles the template inline, the same', () => {
    const light = lightSfcCompiler();
    const options = { id: 'x', inlineTemplate: true, isProd: true };
    // The component's name comes from the file's, which differs per parse here.
    const script = (c: typeof sfc, d: sfc.SFCDescriptor, o: sfc.SFCScriptCompileOptions) => c.compileScript(d, o).content.replace(/__name: '[^']*'/, '');
    const d = parse(SETUP_PAGE);
    const first = script(light, d, options);
    assert.equal(d.template!.ast!.children.length, 0);
    const again = script(light, d, { ...options, templateOptions: { ssr: true } });
    const plain = parse(SETUP_PAGE);
    assert.equal(first, script(sfc, plain, options));
    assert.equal(again, script(sfc, plain, { ...options, templateOptions: { ssr: true } }));
  });

  it('leaves a tree not yet compiled alone', () => {
    const d = parse(PAGE);
    const before = d.template!.ast!.children.length;
    lightSfcCompiler().compileScript(d, { id: 'x' });
    assert.equal(d.template!.ast!.children.length, before);
    assert.ok(before > 0);
  });
});
