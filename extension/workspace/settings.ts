import * as vscode from 'vscode';

/**
 * A folder named by a setting, inside the first workspace folder. A setting is user
 * input too: `..` and empty segments are dropped, so it cannot climb out.
 */
function folderSetting(key: 'contentDir' | 'siteDir', fallback: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const dir = vscode.workspace.getConfiguration('notepress', folder).get<string>(key, fallback);
  const clean = dir.split(/[\\/]+/).filter((s) => s && s !== '.' && s !== '..');
  return vscode.Uri.joinPath(folder.uri, ...clean);
}

/** Where the notebook lives (`notepress.contentDir`, default `content`). */
export const contentRoot = (): vscode.Uri | undefined => folderSetting('contentDir', 'content');

/** The VitePress project folder (`notepress.siteDir`, default `docs`). */
export const siteRoot = (): vscode.Uri | undefined => folderSetting('siteDir', 'docs');
