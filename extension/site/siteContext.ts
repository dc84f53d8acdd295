import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';
import { exists } from '../util/fs';
import { projectRoot } from '../workspace/settings';
import { siteState } from './siteProject';

/**
 * Whether the workspace has a site (`notepress.hasSite`: Build Site and Serve Site show)
 * and whether it can run (`notepress.siteReady`), kept current without a reload: the
 * site's config and the notebook's installed package are watched.
 */
export class SiteContext extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** Fires when the site became runnable or stopped being so, or VitePress was installed or removed. */
  readonly onDidChange = this._onDidChange.event;
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private _vitepress: vscode.Uri | undefined;
  /** Settles when the first check is done: until then `vitepressEntry` is unknown, not absent. */
  readonly known: Promise<void>;

  constructor() {
    super();
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder) {
      // `node_modules` itself too: a folder that appears whole (moved into place, or written
      // faster than the watcher adds its subfolders) reports only its own creation.
      for (const glob of ['{,docs/}.vitepress/config.*', 'node_modules', 'node_modules/{notepress,vitepress}/package.json', 'dist/site/cli.mjs']) {
        const w = this._register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob)));
        this._register(w.onDidCreate(() => this.schedule()));
        this._register(w.onDidDelete(() => this.schedule()));
      }
    }
    this._register({ dispose: () => clearTimeout(this.timer) });
    this.known = this.refresh().catch(() => undefined);
  }

  /** VitePress's node entry in the workspace's node_modules, when installed (the preview renders with it). */
  get vitepressEntry(): vscode.Uri | undefined {
    return this._vitepress;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 300);
  }

  async refresh(): Promise<void> {
    const state = await siteState();
    const project = projectRoot();
    const vp = project && vscode.Uri.joinPath(project, 'node_modules', 'vitepress', 'dist', 'node', 'index.js');
    const vitepress = vp && (await exists(vp)) ? vp : undefined;
    const changed = state.ready !== this.ready || vitepress?.toString() !== this._vitepress?.toString();
    this._vitepress = vitepress;
    this.ready = state.ready;
    await vscode.commands.executeCommand('setContext', 'notepress.hasSite', state.ready || state.missing === 'install');
    await vscode.commands.executeCommand('setContext', 'notepress.siteReady', state.ready);
    if (changed) this._onDidChange.fire();
  }
}
