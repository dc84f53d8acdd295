import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { bundledLanguages } from 'shiki';
import { noteText } from './generate';

const REPO = path.resolve(__dirname, '../..');

/** The fenced blocks of the seed and the fixtures, and some of languages they do not use. */
export function codeSamples(): { lang: string; code: string }[] {
  const notes: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) notes.push(readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(REPO, 'content'));
  walk(path.join(REPO, 'test/fixtures'));
  const extra = [
    '```md\n# Title *it* **bold** ~~gone~~ [link](http://x)\n> quote\n```',
    '```diff\n- a\n+ b\n```',
    '```python\n@decorator\ndef f(x: int) -> str:\n    """doc"""\n    return f"{x!r}"\n```',
    '```yaml\nkey: [1, "two", true]\n# comment\n```',
    '```sql\nSELECT id, count(*) FROM t WHERE x > 1 GROUP BY id;\n```',
    '```ts {2}\nconst a = 1 // [!code ++]\nlet b: string = `${a}`\n```',
    '```go\nfunc (s *Server) Serve(ctx context.Context) error {\n\tfor {\n\t\tselect { case <-ctx.Done(): return ctx.Err() }\n\t}\n}\n```',
    '```bash\nfor f in *.md; do echo "$f" | wc -c; done # count\n```',
    '```json\n{ "a": [1, 2.5, null], "b": { "c": "d" } }\n```',
    '```html\n<a href="x" class=\'y\'>t &amp; u</a><!-- c -->\n```',
    '```css\n.a > b:hover { color: #fff !important; --x: calc(1px + 2em); }\n```',
    '```java\n@Override public <T> List<T> f(final int x) throws IOException { return null; }\n```',
    '```cpp\ntemplate <typename T> constexpr auto f(T&& x) noexcept { return std::forward<T>(x); }\n```',
    '```tsx\nexport const A = ({ b }: { b: string }) => <div className="c">{b}</div>;\n```',
    '```vue\n<template><p :title="t">{{ t }}</p></template>\n<script setup lang="ts">const t = 1</script>\n```',
    '```markdown\n- [ ] task __under__ `code` <https://x.y>\n\n    indented\n```',
    // Generated notes, as the benchmarks use.
    ...[1, 2, 3].map((seed) => noteText(seed, { proseWords: 50, codeBlocks: 2, codeLines: 30 })),
  ];
  const blocks: { lang: string; code: string }[] = [];
  for (const text of [...notes, ...extra]) {
    for (const m of text.matchAll(/^(```+|~~~+)[ \t]*([\w-]+)[^\n]*\n([\s\S]*?)^\1[ \t]*$/gm)) {
      if (Object.hasOwn(bundledLanguages, m[2])) blocks.push({ lang: m[2], code: m[3] });
    }
  }
  return blocks;
}

