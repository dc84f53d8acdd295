import * as vscode from 'vscode';
import { LinkEdit, Move, movedPath, renameEdits } from '../core/index';
import { Disposable } from '../util/dispose';
import { NotebookService } from '../workspace/notebookService';

/**
 * Keeps links working when files move: a rename or move in the Explorer (of a note, a
 * file notes link to, or a folder), or by the Rename command, brings in the edits that
 * update every link to what moved and the moved notes' own relative links. VS Code
 * applies them with the move, as one undoable step, after asking: OK, Show Preview
 * (every change listed, applied on Apply) or Skip Changes. Files they change are saved
 * once the move is done, as a refactoring's are.
 */
export class LinkRenameParticipant extends Disposable {
  /** Link edits the Rename command computed for a move it is making, by the moved file's old URI. */
  private readonly planned = new Map<string, readonly LinkEdit[]>();
  /** Files the last move's link edits change (at their new place), and whether they had unsaved changes before. */
  private touched: { uri: vscode.Uri; wasDirty: boolean }[] = [];

  constructor(private readonly service: NotebookService) {
    super();
    this._register(vscode.workspace.onWillRenameFiles((e) => e.waitUntil(this.edit(e.files))));
    this._register(vscode.workspace.onDidRenameFiles(() => void this.save()));
  }

  /**
   * Runs `apply`, a move of `uri` whose link edits the caller computed before changing
   * anything (a new title changes what the index knows while the move runs).
   */
  async renaming<T>(uri: vscode.Uri, edits: readonly LinkEdit[], apply: () => Thenable<T>): Promise<T> {
    this.planned.set(uri.toString(), edits);
    try {
      return await apply();
    } finally {
      this.planned.delete(uri.toString());
    }
  }

  private async edit(files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<vscode.WorkspaceEdit> {
    const edit = new vscode.WorkspaceEdit();
    const moves: Move[] = [];
    for (const { oldUri, newUri } of files) {
      const from = this.service.relPath(oldUri);
      const to = this.service.relPath(newUri);
      // Moved out of the content folder or into it: no path inside it to rewrite links to.
      if (from && to) moves.push({ from, to, ...((await isFolder(oldUri)) ? { folder: true } : {}) });
    }
    if (!moves.length) return edit;
    // The Rename command's own move brings the edits it planned; any other is planned here.
    const planned = files.map((f) => this.planned.get(f.oldUri.toString())).find((p) => p !== undefined);
    if (!planned) await this.service.flushEdits();
    const edits = planned ?? renameEdits(this.service.notebook.links, moves);
    addLinkEdits(this.service, edit, edits);
    // Where each changed file will be once moved, and whether it held unsaved changes already.
    this.touched = [...new Set(edits.map((e) => e.file))].flatMap((rel) => {
      const old = this.service.uriOf(rel);
      const uri = this.service.uriOf(movedPath(rel, moves));
      const doc = old && vscode.workspace.textDocuments.find((d) => d.uri.toString() === old.toString());
      return uri ? [{ uri, wasDirty: doc?.isDirty ?? false }] : [];
    });
    return edit;
  }

  private async save(): Promise<void> {
    const touched = this.touched;
    this.touched = [];
    for (const { uri, wasDirty } of touched) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (doc?.isDirty && !wasDirty) await doc.save();
    }
  }
}

const isFolder = (uri: vscode.Uri) => vscode.workspace.fs.stat(uri).then((s) => s.type === vscode.FileType.Directory, () => false);

/** Adds link edits to a workspace edit, under one label in the refactor preview. */
export function addLinkEdits(service: NotebookService, edit: vscode.WorkspaceEdit, edits: readonly LinkEdit[]): void {
  const files = new Set(edits.map((e) => e.file)).size;
  const meta: vscode.WorkspaceEditEntryMetadata = {
    needsConfirmation: false,
    label: 'Update links',
    description: `${edits.length} link${edits.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`,
  };
  for (const e of edits) {
    const uri = service.uriOf(e.file);
    if (uri) edit.replace(uri, new vscode.Range(e.line - 1, e.column - 1, e.endLine - 1, e.endColumn - 1), e.text, meta);
  }
}
