import * as vscode from 'vscode';

/** True when something exists at the URI; any error (not found, no access) reads as no. */
export function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);
}
