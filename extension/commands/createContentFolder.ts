import * as vscode from 'vscode';
import { starterFiles, today } from '../core/index';
import { NotebookService } from '../workspace/notebookService';

/** Creates the content folder from the starter notebook's content files. Existing files are left alone. */
export async function createContentFolder(service: NotebookService): Promise<void> {
  await service.ready();
  const root = service.root;
  if (!root) {
    void vscode.window.showErrorMessage('Notepress: open a folder first; the notebook lives inside it.');
    return;
  }
  const files = starterFiles({ date: today(), contentDir: '.' }).filter((f) => f.path.startsWith('./')).map((f) => ({ ...f, path: f.path.slice(2) }));
  const edit = new vscode.WorkspaceEdit();
  for (const f of files) {
    edit.createFile(vscode.Uri.joinPath(root, ...f.path.split('/')), { ignoreIfExists: true, contents: new TextEncoder().encode(f.text) });
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Notepress: could not create the content folder at ${vscode.workspace.asRelativePath(root)}.`);
    return;
  }
  await service.reload();
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, 'index.md'));
  await vscode.window.showTextDocument(doc);
}
