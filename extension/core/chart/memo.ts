/**
 * Rendered charts, kept while their block and the data files they read are unchanged:
 * typing elsewhere in a note re-renders the preview on every keystroke, and a chart of
 * 10,000 points costs tens of milliseconds to draw again. A chart with problems is
 * kept only for the same line, as its messages name lines.
 */
export class ChartMemo {
  private readonly entries = new Map<string, { line: number; ok: boolean; reads: Map<string, string | undefined>; html: string; lined?: { attrs: string; html: string } }>();
  private static readonly MAX = 32;

  get(key: string, line: number, read: (target: string) => string | undefined): string | undefined {
    const e = this.entries.get(key);
    if (!e || (!e.ok && e.line !== line)) return undefined;
    for (const [target, text] of e.reads) if (read(target) !== text) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.html;
  }

  /**
   * `html` with `attrs` (the preview's `data-line`) in its opening tag, the same string while
   * they are unchanged: the sanitized blocks (blockSlots.ts) then find it without reading it.
   */
  withAttrs(key: string, html: string, attrs: string): string {
    // The first `>` closes the opening tag: nothing before it holds one.
    const add = () => html.replace('>', `${attrs}>`);
    const e = this.entries.get(key);
    if (e?.html !== html) return add();
    if (e.lined?.attrs !== attrs) e.lined = { attrs, html: add() };
    return e.lined.html;
  }

  set(key: string, line: number, read: (target: string) => string | undefined, render: (read: (target: string) => string | undefined) => { ok: boolean; html: string }): string {
    const reads = new Map<string, string | undefined>();
    const { ok, html } = render((target) => {
      const text = read(target);
      reads.set(target, text);
      return text;
    });
    if (this.entries.size >= ChartMemo.MAX) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { line, ok, reads, html });
    return html;
  }
}
