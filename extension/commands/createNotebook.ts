import * as vscode from 'vscode';
import { mergeGitignore, mergePackageJson, starterFiles, today } from '../core/index';
import { NotebookService } from '../workspace/notebookService';
import { contentDirSetting, projectRoot } from '../workspace/settings';
import { createFileExclusive, describeFsError, exists } from '../util/fs';
import { installNotebook } from '../site/installer';

/**
 * Create Notebook: the starter notebook (a profile to fill in, the settings file, the
 * site's config, a GitHub Pages workflow) written into the workspace folder without
 * replacing any file; `package.json` and `.gitignore` only gain what they lack. Then
 * the notebook's packages are installed in a visible task, and Serve Site is offered.
 *
 * Until `notepress` is on the npm registry, the notebook depends on the copy of the
 * package this extension carries (`vendor/notepress-<version>.tgz`, written beside it);
 * `notepress.packageSource: registry` makes it depend on the registry's instead.
 */
export async function createNotebook(service: NotebookService, extension: vscode.ExtensionContext['extension'], o: { install?: boolean } = {}): Promise<boolean> {
  const project = projectRoot();
  if (!project) {
    void vscode.window.showErrorMessage('Notepress: open a folder first; the notebook lives inside it.');
    return false;
  }
  const version = String((extension.packageJSON as { version: string }).version);
  const written: string[] = [];
  const failed: string[] = [];
  const write = async (rel: string, text: string | Uint8Array) => {
    const uri = vscode.Uri.joinPath(project, ...rel.split('/'));
    try {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    } catch (err) {
      failed.push(`${rel}: ${describeFsError(err)}`);
      return;
    }
    const r = await createFileExclusive(uri, text);
    if (r.created) written.push(rel);
    else if (!r.exists) failed.push(`${rel}: ${r.reason}`);
  };
  for (const f of starterFiles({ date: today(), contentDir: contentDirSetting() })) await write(f.path, f.text);

  const pkgUri = vscode.Uri.joinPath(project, 'package.json');
  const pkgBefore = await readText(pkgUri);
  // Notepress's own repository is the package itself: it needs neither a dependency on itself nor a vendored copy.
  if (!pkgBefore || (JSON.parse(pkgBefore) as { name?: string }).name !== 'notepress') {
    const dependency = await dependencySpec(project, extension.extensionUri, version, write);
    const pkg = mergePackageJson(pkgBefore, { name: project.path.split('/').pop() ?? 'notebook', dependency });
    if (pkg && 'error' in pkg) failed.push(pkg.error);
    else if (pkg && (await readText(pkgUri)) === pkgBefore) {
      await vscode.workspace.fs.writeFile(pkgUri, new TextEncoder().encode(pkg.text));
      written.push('package.json');
    }
    const ignoreUri = vscode.Uri.joinPath(project, '.gitignore');
    const ignoreBefore = await readText(ignoreUri);
    const ignore = mergeGitignore(ignoreBefore);
    if (ignore && (await readText(ignoreUri)) === ignoreBefore) {
      await vscode.workspace.fs.writeFile(ignoreUri, new TextEncoder().encode(ignore));
      written.push('.gitignore');
    }
  }
  if (failed.length) void vscode.window.showErrorMessage(`Notepress: some files could not be written: ${failed.join('; ')}.`);
  await service.reload();
  const profile = vscode.Uri.joinPath(project, ...contentDirSetting().split('/'), 'index.md');
  if (await exists(profile)) await vscode.window.showTextDocument(profile, { preview: false });
  if (o.install === false || !written.length) return failed.length === 0;
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage('Notepress: the notebook is written. Trust the workspace, then run Build Site or Serve Site: they install its packages first.');
    return failed.length === 0;
  }
  if (!(await installNotebook(project))) return false;
  await vscode.commands.executeCommand('notepress.refreshSite');
  const serve = 'Serve Site';
  void vscode.window.showInformationMessage('Notepress: your notebook is ready. Fill in the profile, then serve the site to see it.', serve, 'Build Site')
    .then((pick) => pick && vscode.commands.executeCommand(pick === serve ? 'notepress.serveSite' : 'notepress.buildSite'));
  return failed.length === 0;
}

/** The `notepress` dependency a new notebook gets: the registry's, or the copy this extension carries, vendored beside the notebook. */
async function dependencySpec(project: vscode.Uri, extensionUri: vscode.Uri, version: string, write: (rel: string, bytes: Uint8Array) => Promise<void>): Promise<string> {
  const source = vscode.workspace.getConfiguration('notepress', project).get<string>('packageSource', 'bundled');
  const tarball = `notepress-${version}.tgz`;
  const bundled = vscode.Uri.joinPath(extensionUri, 'dist', tarball);
  if (source === 'registry' || !(await exists(bundled))) return `^${version}`;
  await write(`vendor/${tarball}`, await vscode.workspace.fs.readFile(bundled));
  return `file:vendor/${tarball}`;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
