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
 * Links to the entry in other notes (and wikilinks by its title) are updated with it:
 * the move brings in the link edits (`LinkRenameParticipant`), and VS Code asks before
 * applying them, offering its refactor preview; all of it is one undoable step. When the
 * file name stays, the title's wikilinks change in the same edit as the title.
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
  // Planned before anything changes: the index must still know the old title and place.
  await service.flushEdits();
  const to = service.relPath(target);
  const links = renameEdits(service.notebook.links, moved && to ? [{ from: r.entry.path, to }] : [], new Map([[r.entry.path, title.trim()]]));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(r.uri, new vscode.Range(doc.positionAt(change.start), doc.positionAt(change.end)), change.text, { needsConfirmation: false, label: 'Rename the title' });
  if (moved) edit.renameFile(r.uri, target, { overwrite: false }, { needsConfirmation: false, label: 'Rename the file' });
  else addLinkEdits(service, edit, links);
  const applied = moved
    ? await renames.renaming(r.uri, links, () => vscode.workspace.applyEdit(edit, { isRefactoring: true }))
    : await vscode.workspace.applyEdit(edit, { isRefactoring: true });
  if (!applied) {
    void vscode.window.showErrorMessage('Notepress: the rename could not be applied; nothing was changed.');
    return;
  }
  await vscode.workspace.openTextDocument(target).then((d) => d.save());
}
