import * as vscode from 'vscode';
import { Entry, formatDate } from '../core/index';
import { describeEntry } from '../util/paths';
import { NotebookService } from '../workspace/notebookService';

type Node =
  /** `collapsed`: the group starts closed (VS Code then keeps what the user chose). */
  | { type: 'group'; id: string; label: string; icon: string; children: () => Node[]; collapsed?: boolean }
  /** `inYear`: the entry sits in a year group, so its date needs no year. */
  | { type: 'entry'; entry: Entry; inYear?: boolean };

/**
 * The "Notebook" tree: one group per kind of the notebook's kinds table, grouped as the
 * kind says (notes by year, case studies by category), then Drafts. Reads the index
 * only; it never touches the disk itself. With no content folder it shows nothing, so
 * the view's welcome content (Create Notebook, Import Existing Blog) appears.
 */
export class NotebookTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  static readonly viewId = 'notepress.notebook';
  private readonly _onDidChangeTreeData = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private readonly _sub: vscode.Disposable;

  constructor(private readonly service: NotebookService, problemsKnown: vscode.Event<void>) {
    this._sub = vscode.Disposable.from(
      service.onDidChange(() => this._onDidChangeTreeData.fire(undefined)),
      problemsKnown(() => this._onDidChangeTreeData.fire(undefined)),
    );
  }

  dispose(): void {
    this._sub.dispose();
    this._onDidChangeTreeData.dispose();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return node.type === 'group' ? node.children() : [];
    await this.service.ready();
    if (!this.service.hasContent) return [];
    const nb = this.service.notebook;
    const entry = (e: Entry): Node => ({ type: 'entry', entry: e });
    const groups: Node[] = nb.kinds.all.map((kind): Node => ({
      type: 'group', id: kind.id, label: kind.plural, icon: kind.icon, children: () => {
        const gs = nb.groups(kind);
        if (kind.group === 'none') return gs.flatMap((g) => g.items.map(entry));
        const icon = kind.group === 'year' ? 'calendar' : 'tag';
        const item = kind.group === 'year' ? (e: Entry): Node => ({ type: 'entry', entry: e, inYear: true }) : entry;
        // Past years start closed: VS Code asks for every row of an open group, and each
        // row's reading time parses its note (about 0.2 ms), 2 s for 10,000 notes.
        // The newest year by its number: groups come in the order of the sorted list, which
        // may start with entries whose date is missing or broken.
        const years = gs.map((g) => g.key).filter((k) => /^\d{4}$/.test(k));
        const newest = years.reduce((a, b) => (b > a ? b : a), '');
        const closed = (key: string) => kind.group === 'year' && /^\d{4}$/.test(key) && key !== newest;
        return gs.map((g): Node => ({ type: 'group', id: `${kind.id}/${g.key}`, label: g.key, icon, collapsed: closed(g.key), children: () => g.items.map(item) }));
      },
    }));
    groups.push({ type: 'group', id: 'drafts', label: 'Drafts', icon: 'edit', children: () => nb.drafts().map(entry) });
    return groups;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'group') {
      const item = new vscode.TreeItem(node.label, node.collapsed ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.id}`;
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.contextValue = 'group';
      return item;
    }
    const e = node.entry;
    const uri = this.service.uriOf(e.path)!;
    // The date leads the label: VS Code cuts a row at the pane's edge as one piece, so a
    // description after a long title (most titles, at the default 300 px) is never seen.
    const date = e.date ? formatDate(e.date, { year: !node.inYear }) : undefined;
    const item = new vscode.TreeItem(date ? `${date} · ${e.title}` : e.title, vscode.TreeItemCollapsibleState.None);
    item.id = `entry:${e.path}`;
    item.resourceUri = uri;
    // Problems only once worked out (the diagnostics do it in slices after loading): a tree of
    // 10,000 notes must not wait for them. The tree is refreshed when they are known.
    const problems = e.knownProblems ?? [];
    item.description = describeEntry(undefined, e.reading.minutes, problems.length);
    const facts = describeEntry(e.date ? formatDate(e.date) : undefined, e.reading.minutes, problems.length);
    item.accessibilityInformation = { label: `${e.title}, ${facts}` };
    // appendText would turn every space into &nbsp; (VS Code keeps the text's spacing that
    // way), leaving the hover no place to wrap but inside words: the text is escaped here instead.
    const tip = new vscode.MarkdownString();
    tip.appendMarkdown(`**${escapeMd(e.title)}**\n\n${escapeMd(facts)}`);
    if (e.summary) tip.appendMarkdown(`\n\n${escapeMd(e.summary)}`);
    for (const p of problems.slice(0, 5)) tip.appendMarkdown(`\n\n$(warning) line ${p.line}: ${escapeMd(p.message)}`);
    tip.supportThemeIcons = true;
    item.tooltip = tip;
    item.iconPath = problems.length
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : new vscode.ThemeIcon(this.service.notebook.kinds.get(e.kind)?.icon ?? 'file');
    item.contextValue = 'entry';
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
    return item;
  }

  /** Lets `reveal` find an entry's parent chain. */
  getParent(): undefined {
    return undefined;
  }
}

/** Text as markdown that shows it literally: punctuation markdown reads (and `&` of entities, `$(` of icons) escaped, spaces kept. */
function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>&$~]/g, '\\$&');
}
