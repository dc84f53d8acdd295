import * as vscode from 'vscode';
import { Backlink } from '../core/index';
import { Disposable } from '../util/dispose';
import { NotebookService } from '../workspace/notebookService';

/**
 * "Linked From": the notes and pages that link to the note in the active editor, drafts
 * marked, kept current as any note is edited (the notebook's link index answers; it
 * re-resolves only what an edit touched). Its own view under the Notebook tree, so the
 * tree keeps its kinds and the list follows the editor.
 */
export class BacklinksView extends Disposable implements vscode.TreeDataProvider<Backlink> {
  static readonly viewId = 'notepress.backlinks';
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private readonly view = this._register(vscode.window.createTreeView(BacklinksView.viewId, { treeDataProvider: this }));
  /** The last note an editor showed: focus moving to the tree or a panel keeps its list. */
  private current: string | undefined;

  constructor(private readonly service: NotebookService) {
    super();
    this._register(service.onDidChange(() => this._onDidChangeTreeData.fire()));
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this._onDidChangeTreeData.fire()));
  }

  async getChildren(node?: Backlink): Promise<Backlink[]> {
    if (node) return [];
    await this.service.ready();
    const doc = vscode.window.activeTextEditor?.document;
    const rel = doc ? this.service.relPath(doc.uri) : undefined;
    if (rel !== undefined || doc) this.current = rel;
    const note = this.current ? this.service.notebook.links.note(this.current) : undefined;
    if (!this.current || !note) {
      this.view.message = 'Open a note to see what links to it.';
      this.view.description = undefined;
      return [];
    }
    const list = this.service.notebook.links.backlinks(this.current);
    this.view.description = note.title;
    this.view.message = list.length ? undefined : `Nothing links to "${note.title}" yet.`;
    return list;
  }

  getTreeItem(b: Backlink): vscode.TreeItem {
    const item = new vscode.TreeItem(b.title, vscode.TreeItemCollapsibleState.None);
    item.id = `backlink:${b.path}`;
    item.description = b.draft ? `${b.path} · draft` : b.path;
    item.tooltip = `${b.title} links here (${b.path})`;
    item.iconPath = new vscode.ThemeIcon('references');
    item.resourceUri = this.service.uriOf(b.path);
    item.contextValue = 'backlink';
    item.command = { command: 'vscode.open', title: 'Open', arguments: [this.service.uriOf(b.path)] };
    return item;
  }
}
