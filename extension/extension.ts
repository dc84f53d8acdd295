import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { NotebookTreeProvider } from './sidebar/notebookTreeProvider';
import { SiteRunner } from './site/siteRunner';
import { NotebookService } from './workspace/notebookService';
import { siteRoot } from './workspace/settings';

/** Wiring only: build the services, hand them to the features, own them all. */
export function activate(context: vscode.ExtensionContext): void {
  const service = new NotebookService();
  const site = new SiteRunner(service);
  const tree = new NotebookTreeProvider(service);
  context.subscriptions.push(
    service,
    site,
    tree,
    vscode.window.createTreeView(NotebookTreeProvider.viewId, { treeDataProvider: tree, showCollapseAll: true }),
    registerCommands(service, site),
  );
  void hasSite().then((yes) => vscode.commands.executeCommand('setContext', 'notepress.hasSite', yes));
  // Loading starts now but does not hold activation: the tree shows it when ready.
  void service.ready();
}

export function deactivate(): void {}

async function hasSite(): Promise<boolean> {
  const site = siteRoot();
  if (!site) return false;
  for (const name of ['config.mts', 'config.ts', 'config.mjs', 'config.js']) {
    if (await vscode.workspace.fs.stat(vscode.Uri.joinPath(site, '.vitepress', name)).then(() => true, () => false)) return true;
  }
  return false;
}
