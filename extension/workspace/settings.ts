import * as vscode from 'vscode';

/**
 * A folder named by a setting, inside the first workspace folder. A setting is user
 * input too: `..` and empty segments are dropped, so it cannot climb out.
 */
function folderSetting(key: 'contentDir' | 'siteDir', fallback: string): vscode.Uri | undefined {
  const folder = projectRoot();
  if (!folder) return undefined;
  const dir = vscode.workspace.getConfiguration('notepress', folder).get<string>(key, fallback) || fallback;
  const clean = dir.split(/[\\/]+/).filter((s) => s && s !== '.' && s !== '..');
  return vscode.Uri.joinPath(folder, ...clean);
}

/** The project folder: the first workspace folder, where `package.json` and the commands run. */
export const projectRoot = (): vscode.Uri | undefined => vscode.workspace.workspaceFolders?.[0]?.uri;

/** Where the notebook lives (`notepress.contentDir`, default `content`). */
export const contentRoot = (): vscode.Uri | undefined => folderSetting('contentDir', 'content');

/** The content folder as the `notepress` command takes it: relative to the project folder. */
export function contentDirSetting(): string {
  const folder = projectRoot();
  const dir = (folder && vscode.workspace.getConfiguration('notepress', folder).get<string>('contentDir', 'content')) || 'content';
  return dir.split(/[\\/]+/).filter((s) => s && s !== '.' && s !== '..').join('/') || 'content';
}

/**
 * The VitePress folder candidates, in order: `notepress.siteDir` when set, else the
 * project folder itself (a notebook made by Create Notebook) and `docs/` (Notepress's
 * own repository).
 */
export function siteRootCandidates(): vscode.Uri[] {
  const folder = projectRoot();
  if (!folder) return [];
  const set = vscode.workspace.getConfiguration('notepress', folder).get<string>('siteDir', '');
  return set ? [folderSetting('siteDir', '.')!] : [folder, vscode.Uri.joinPath(folder, 'docs')];
}
