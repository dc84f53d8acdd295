/**
 * Vue's SFC compiler for the site's build, holding less memory. Every page is a Vue
 * component, and the compiler keeps each page's template syntax tree long after the
 * page is compiled: `@vitejs/plugin-vue` keeps every page's descriptor (for the SSR
 * build, which runs in the same process, and for hot reload), and `@vue/compiler-sfc`
 * keeps the last 500 parses: at 1,000 notes, 0.6–0.9 GB of a 4 GB peak (#17's heap
 * snapshots, before code colours became classes).
 *
 * A tree is needed once: compiling transforms it in place and marks it `transformed`,
 * and from then on every reader (the next compile, the SSR build's, the analysis of
 * which imports the template uses) parses the template again from `ast.source` instead
 * (`resolveTemplateAST` in compiler-sfc). So once a page's template is compiled (on its
 * own, or inline with a `<script setup>`), the transformed tree's nodes are let go, and
 * only what those readers look at is kept. The pages come out byte for byte the same
 * (test/unit/sfcCompiler.test.ts; a 1,000-note build wrote the same files with and without
 * it, and peaked at 2.59 GB instead of 2.95).
 */
import * as sfc from 'vue/compiler-sfc';

type Descriptor = Parameters<typeof sfc.compileScript>[0];
type TemplateAst = Record<string, unknown> & { transformed?: boolean };

/** What a reader of a transformed tree looks at before it parses the template again. */
const KEPT = new Set(['type', 'source', 'transformed', 'loc']);

/** Lets go of a compiled template tree's nodes; a tree not yet compiled is left alone. */
export function releaseCompiledTemplate(ast: TemplateAst | null | undefined): void {
  if (!ast?.transformed) return;
  for (const key of Object.keys(ast)) {
    if (KEPT.has(key)) continue;
    // Arrays stay arrays, so code that walks them finds nothing rather than failing.
    ast[key] = Array.isArray(ast[key]) ? [] : undefined;
  }
}

/** `vue/compiler-sfc`, releasing each template's tree once it is compiled (for VitePress's `vue.compiler`). */
export function lightSfcCompiler(): typeof sfc {
  return {
    ...sfc,
    compileTemplate(options) {
      const result = sfc.compileTemplate(options);
      releaseCompiledTemplate(options.ast as TemplateAst | undefined);
      return result;
    },
    compileScript(descriptor: Descriptor, options) {
      const result = sfc.compileScript(descriptor, options);
      releaseCompiledTemplate(descriptor.template?.ast as TemplateAst | undefined);
      return result;
    },
  };
}
