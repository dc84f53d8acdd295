import * as vscode from 'vscode';
import { askedFields, defaultTemplate, FieldSpec, fillTemplate, KindSpec, slugify, templatePath, today, uniqueFileName, decodeContent } from '../core/index';
import { NotebookService } from '../workspace/notebookService';
import { createFileExclusive, describeFsError, exists } from '../util/fs';

/**
 * New Entry (any kind, asked first) and New Note / Case Study / ...: asks for the title
 * and each required field the template cannot fill (a case study's category, a lab
 * note's status), fills the kind's template, and creates the file without ever
 * overwriting one. Cancelling any prompt creates nothing.
 */
export async function newEntry(service: NotebookService, kindId: string | undefined, presetTitle?: string): Promise<vscode.Uri | undefined> {
  await service.ready();
  const root = service.root;
  if (!root || !(await exists(root))) {
    const create = 'Create Notebook';
    const pick = await vscode.window.showWarningMessage(`Notepress: there is no content folder${root ? ` at ${vscode.workspace.asRelativePath(root)}` : ''} yet.`, create);
    if (pick === create) await vscode.commands.executeCommand('notepress.createNotebook');
    return undefined;
  }
  const spec = kindId ? service.notebook.kinds.get(kindId) : await pickKind(service.notebook.kinds.all);
  if (!spec) return undefined;
  const title = presetTitle ?? (await vscode.window.showInputBox({
    title: `New ${spec.label}`,
    prompt: `Title of the ${spec.label.toLowerCase()}`,
    placeHolder: spec.titleField === 'project' ? 'Project name' : 'Title',
    ignoreFocusOut: true,
    validateInput: (v) => (!v.trim() ? 'Type a title' : !slugify(v) ? 'The title needs at least one letter or digit to name the file' : undefined),
  }));
  if (title === undefined || !title.trim()) return undefined;
  const fields: Record<string, string> = {};
  for (const f of askedFields(spec)) {
    const value = await pickValue(spec, f, service.notebook.values(f.name));
    if (value === undefined) return undefined;
    fields[f.name] = value;
  }
  const template = await readTemplate(root, spec);
  const { text, cursor } = fillTemplate(template, { title: title.trim(), date: today(), fields });
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

async function pickKind(kinds: readonly KindSpec[]): Promise<KindSpec | undefined> {
  const picked = await vscode.window.showQuickPick(kinds.map((k) => ({ label: k.label, description: `${k.folder}/`, spec: k })), {
    title: 'New Entry', placeHolder: 'Which kind of entry?', ignoreFocusOut: true,
  });
  return picked?.spec;
}

/** An enum field's value from its list; any other field's from the values the notebook uses, or typed new. */
async function pickValue(kind: KindSpec, f: FieldSpec, existing: string[]): Promise<string | undefined> {
  if (f.type === 'enum' && f.values) {
    return (await vscode.window.showQuickPick([...f.values], { title: `New ${kind.label}: ${f.name}`, placeHolder: f.doc, ignoreFocusOut: true }));
  }
  const qp = vscode.window.createQuickPick();
  qp.title = `New ${kind.label}: ${f.name}`;
  qp.placeholder = existing.length ? `Pick a ${f.name}, or type a new one` : `Type a ${f.name}`;
  qp.ignoreFocusOut = true;
  const base = existing.map((label) => ({ label }));
  qp.items = base;
  qp.onDidChangeValue((v) => {
    const typed = v.trim();
    qp.items = typed && !existing.some((c) => c.toLowerCase() === typed.toLowerCase())
      ? [{ label: typed, description: `new ${f.name}` }, ...base]
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

async function readTemplate(root: vscode.Uri, kind: KindSpec): Promise<string> {
  const text = await readText(vscode.Uri.joinPath(root, ...templatePath(kind).split('/')));
  return text ?? defaultTemplate(kind);
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const d = decodeContent(await vscode.workspace.fs.readFile(uri));
    return d.ok ? d.text : undefined;
  } catch {
    return undefined;
  }
}
