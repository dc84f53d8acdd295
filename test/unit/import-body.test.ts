import { strict as assert } from 'node:assert';
import { untranslatable, type Dialect } from '../../extension/core/import/body';

const MDX: Dialect = { mdx: true, hugo: false, liquid: false };
const HUGO: Dialect = { mdx: false, hugo: true, liquid: false };
const LIQUID: Dialect = { mdx: false, hugo: false, liquid: true };

/** Findings as `line:column message`, lines 1-based like the body's own. */
const scan = (body: string, dialect: Dialect) => untranslatable(body, dialect).map((f) => `${f.line + 1}:${f.column} ${f.message}`);

describe('import body', () => {
  it('reports MDX imports, exports, components, comments and expressions where they stand', () => {
    const body = [
      "import Chart from '../components/Chart.astro';",
      'export const year = 2024;',
      '',
      'Text with <Chart data={[1, 2]} /> inline and {year} here.',
      '',
      '<Tabs.Group>',
      '  {/* a comment */}',
      '</Tabs.Group>',
    ].join('\n');
    assert.deepEqual(scan(body, MDX), [
      '1:1 MDX `import` is kept as text: notes cannot import components; remove the line',
      '2:1 MDX `export` is kept as text: notes cannot export values; remove it',
      '4:11 MDX component `<Chart>` is not converted: replace it with markdown or HTML',
      '4:46 MDX expression `{year}` is kept as text: write its value',
      '6:1 MDX component `<Tabs.Group>` is not converted: replace it with markdown or HTML',
      '7:3 MDX comment `{/* */}` is kept as text: use `<!-- -->`',
    ]);
  });

  it('does not report what is code: fenced and indented blocks, and code spans', () => {
    const body = [
      '```jsx',
      "import Chart from './Chart';",
      '<Chart data={x} />',
      '```',
      '',
      '    <Indented />',
      '',
      'Inline `<Chart />` and ``{{< x >}} `{% y %}` `` spans.',
      '',
      '- in a list:',
      '  ```',
      '  {{< youtube id >}} {% include a.html %} {{ site.title }}',
      '  ```',
    ].join('\n');
    assert.deepEqual(scan(body, MDX), []);
    assert.deepEqual(scan(body, HUGO), []);
    assert.deepEqual(scan(body, LIQUID), []);
  });

  it('reports Hugo shortcodes once each, not their closing tags, with advice for the common ones', () => {
    const body = '{{< figure src="/a.png" >}}\n\n{{% notice %}}\nHi\n{{% /notice %}}\n\nSee {{< relref "b" >}} and {{</* gist x */>}}.\n';
    assert.deepEqual(scan(body, HUGO), [
      '1:1 Hugo shortcode `{{< figure src="/a.png" >}}` is kept as text: write a markdown image, `![alt](src)`',
      '3:1 Hugo shortcode `{{% notice %}}` is kept as text: replace it with markdown or HTML',
      '7:5 Hugo shortcode `{{< relref "b" >}}` is kept as text: write a link to the note',
      '7:28 Hugo shortcode `{{</* gist x */>}}` is kept as text: it is an escaped shortcode; remove the `/*` and `*/`',
    ]);
  });

  it('reports Liquid tags and output, and a raw block once for all it holds', () => {
    const body = '{% highlight ruby %}\nputs 1\n{% endhighlight %}\n\n![x]({{ site.baseurl }}/a.png)\n\n{% raw %}\n{{ page.title }} {% if x %}\n{% endraw %}\n';
    assert.deepEqual(scan(body, LIQUID), [
      '1:1 Liquid tag `{% highlight ruby %}` is kept as text: use a fenced code block (```lang) instead',
      '5:6 Liquid output `{{ site.baseurl }}` is kept as text: write the value itself',
      '7:1 Liquid `{% raw %}` is kept as text: remove it and its `{% endraw %}` (Notepress shows `{{` and `{%` as written)',
    ]);
  });

  it('reads each syntax only in its own dialect', () => {
    const body = 'import x from "y"\n\n{{< figure >}} {% include a %} <Chart />\n';
    assert.deepEqual(scan(body, { mdx: false, hugo: false, liquid: false }), []);
    assert.deepEqual(scan(body, HUGO), ['3:1 Hugo shortcode `{{< figure >}}` is kept as text: write a markdown image, `![alt](src)`']);
    // To Liquid, `{{< figure >}}` is an output tag like any other.
    assert.deepEqual(scan(body, LIQUID), [
      '3:1 Liquid output `{{< figure >}}` is kept as text: write the value itself',
      '3:16 Liquid tag `{% include a %}` is kept as text: paste the text of the included file',
    ]);
  });

  it('counts columns on CRLF lines as on LF lines', () => {
    assert.deepEqual(scan('Intro\r\n\r\nSee {{< ref "a" >}}\r\n', HUGO), ['3:5 Hugo shortcode `{{< ref "a" >}}` is kept as text: write a link to the note']);
  });
});
