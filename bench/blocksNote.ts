/** A note of prose with 5 mermaid diagrams and 20 formulas, for the `blocks` benchmark. */
const DIAGRAMS = [
  'flowchart LR\n  client[Client] -->|GET /key| proxy{Cache hit?}\n  proxy -->|yes| cache[(Redis)]\n  proxy -->|no| db[(Postgres)]\n  db --> proxy',
  'sequenceDiagram\n  participant C as Consumer\n  participant B as Broker\n  C->>B: FetchRequest(offset=42)\n  B-->>C: records 42..99\n  C->>B: CommitOffset(100)',
  'stateDiagram-v2\n  [*] --> Follower\n  Follower --> Candidate: election timeout\n  Candidate --> Leader: majority votes\n  Candidate --> Follower: higher term seen\n  Leader --> Follower: higher term seen',
  'classDiagram\n  class Segment {\n    +long baseOffset\n    +append(record) void\n  }\n  class Log {\n    +roll() Segment\n  }\n  Log --> Segment',
  'flowchart TD\n  subgraph Producer\n    A[Batch] --> B[Compress]\n  end\n  B --> C[Leader]\n  C --> D[Follower 1]\n  C --> E[Follower 2]',
];
const FORMULAS = [
  'x^2', '\\frac{n(n+1)}{2}', 'p_{99} = \\mu + 2.33\\sigma', 'e^{i\\pi} + 1 = 0', '\\sum_{i=1}^{n} x_i',
  '\\sqrt{a^2 + b^2}', 'O(n \\log n)', '\\lim_{n\\to\\infty} (1+1/n)^n', '\\int_0^1 x\\,dx', '\\lambda = \\frac{1}{\\bar{t}}',
];

export function blocksNote(): string {
  const parts = ['---\ntitle: Blocks bench\ndate: 2026-06-01\n---'];
  for (let i = 0; i < 5; i++) {
    parts.push(`## Part ${i + 1}`);
    parts.push(`Prose ${i}: the consumer reads $${FORMULAS[(2 * i) % 10]}$ records and the broker keeps $${FORMULAS[(2 * i + 1) % 10]}$ segments, while latency stays near its median most of the time.`);
    parts.push(`$$\n${FORMULAS[(i + 3) % 10]}\n$$`);
    parts.push(`Prose ${i}b: with $${FORMULAS[(i + 5) % 10]}$ and $${FORMULAS[(i + 7) % 10]}$ in mind, the diagram below shows the flow.`);
    parts.push(`\`\`\`mermaid\n${DIAGRAMS[i]}\n\`\`\``);
  }
  return `${parts.join('\n\n')}\n`;
}
