import * as vscode from 'vscode';
import { DEFAULT_TEMPLATES, fillTemplate, KindId, kindSpec, slugify, templatePath, today, uniqueFileName, decodeContent } from '../core/index';
import { NotebookService } from '../workspace/notebookService';
import { createFileExclusive, describeFsError, exists } from '../util/fs';

/**
 * New Note / Case Study / Research Entry / Open Source Entry: asks for the title (and a
 * case study's category), fills the kind's template, and creates the file without ever
 * overwriting one. Cancelling any prompt creates nothing.
 */
export async function newEntry(service: NotebookService, kind: KindId, presetTitle?: string): Promise<vscode.Uri | undefined> {
  await service.ready();
  const root = service.root;
  if (!root || !(await exists(root))) {
    const create = 'Create Content Folder';
    const pick = await vscode.window.showWarningMessage(`Notepress: there is no content folder${root ? ` at ${vscode.workspace.asRelativePath(root)}` : ''} yet.`, create);
    if (pick === create) await vscode.commands.executeCommand('notepress.createContentFolder');
    return undefined;
  }
  const spec = kindSpec(kind);
  const title = presetTitle ?? (await vscode.window.showInputBox({
    title: `New ${spec.label}`,
    prompt: `Title of the ${spec.label.toLowerCase()}`,
    placeHolder: kind === 'open-source' ? 'Project name' : 'Title',
    ignoreFocusOut: true,
    validateInput: (v) => (!v.trim() ? 'Type a title' : !slugify(v) ? 'The title needs at least one letter or digit to name the file' : undefined),
  }));
  if (title === undefined || !title.trim()) return undefined;
  let category: string | undefined;
  if (kind === 'case-study') {
    category = await pickCategory(service.notebook.values('category'));
    if (category === undefined) return undefined;
  }
  const template = await readTemplate(root, kind);
  const { text, cursor } = fillTemplate(template, { title: title.trim(), date: today(), category });
  const folder = vscode.Uri.joinPath(root, spec.folder);
  let taken: Set<string>;
  try {
    await vscode.workspace.fs.createDirectory(folder);
    taken = new Set((await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name));
  } catch (err) {
    void vscode.window.showErrorMessage(`Notepress: cannot create a ${spec.label.toLowerCase()} in ${vscode.workspace.asRelativePath(folder)}: ${describeFsError(err)}.`);
    return undefined;
  }
  // Creation fails when the name appeared since we listed the folder (another window,
  // a sync tool); then the next free name is tried. Any other failure is reported.
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = uniqueFileName(title, taken);
    const uri = vscode.Uri.joinPath(folder, name);
    const result = await createFileExclusive(uri, text);
    if (result.created) {
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      const pos = doc.positionAt(cursor);
      editor.selection = new vscode.Selection(pos, pos);
      editor.revealRange(new vscode.Range(pos, pos));
      return uri;
    }
    if (!result.exists) {
      void vscode.window.showErrorMessage(`Notepress: could not create ${vscode.workspace.asRelativePath(uri)}: ${result.reason}. Nothing was written.`);
      return undefined;
    }
    taken.add(name);
  }
  void vscode.window.showErrorMessage(`Notepress: could not find a free file name for "${title}" in ${spec.folder}/.`);
  return undefined;
}

async function pickCategory(existing: string[]): Promise<string | undefined> {
  const qp = vscode.window.createQuickPick();
  qp.title = 'New Case Study: category';
  qp.placeholder = existing.length ? 'Pick a category, or type a new one' : 'Type a category, e.g. Databases';
  qp.ignoreFocusOut = true;
  const base = existing.map((label) => ({ label }));
  qp.items = base;
  qp.onDidChangeValue((v) => {
    const typed = v.trim();
    qp.items = typed && !existing.some((c) => c.toLowerCase() === typed.toLowerCase())
      ? [{ label: typed, description: 'new category' }, ...base]
      : base;
  });
  return new Promise((resolve) => {
    let done = false;
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0]?.label ?? qp.value.trim();
      if (!picked) return;
      done = true;
      resolve(picked);
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

async function readTemplate(root: vscode.Uri, kind: KindId): Promise<string> {
  const text = await readText(vscode.Uri.joinPath(root, ...templatePath(kind).split('/')));
  return text ?? DEFAULT_TEMPLATES[kind];
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const d = decodeContent(await vscode.workspace.fs.readFile(uri));
    return d.ok ? d.text : undefined;
  } catch {
    return undefined;
  }
}
