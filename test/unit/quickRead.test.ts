import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { frontmatterData, quickRead, splitFile } from '../../extension/core/frontmatter';
import { noteText, rng } from '../helpers/generate';

/**
 * Lists read a file's values through js-yaml (fast); problems come from the `yaml`
 * package's Document (exact places). They must agree on what every file holds: a
 * differential test over every markdown file of the repository, the corpus, generated
 * notes and random frontmatter.
 */
describe('quickRead agrees with the full parse', () => {
  const agree = (text: string, what: string) => {
    const quick = quickRead(text);
    const split = splitFile('x.md', text);
    const full = split.problems.some((p) => p.severity === 'error') ? undefined : frontmatterData(split);
    if (full) assert.deepEqual(quick.data, full, what);
    assert.equal(quick.body, split.body, what);
    assert.equal(quick.bodyLine, split.bodyLine, what);
  };

  it('on every markdown file of the repository: content, fixtures, corpus', () => {
    const root = path.join(__dirname, '../..');
    let n = 0;
    for (const dir of ['content', 'test/fixtures']) {
      for (const f of readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) {
        if (!/\.(md|mdx|markdown)$/.test(f)) continue;
        agree(readFileSync(path.join(root, dir, f), 'utf8'), f);
        n++;
      }
    }
    assert.ok(n > 40, `${n} files`);
  });

  it('on generated notes and on random frontmatter of the shapes people write', () => {
    for (let i = 0; i < 200; i++) agree(noteText(i, { proseWords: 50, codeBlocks: 1, codeLines: 2 }), `note ${i}`);
    const r = rng(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    const values = ['plain words', '"quoted: yes"', "'single'", '2026-01-02', '2026-13-45', '42', '4.5', 'true', 'no', 'null', '~', '', '[a, b]', '[]', '{ a: 1 }', '0x10', '1e3', '.inf', '- a', 'a # comment', '"\\u00e9t\\u00e9"', '>-\n  folded\n  text', '|\n  literal', 'C++ & Rust', 'x: y'];
    for (let i = 0; i < 2000; i++) {
      const keys = ['title', 'date', 'tags', 'summary', 'draft', 'order', 'x', 'Title', 'series'];
      const lines = Array.from({ length: 1 + Math.floor(r() * 5) }, () => `${pick(keys)}: ${pick(values)}`);
      agree(`---\n${lines.join('\n')}\n---\nbody ${i}\n`, lines.join(' | '));
    }
  });
});
