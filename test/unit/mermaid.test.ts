import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { Parser } from 'htmlparser2';
import { MARKDOWN_OPTIONS, notepressMarkdown } from '../../extension/core/markdown';
import { loadBlockEngines } from '../../extension/core/blocks/engines';
import { drawMermaid, mermaidProblems } from '../../extension/core/blocks/mermaid';
import { DIAGRAM_SVG_ALLOWLIST, safeSvg } from '../../extension/core/blocks/svg';
import { parseEntry } from '../../extension/core/entry';
import { DEFAULT_TABLE } from '../../extension/core/kinds';

const FLOW = 'flowchart LR\n  client[Client] -->|GET /key| proxy{Cache hit?}\n  proxy -->|yes| cache[(Redis)]\n  proxy -->|no| db[(Postgres)]';
const SEQUENCE = 'sequenceDiagram\n  participant C as Consumer\n  participant B as Broker\n  C->>B: FetchRequest(offset=42)\n  B-->>C: records 42..99\n  Note over C,B: lag = end offset - committed';
const STATE = 'stateDiagram-v2\n  [*] --> Follower\n  Follower --> Candidate: election timeout\n  Candidate --> Leader: majority votes\n  Leader --> Follower: higher term seen';
const CLASS = 'classDiagram\n  class Segment {\n    +long baseOffset\n    +append(record) void\n  }\n  Log --> Segment';

function render(src: string): string {
  const md = new MarkdownIt(MARKDOWN_OPTIONS);
  notepressMarkdown(md);
  return md.render(src, { relativePath: 'notes/x.md' });
}
const fence = (body: string) => `\`\`\`mermaid\n${body}\n\`\`\`\n`;
const texts = (html: string) => [...html.matchAll(/<(?:text|tspan)\b[^>]*>([^<]+)</g)].map((m) => m[1]);

/** Every element and attribute of `html`'s SVG, checked against the exported allowlist. */
function outsideAllowlist(svg: string): string[] {
  const bad: string[] = [];
  const attrs = DIAGRAM_SVG_ALLOWLIST.attributes as Record<string, readonly string[]>;
  new Parser({
    onopentag(name, a) {
      if (!(DIAGRAM_SVG_ALLOWLIST.elements as readonly string[]).includes(name)) bad.push(name);
      for (const k of Object.keys(a)) if (!attrs['*'].includes(k) && !attrs[name]?.includes(k)) bad.push(`${name}@${k}`);
      for (const k of ['fill', 'stroke'] as const) if (a[k] !== undefined && a[k] !== 'none') bad.push(`${name}@${k}=${a[k]}`);
    },
  }, { xmlMode: true }).end(svg);
  return bad;
}

describe('mermaid', () => {
  before(() => loadBlockEngines());

  it('draws a flowchart as inline SVG holding its labels, named by its type and source', () => {
    const html = render(fence(FLOW));
    assert.ok(html.startsWith('<figure class="np-diagram"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 '), html.slice(0, 200));
    assert.ok(html.includes(' aria-labelledby="np-diagram-1-title np-diagram-1-desc" class="np-diagram-svg"><title id="np-diagram-1-title">Flowchart</title>'
      + '<desc id="np-diagram-1-desc">flowchart LR\n  client[Client] --&gt;|GET /key| proxy{Cache hit?}\n  proxy --&gt;|yes| cache[(Redis)]\n  proxy --&gt;|no| db[(Postgres)]</desc>'));
    assert.deepEqual(texts(html).sort(), ['Cache hit?', 'Client', 'GET /key', 'Postgres', 'Redis', 'no', 'yes']);
    assert.ok(html.endsWith('</svg></figure>\n'));
  });

  it('draws a sequence diagram and a state diagram with their labels', () => {
    assert.deepEqual(texts(render(fence(SEQUENCE))).sort(), ['Broker', 'Consumer', 'FetchRequest(offset=42)', 'lag = end offset - committed', 'records 42..99']);
    const state = render(fence(STATE));
    assert.ok(state.includes('<title id="np-diagram-1-title">State diagram</title>'));
    assert.deepEqual(texts(state).sort(), ['Candidate', 'Follower', 'Leader', 'election timeout', 'higher term seen', 'majority votes']);
  });

  it('numbers the diagrams of a page, so ids stay unique and arrows find their own markers', () => {
    const html = render(fence(FLOW) + '\n' + fence(STATE));
    assert.ok(html.includes('<marker id="np-diagram-2-arrowhead"'));
    assert.ok(html.includes('marker-end="url(#np-diagram-2-arrowhead)"'));
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('emits only the allowlisted SVG: no style, script, event handler or link, colours as classes', () => {
    for (const src of [FLOW, SEQUENCE, STATE, CLASS, 'flowchart TD\n  A --> B\n  style A fill:#f00,stroke:#0f0\n  classDef hot fill:#f96\n  class B hot']) {
      const html = render(fence(src));
      assert.deepEqual(outsideAllowlist(html.slice(html.indexOf('<svg'), html.lastIndexOf('</svg>') + 6)), [], src);
      assert.doesNotMatch(html, /\sstyle=|<style|<script|\son\w+=|href=|foreignObject|@import/i, src);
    }
    assert.match(render(fence(FLOW)), /class="np-fill-node-fill np-stroke-node-stroke"/);
  });

  it('rebuilds hostile SVG inside the subset', () => {
    const svg = '<svg viewBox="0 0 10 10" style="x" onload="alert(1)"><style>*{}</style><script>alert(2)</script>'
      + '<foreignObject><div>hi</div></foreignObject><a href="javascript:alert(3)"><text>link</text></a>'
      + '<rect width="1" height="1" fill="red" stroke="var(--_line)" onclick="x()"/><text x="1" fill="var(--_text)">A &amp; B</text>'
      + '<line marker-end="url(http://evil/x)"/></svg>';
    assert.equal(safeSvg(svg, { id: 'd', title: 'T', desc: 'D <x>', className: 'c' }),
      '<svg viewBox="0 0 10 10" aria-labelledby="d-title d-desc" class="c"><title id="d-title">T</title><desc id="d-desc">D &lt;x&gt;</desc>'
      + '<rect width="1" height="1" class="np-stroke-line"></rect><text x="1" class="np-fill-text">A &amp; B</text><line></line></svg>');
  });

  it('keeps a drawing while its source is unchanged', () => {
    assert.equal(drawMermaid(FLOW), drawMermaid(FLOW));
  });

  it('reports an unknown type, a bad direction and a line the renderer skips, at their lines and columns', () => {
    assert.deepEqual(mermaidProblems('notes/x.md', 'gantt\n  title A', 10), [{
      file: 'notes/x.md', line: 10, column: 1, endLine: 10, endColumn: 6, code: 'diagram', severity: 'error',
      message: '"gantt" is not a diagram type that can be drawn: start with flowchart, sequenceDiagram, stateDiagram-v2, classDiagram, erDiagram or xychart-beta',
    }]);
    assert.deepEqual(mermaidProblems('notes/x.md', '%% comment\n flowchart XY\n  A --> B', 10).map((p) => `${p.line}:${p.column}-${p.endColumn} ${p.message}`),
      ['11:2-14 "XY" is not a direction: write TD, TB, LR, BT or RL after `flowchart`']);
    assert.deepEqual(mermaidProblems('notes/x.md', 'sequenceDiagram\n  Alice->>Bob: Hi\n  Alice -> > Bob oops\n  Bob-->>Alice: Hello', 20), [{
      file: 'notes/x.md', line: 22, column: 3, endLine: 22, endColumn: 22, code: 'diagram', severity: 'error',
      message: 'this line is not drawn: the diagram renderer does not understand `Alice -> > Bob oops`',
    }]);
    assert.deepEqual(mermaidProblems('notes/x.md', 'flowchart TD\n  A --> B\n  A x--x B', 1).map((p) => `${p.line}:${p.column} ${p.message}`),
      ['3:3 this line is not drawn: the diagram renderer does not understand `A x--x B`']);
    assert.deepEqual(mermaidProblems('notes/x.md', '\n  \n', 5).map((p) => `${p.line}:${p.column} ${p.message}`), ['5:1 the diagram is empty: start it with its type, e.g. `flowchart LR`']);
    // Declarations and styling change nothing drawn when taken away, and are not mistakes.
    assert.deepEqual(mermaidProblems('notes/x.md', 'sequenceDiagram\n  participant Bob\n  Bob->>Alice: Hi', 1), []);
    assert.deepEqual(mermaidProblems('notes/x.md', 'flowchart\n  A --> B\n  A\n  style A fill:#f00', 1), []);
  });

  it('shows a diagram with problems as an error box naming the lines, and the note has the problem', () => {
    assert.equal(render(fence('pie\n  "a": 1')), '<div class="np-diagram-error"><strong>This diagram has problems</strong><ul><li>line 2: &quot;pie&quot; is not a diagram type that can be drawn: start with flowchart, sequenceDiagram, stateDiagram-v2, classDiagram, erDiagram or xychart-beta</li></ul></div>\n'.replace(/&quot;/g, '"'));
    const e = parseEntry('notes/x.md', `---\ntitle: T\ndate: 2026-01-01\n---\n\n- a list item:\n\n  ${fence('stateDiagram-v2\n  A --> B\n  B -> C').replace(/\n(?=.)/g, '\n  ')}`, DEFAULT_TABLE.spec('note'));
    assert.deepEqual(e.problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.message}`), ['11:5 diagram this line is not drawn: the diagram renderer does not understand `B -> C`']);
  });
});
