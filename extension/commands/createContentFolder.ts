import * as vscode from 'vscode';
import { DEFAULT_TEMPLATES, KINDS, templatePath } from '../core/index';
import { NotebookService } from '../workspace/notebookService';

const PROFILE = `---
name: Your name
role: What you do, in one line
tagline: One sentence about your work.
focus:
  stack: rust, linux
  mode: build the primitive, measure the edge cases
links: []
---

A paragraph about you. It is the Profile section of the home page.
`;

const TAG_PAGE = '---\ntitle: Tag\n---\n';
const TAG_PATHS = `// One page per tag; the site config provides the list (see docs/.vitepress/config.mts).
type TagPaths = () => Promise<{ params: Record<string, string> }[]>;

export default {
  paths: () => ((globalThis as { __notepressTagPaths?: TagPaths }).__notepressTagPaths?.() ?? []),
};
`;

/** Creates the content folder with the profile, every kind's folder and section page, and editable templates. Existing files are left alone. */
export async function createContentFolder(service: NotebookService): Promise<void> {
  await service.ready();
  const root = service.root;
  if (!root) {
    void vscode.window.showErrorMessage('Notepress: open a folder first; the notebook lives inside it.');
    return;
  }
  const files: [string, string][] = [
    ['index.md', PROFILE],
    ...KINDS.map((k): [string, string] => [`${k.folder}/index.md`, `---\ntitle: ${k.plural}\n---\n`]),
    ...KINDS.map((k): [string, string] => [templatePath(k.id), DEFAULT_TEMPLATES[k.id]]),
    ['tags/[tag].md', TAG_PAGE],
    ['tags/[tag].paths.mts', TAG_PATHS],
  ];
  const edit = new vscode.WorkspaceEdit();
  for (const [rel, text] of files) {
    edit.createFile(vscode.Uri.joinPath(root, ...rel.split('/')), { ignoreIfExists: true, contents: new TextEncoder().encode(text) });
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Notepress: could not create the content folder at ${vscode.workspace.asRelativePath(root)}.`);
    return;
  }
  await service.reload();
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, 'index.md'));
  await vscode.window.showTextDocument(doc);
}
