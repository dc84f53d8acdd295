import * as vscode from 'vscode';

/** Where the notebook lives: the first workspace folder and `notepress.contentDir` inside it. */
export function contentRoot(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const dir = vscode.workspace.getConfiguration('notepress', folder).get<string>('contentDir', 'content');
  // A setting is user input too: it may not climb out of the workspace folder.
  const clean = dir.split(/[\\/]+/).filter((s) => s && s !== '.' && s !== '..');
  return vscode.Uri.joinPath(folder.uri, ...clean);
}

/** The VitePress project folder (`notepress.siteDir`, default `docs`). */
export function siteRoot(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const dir = vscode.workspace.getConfiguration('notepress', folder).get<string>('siteDir', 'docs');
  const clean = dir.split(/[\\/]+/).filter((s) => s && s !== '.' && s !== '..');
  return vscode.Uri.joinPath(folder.uri, ...clean);
}
