import * as path from 'node:path';
import * as vscode from 'vscode';
import { CONFIG_PATH, ContentFiles, decodeContent, DEFAULT_CONFIG, loadBlockEngines, needsBlockEngines, Notebook, parseNotebookConfig, ProblemCode } from '../core/index';
import { diskFiles, loadFiles, scanContent } from '../core/node/load';
import { Disposable } from '../util/dispose';
import { relativeTo } from '../util/paths';
import { contentRoot } from './settings';
import { exists } from '../util/fs';

/** Extensions of files notes refer to: chart data and images. */
const REFERENCED_EXTENSIONS = ['csv', 'tsv', 'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'avif'];

/**
 * The workspace's notebook: loads the content folder once, asynchronously, then keeps
 * the core index current one file at a time, from disk events and from unsaved edits
 * in open editors. Everything in the extension reads the notebook through this.
 */
export class NotebookService extends Disposable {
  private _notebook = new Notebook();
  private _root: vscode.Uri | undefined;
  private _hasContent = false;
  private _loaded: Promise<void> | undefined;
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** Fires after the notebook changed, at most once per 50 ms burst. */
  readonly onDidChange = this._onDidChange.event;
  private _fireTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly _editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private _watcher: vscode.FileSystemWatcher | undefined;
  private _filesWatcher: vscode.FileSystemWatcher | undefined;
  private _settingsWatcher: vscode.FileSystemWatcher | undefined;
  private _reloadTimer: ReturnType<typeof setTimeout> | undefined;
  /** Symbolic links in the content folder: not followed, as the site build does not follow them. */
  private _links: string[] = [];
  private readonly _onDidChangeFile = this._register(new vscode.EventEmitter<string>());
  /** Fires with the content-relative path of a chart data file or image that changed on disk or in an editor. */
  readonly onDidChangeFile = this._onDidChangeFile.event;

  constructor() {
    super();
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('notepress.contentDir')) void this.reload();
    }));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this._onEdit(e.document)));
    this._register({ dispose: () => {
      clearTimeout(this._fireTimer);
      clearTimeout(this._reloadTimer);
      this._settingsWatcher?.dispose();
      this._editTimers.forEach(clearTimeout);
      this._watcher?.dispose();
      this._filesWatcher?.dispose();
    } });
  }

  get root(): vscode.Uri | undefined {
    return this._root;
  }

  /** True once loaded when the content folder exists. */
  get hasContent(): boolean {
    return this._hasContent;
  }

  /** The index. Replaced when the notebook's settings change (its kinds may have), so read it here each time. */
  get notebook(): Notebook {
    return this._notebook;
  }

  /** Loads the notebook if it is not loaded yet; resolves when it is. */
  ready(): Promise<void> {
    return (this._loaded ??= this._load());
  }

  /** Forgets everything and loads again (the Refresh command, a changed setting). */
  async reload(): Promise<void> {
    this._notebook = new Notebook();
    this._loaded = this._load();
    await this._loaded;
  }

  /** The content-relative path of a URI, or undefined when it is not in the content folder. */
  relPath(uri: vscode.Uri): string | undefined {
    if (!this._root || uri.scheme !== this._root.scheme) return undefined;
    return relativeTo(this._root.path, uri.path);
  }

  uriOf(relPath: string): vscode.Uri | undefined {
    return this._root ? vscode.Uri.joinPath(this._root, ...relPath.split('/')) : undefined;
  }

  /**
   * Files a note refers to (chart data, images), as the core's checks and the chart
   * renderer read them: an open editor's text first, so unsaved data edits show at
   * once, else the disk. Synchronous, because markdown-it's renderers are; the
   * extension declares no virtual-workspace support, so the folder is on local disk.
   */
  readonly files: ContentFiles = {
    read: (target) => {
      const uri = this.uriOf(target);
      const open = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
      if (open && !target.startsWith('..')) return open.getText();
      return this._root ? diskFiles(this._root.fsPath).read(target) : undefined;
    },
    isFile: (target) => !!this._root && diskFiles(this._root.fsPath).isFile(target),
  };

  private async _load(): Promise<void> {
    this._root = contentRoot();
    this._watcher?.dispose();
    this._watcher = undefined;
    this._filesWatcher?.dispose();
    this._filesWatcher = undefined;
    const found = this._root ? await exists(this._root) : false;
    this._hasContent = found;
    await vscode.commands.executeCommand('setContext', 'notepress.hasContentFolder', found);
    if (!this._root || !found) {
      // A notebook made outside the editor (`notepress init` in a terminal, a git pull)
      // shows up without a reload.
      this._settingsWatcher?.dispose();
      this._settingsWatcher = this._root ? vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(this._root, '..'), `${this._root.path.split('/').pop()}/index.md`)) : undefined;
      this._settingsWatcher?.onDidCreate(() => this._scheduleReload());
      this._fire();
      return;
    }
    const root = this._root;
    // The settings first: they say which folders hold which kinds.
    const settings = await this._readText(vscode.Uri.joinPath(root, ...CONFIG_PATH.split('/')));
    this._notebook = new Notebook(settings === undefined ? DEFAULT_CONFIG : parseNotebookConfig(settings));
    // VS Code's search follows symbolic links (search.followSymlinks); the site build
    // and the core do not, so files behind one are left out here too.
    this._links = root.scheme === 'file' ? [...(await scanContent(root.fsPath, this._notebook.kinds)).links] : [];
    // findFiles honours files.exclude, and runs in the search process: no synchronous scan here.
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(root, '**/*.{md,mdx}'), '**/{node_modules,.vitepress}/**');
    const queue = uris.filter((u) => { const r = this.relPath(u); return r !== undefined && this._isEntryPath(r); });
    // A large notebook fills the tree in as it loads (a refresh every 250 ms) rather than
    // showing nothing until the last file is read.
    const progress = setInterval(() => this._fire(), 250);
    try {
      if (root.scheme === 'file') {
        // A local folder is read as the site build reads it: in batches, synchronously (the fastest way; see loadFiles).
        await loadFiles(this._notebook, root.fsPath, queue.map((u) => this.relPath(u)!));
        // Unsaved edits win over the disk.
        for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) await this._read(doc.uri);
      } else {
        const worker = async () => {
          for (let u = queue.pop(); u; u = queue.pop()) await this._read(u);
        };
        await Promise.all(Array.from({ length: 16 }, worker));
      }
    } finally {
      clearInterval(progress);
    }
    this._watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '**/*.{md,mdx}'));
    this._watcher.onDidCreate((u) => void this._read(u).then(() => this._fire()));
    this._watcher.onDidChange((u) => void this._read(u).then(() => this._fire()));
    this._watcher.onDidDelete((u) => {
      const rel = this.relPath(u);
      // A deleted folder arrives as one event for the folder: drop everything under it.
      for (const p of this.notebook.paths()) if (rel !== undefined && (p === rel || p.startsWith(`${rel}/`))) this.notebook.delete(p);
      this._fire();
    });
    this._filesWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, `**/*.{${REFERENCED_EXTENSIONS.join(',')}}`));
    const changed = (u: vscode.Uri): void => {
      const rel = this.relPath(u);
      if (rel !== undefined) this._onDidChangeFile.fire(rel);
    };
    this._filesWatcher.onDidCreate(changed);
    this._filesWatcher.onDidChange(changed);
    this._filesWatcher.onDidDelete(changed);
    // New settings may change which folders are which kinds: read everything again.
    this._settingsWatcher?.dispose();
    this._settingsWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, CONFIG_PATH));
    const again = () => this._scheduleReload();
    this._settingsWatcher.onDidCreate(again);
    this._settingsWatcher.onDidChange(again);
    this._settingsWatcher.onDidDelete(again);
    this._fire();
  }

  private _scheduleReload(): void {
    clearTimeout(this._reloadTimer);
    this._reloadTimer = setTimeout(() => void this.reload(), 300);
  }

  /** A file's text: its open editor's (unsaved edits included), else the disk's; undefined when it is neither. */
  private async _readText(uri: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
    if (open) return open.getText();
    try {
      const d = decodeContent(await vscode.workspace.fs.readFile(uri));
      return d.ok ? d.text : undefined;
    } catch {
      return undefined;
    }
  }

  /** Reads one file into the index: from its open editor when it has unsaved edits, else from disk. */
  private _isEntryPath(rel: string): boolean {
    return this._notebook.kinds.classify(rel) !== undefined && !this._links.some((l) => rel === l || rel.startsWith(`${l}/`));
  }

  private async _read(uri: vscode.Uri): Promise<void> {
    const rel = this.relPath(uri);
    if (rel === undefined || !this._isEntryPath(rel)) return;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) {
      const text = open.getText();
      if (needsBlockEngines(text)) await loadBlockEngines();
      this.notebook.set(rel, text);
      return;
    }
    try {
      const decoded = decodeContent(await vscode.workspace.fs.readFile(uri));
      // Diagrams and math are checked when a note is parsed: their renderers load on first need.
      if (decoded.ok && needsBlockEngines(decoded.text)) await loadBlockEngines();
      if (decoded.ok) this.notebook.set(rel, decoded.text);
      else this.notebook.setUnreadable(rel, decoded.code, decoded.message, decoded);
    } catch (err) {
      if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') this.notebook.delete(rel);
      else this.notebook.setUnreadable(rel, ProblemCode.Unreadable, `cannot read the file: ${String((err as Error).message ?? err)}`);
    }
  }

  private _onEdit(doc: vscode.TextDocument): void {
    const rel = this.relPath(doc.uri);
    if (rel === undefined) return;
    if (rel === CONFIG_PATH) return this._scheduleReload();
    if (REFERENCED_EXTENSIONS.includes(path.extname(rel).slice(1).toLowerCase())) this._onDidChangeFile.fire(rel);
    if (!this._isEntryPath(rel)) return;
    // Typing fires many changes; the tree needs the last one only.
    clearTimeout(this._editTimers.get(rel));
    this._editTimers.set(rel, setTimeout(() => {
      this._editTimers.delete(rel);
      if (doc.isClosed) return;
      const text = doc.getText();
      void (needsBlockEngines(text) ? loadBlockEngines() : Promise.resolve()).then(() => {
        this.notebook.set(rel, text);
        this._fire();
      });
    }, 150));
  }

  /**
   * Puts edits still waiting for their debounce into the index now, so that positions
   * computed from it (a rename's link edits) match the editors' text.
   */
  async flushEdits(): Promise<void> {
    const pending = [...this._editTimers.keys()];
    for (const rel of pending) {
      clearTimeout(this._editTimers.get(rel));
      this._editTimers.delete(rel);
      const uri = this.uriOf(rel);
      const doc = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
      if (!doc) continue;
      const text = doc.getText();
      if (needsBlockEngines(text)) await loadBlockEngines();
      this.notebook.set(rel, text);
    }
    if (pending.length) this._fire();
  }

  private _fire(): void {
    clearTimeout(this._fireTimer);
    this._fireTimer = setTimeout(() => this._onDidChange.fire(), 50);
  }
}
