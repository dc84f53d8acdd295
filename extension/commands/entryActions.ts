import * as vscode from 'vscode';
import { Entry, renameEdits, setFieldEdit, uniqueFileName, slugify } from '../core/index';
import { NotebookService } from '../workspace/notebookService';
import { addLinkEdits, LinkRenameParticipant } from '../editing/linkRenames';

/** A tree node or a URI, as VS Code passes either to context-menu commands. */
export type EntryArg = { entry?: Entry } | vscode.Uri | undefined;

function resolve(service: NotebookService, arg: EntryArg): { entry: Entry; uri: vscode.Uri } | undefined {
  let rel: string | undefined;
  if (arg instanceof vscode.Uri) rel = service.relPath(arg);
  else if (arg?.entry) rel = arg.entry.path;
  else {
    const active = vscode.window.activeTextEditor?.document.uri;
    rel = active ? service.relPath(active) : undefined;
  }
  const entry = rel ? service.notebook.get(rel) : undefined;
  const uri = entry ? service.uriOf(entry.path) : undefined;
  return entry && uri ? { entry, uri } : undefined;
}

export async function revealEntry(service: NotebookService, arg: EntryArg): Promise<void> {
  const r = resolve(service, arg);
  if (r) await vscode.commands.executeCommand('revealInExplorer', r.uri);
}

/** Asks first; moves the file to the trash, or deletes it for good only after a second yes where there is no trash. */
export async function deleteEntry(service: NotebookService, arg: EntryArg): Promise<boolean> {
  const r = resolve(service, arg);
  if (!r) return false;
  const yes = 'Move to Trash';
  const answer = await vscode.window.showWarningMessage(`Delete "${r.entry.title}"?`, { modal: true, detail: `${vscode.workspace.asRelativePath(r.uri)} will be moved to the trash.` }, yes);
  if (answer !== yes) return false;
  try {
    await vscode.workspace.fs.delete(r.uri, { useTrash: true });
  } catch {
    const forGood = 'Delete Permanently';
    const again = await vscode.window.showWarningMessage(`There is no trash here. Delete "${r.entry.title}" permanently?`, { modal: true }, forGood);
    if (again !== forGood) return false;
    await vscode.workspace.fs.delete(r.uri, { useTrash: false });
  }
  return true;
}

/**
 * Renames the title and the file together; the new file name is a fresh, free slug.
 * Links to the entry in other notes (and wikilinks by its title) change in the same
 * edit, one undoable step; when there are any, VS Code's refactor preview shows every
 * change first, and nothing is written until it is applied.
 */
export async function renameEntry(service: NotebookService, arg: EntryArg, renames: LinkRenameParticipant): Promise<void> {
  const r = resolve(service, arg);
  if (!r) return;
  const spec = service.notebook.kinds.spec(r.entry.kind);
  const title = await vscode.window.showInputBox({
    title: `Rename ${spec.label}`,
    value: r.entry.title,
    validateInput: (v) => (!v.trim() ? 'Type a title' : !slugify(v) ? 'The title needs at least one letter or digit to name the file' : undefined),
  });
  if (title === undefined || title.trim() === r.entry.title) return;
  const doc = await vscode.workspace.openTextDocument(r.uri);
  const text = doc.getText();
  const change = setFieldEdit(text, spec.titleField, title.trim());
  if (!change) {
    void vscode.window.showErrorMessage(`Notepress: cannot rename ${vscode.workspace.asRelativePath(r.uri)}: fix its frontmatter first.`);
    return;
  }
  const folder = vscode.Uri.joinPath(r.uri, '..');
  const siblings = (await vscode.workspace.fs.readDirectory(folder)).map(([n]) => n).filter((n) => n !== r.uri.path.split('/').pop());
  const target = vscode.Uri.joinPath(folder, uniqueFileName(title, siblings));
  const moved = target.path !== r.uri.path;
  await service.flushEdits();
  const to = service.relPath(target);
  const links = renameEdits(service.notebook.links, moved && to ? [{ from: r.entry.path, to }] : [], new Map([[r.entry.path, title.trim()]]));
  // With links to update, every change asks for confirmation, so the preview shows them all.
  const meta = (label: string): vscode.WorkspaceEditEntryMetadata | undefined => (links.length ? { needsConfirmation: true, label } : undefined);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(r.uri, new vscode.Range(doc.positionAt(change.start), doc.positionAt(change.end)), change.text, meta('Rename the title'));
  // Edits to the renamed file come before its move: they name it by its old address.
  addLinkEdits(service, edit, links);
  if (moved) edit.renameFile(r.uri, target, { overwrite: false }, meta('Rename the file'));
  if (!(await renames.standAside(r.uri, () => vscode.workspace.applyEdit(edit, { isRefactoring: true })))) {
    if (!links.length) void vscode.window.showErrorMessage('Notepress: the rename could not be applied; nothing was changed.');
    return;
  }
  await vscode.workspace.openTextDocument(moved ? target : r.uri).then((d) => d.save());
}
