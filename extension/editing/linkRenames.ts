import * as vscode from 'vscode';
import { LinkEdit, Move, renameEdits } from '../core/index';
import { Disposable } from '../util/dispose';
import { NotebookService } from '../workspace/notebookService';

/**
 * Keeps links working when files move: a rename or move in the Explorer (of a note, a
 * file notes link to, or a folder) adds the edits that update every link to what moved,
 * and the moved notes' own relative links, applied with the move as one undoable step.
 * They ask for confirmation, so VS Code offers to show them before anything changes.
 */
export class LinkRenameParticipant extends Disposable {
  /** Files the Rename command moves: it puts the link edits in its own edit. */
  private readonly own = new Set<string>();

  constructor(private readonly service: NotebookService) {
    super();
    this._register(vscode.workspace.onWillRenameFiles((e) => e.waitUntil(this.edit(e.files))));
  }

  /** Runs `apply` with the participant standing aside for `uri`, whose links the caller updates itself. */
  async standAside<T>(uri: vscode.Uri, apply: () => Thenable<T>): Promise<T> {
    this.own.add(uri.toString());
    try {
      return await apply();
    } finally {
      this.own.delete(uri.toString());
    }
  }

  private async edit(files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<vscode.WorkspaceEdit> {
    const edit = new vscode.WorkspaceEdit();
    const moves: Move[] = [];
    for (const { oldUri, newUri } of files) {
      if (this.own.has(oldUri.toString())) continue;
      const from = this.service.relPath(oldUri);
      const to = this.service.relPath(newUri);
      // Moved out of the content folder or into it: no path inside it to rewrite links to.
      if (!from || !to) continue;
      const folder = await vscode.workspace.fs.stat(oldUri).then((s) => s.type === vscode.FileType.Directory, () => false);
      moves.push({ from, to, ...(folder ? { folder } : {}) });
    }
    if (!moves.length) return edit;
    await this.service.flushEdits();
    addLinkEdits(this.service, edit, renameEdits(this.service.notebook.links, moves));
    return edit;
  }
}

/** Adds link edits to a workspace edit, each asking for confirmation, under one label. */
export function addLinkEdits(service: NotebookService, edit: vscode.WorkspaceEdit, edits: readonly LinkEdit[]): void {
  const meta: vscode.WorkspaceEditEntryMetadata = {
    needsConfirmation: true,
    label: 'Update links',
    description: `${edits.length} link${edits.length === 1 ? '' : 's'} in ${new Set(edits.map((e) => e.file)).size} file${new Set(edits.map((e) => e.file)).size === 1 ? '' : 's'}`,
  };
  for (const e of edits) {
    const uri = service.uriOf(e.file);
    if (uri) edit.replace(uri, new vscode.Range(e.line - 1, e.column - 1, e.endLine - 1, e.endColumn - 1), e.text, meta);
  }
}
