import * as vscode from 'vscode';
import { notebookKinds, validateFor } from '../core/import/index';
import { importFolder } from '../core/node/importDisk';
import { NotebookService } from '../workspace/notebookService';
import { contentRoot, projectRoot } from '../workspace/settings';
import { createNotebook } from './createNotebook';

/**
 * Import Existing Blog…: an Astro, Hugo or Jekyll blog (or any folder of markdown) read
 * without changing it and written into the notebook, never over a file; then the
 * starter's site files the folder lacks, and the import report opened, every item
 * at its `file:line`.
 */
export async function importBlog(service: NotebookService, extension: vscode.ExtensionContext['extension'], folder?: vscode.Uri): Promise<boolean> {
  const project = projectRoot();
  const content = contentRoot();
  if (!project || !content || project.scheme !== 'file') {
    void vscode.window.showErrorMessage('Notepress: open a local folder first; the blog is imported into it.');
    return false;
  }
  const blog = folder ?? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, title: 'Import Existing Blog', openLabel: 'Import' }))?.[0];
  if (!blog) return false;
  await service.ready();
  const kinds = service.notebook.kinds;
  let outcome;
  try {
    outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Notepress: importing ${vscode.workspace.asRelativePath(blog)}…` },
      () => importFolder(blog.fsPath, content.fsPath, { kinds: notebookKinds(kinds), validate: validateFor(kinds) }, { source: blog.fsPath, content: vscode.workspace.asRelativePath(content) }));
  } catch (err) {
    void vscode.window.showErrorMessage(`Notepress: ${(err as Error).message}`);
    return false;
  }
  const { plan, result } = outcome;
  const entries = plan.writes.filter((w) => w.kind).length;
  const issues = plan.report.filter((r) => r.severity !== 'info').length;
  await createNotebook(service, extension, { install: true });
  if (result.reportPath) {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(content, ...result.reportPath.split('/')), { preview: false });
  }
  void vscode.window.showInformationMessage(`Notepress: imported a ${plan.layout} blog: ${entries} entr${entries === 1 ? 'y' : 'ies'}, ${result.written.length} files written`
    + `${result.conflicts.length ? `, ${result.conflicts.length} kept as they were` : ''}${issues ? `; ${issues} item${issues === 1 ? '' : 's'} to look at in the report` : ''}.`);
  return result.failed.length === 0;
}
